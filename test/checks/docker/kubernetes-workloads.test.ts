import { describe, expect, it } from 'vitest';
import check from '../../../checks/docker/kubernetes-workloads.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const BARE = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: rag-api',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: api',
  '          image: ghcr.io/me/rag-api:1.0.0',
  '',
].join('\n');

const TIDY = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: rag-api',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: api',
  '          image: ghcr.io/me/rag-api:1.0.0',
  '          resources:',
  '            requests: { cpu: "1", memory: 4Gi }',
  '            limits: { memory: 8Gi, nvidia.com/gpu: 1 }',
  '          readinessProbe:',
  '            httpGet: { path: /health, port: 8000 }',
  '          livenessProbe:',
  '            httpGet: { path: /health, port: 8000 }',
  '---',
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: rag-api',
  '',
].join('\n');

describe('docker/kubernetes-workloads', () => {
  it.each<CheckRow>([
    {
      name: 'a container with neither resources nor probes',
      files: { 'k8s/deployment.yaml': BARE },
      expected: [
        { kind: 'concern', messageId: 'noResources', at: 'k8s/deployment.yaml:9' },
        { kind: 'concern', messageId: 'noProbes', at: 'k8s/deployment.yaml:9' },
      ],
    },
    {
      name: 'a container with requests, limits and probes',
      files: { 'k8s/deployment.yaml': TIDY },
      expected: [
        { kind: 'strength', messageId: 'resources', at: 'k8s/deployment.yaml:11' },
        { kind: 'strength', messageId: 'probes', at: 'k8s/deployment.yaml:14' },
      ],
    },
    { name: 'a YAML config that is not a workload', files: { 'config.yaml': 'model: gpt-4o-mini\ncontainers:\n  - name: api\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('puts the values in the message', async () => {
    const [resources, probes] = await findingsOf(check, { 'k8s/deployment.yaml': TIDY });
    expect(resources!.message).toBe('Container `api` of Deployment sets resources: requests cpu=1, memory=4Gi; limits memory=8Gi, nvidia.com/gpu=1');
    expect(probes!.message).toBe('Container `api` of Deployment has a readinessProbe, a livenessProbe');
  });
});
