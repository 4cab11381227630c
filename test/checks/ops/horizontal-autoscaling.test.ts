import { describe, expect, it } from 'vitest';
import check from '../../../checks/ops/horizontal-autoscaling.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: rag-api',
  'spec:',
  '  replicas: 2',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: api',
  '          image: ghcr.io/me/rag-api:1.0.0',
  '',
].join('\n');

const HPA = [
  'apiVersion: autoscaling/v2',
  'kind: HorizontalPodAutoscaler',
  'metadata:',
  '  name: rag-api',
  'spec:',
  '  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: rag-api }',
  '  minReplicas: 2',
  '  maxReplicas: 10',
  '  metrics:',
  '    - type: Resource',
  '      resource: { name: cpu, target: { type: Utilization, averageUtilization: 70 } }',
  '    - type: Pods',
  '      pods: { metric: { name: vllm_num_requests_waiting }, target: { type: AverageValue, averageValue: "5" } }',
  '',
].join('\n');

const KEDA = [
  'apiVersion: keda.sh/v1alpha1',
  'kind: ScaledObject',
  'metadata: { name: worker }',
  'spec:',
  '  scaleTargetRef: { name: embed-worker }',
  '  maxReplicaCount: 20',
  '  triggers:',
  '    - type: rabbitmq',
  '      metadata: { queueName: documents }',
  '',
].join('\n');

describe('ops/horizontal-autoscaling', () => {
  it.each<CheckRow>([
    {
      name: 'a Deployment with an HPA on CPU and a custom metric',
      files: { 'k8s/deployment.yaml': DEPLOYMENT, 'k8s/hpa.yaml': HPA },
      expected: [{ kind: 'strength', messageId: 'autoscaled', at: 'k8s/hpa.yaml:2' }],
    },
    {
      name: 'a Deployment with a fixed replica count and no autoscaler',
      files: { 'k8s/deployment.yaml': DEPLOYMENT },
      expected: [{ kind: 'info', messageId: 'fixedReplicas', at: 'k8s/deployment.yaml:6' }],
    },
    {
      name: 'a KEDA ScaledObject on a queue',
      files: { 'k8s/keda.yaml': KEDA },
      expected: [{ kind: 'strength', messageId: 'autoscaled', at: 'k8s/keda.yaml:2' }],
    },
    {
      name: 'a Ray Serve deployment class with an autoscaling config, and one with fixed replicas',
      files: { 'serve_app.py': 'from ray import serve\n\n@serve.deployment(autoscaling_config={"min_replicas": 1, "max_replicas": 4})\nclass Generator:\n    pass\n\n@serve.deployment(num_replicas=2)\nclass Fixed:\n    pass\n' },
      expected: [{ kind: 'strength', messageId: 'rayAutoscaled', at: 'serve_app.py:3' }],
    },
    {
      name: 'a Ray Serve deployment function with an autoscaling config',
      files: { 'serve_app.py': 'from ray import serve\n\n@serve.deployment(autoscaling_config={"min_replicas": 1, "max_replicas": 4})\ndef generate(request):\n    return "ok"\n' },
      expected: [{ kind: 'strength', messageId: 'rayAutoscaled', at: 'serve_app.py:3' }],
    },
    {
      name: 'an Ingress in front of the Service',
      files: { 'k8s/ingress.yaml': 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: web }\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            backend: { service: { name: rag-api, port: { number: 80 } } }\n' },
      expected: [{ kind: 'strength', messageId: 'loadBalanced', at: 'k8s/ingress.yaml:2' }],
    },
    { name: 'a ClusterIP Service alone', files: { 'k8s/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata: { name: api }\nspec:\n  ports: [{ port: 80 }]\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('says what the autoscaler scales on', async () => {
    const [hpa] = await findingsOf(check, { 'k8s/deployment.yaml': DEPLOYMENT, 'k8s/hpa.yaml': HPA });
    expect(hpa!.message).toBe('`rag-api` scales between 2 and 10 replicas on cpu 70%, the vllm_num_requests_waiting metric');
    const [keda] = await findingsOf(check, { 'k8s/keda.yaml': KEDA });
    expect(keda!.message).toBe('`embed-worker` scales between 0 and 20 replicas on KEDA triggers rabbitmq');
  });

  it('names the Services behind an Ingress', async () => {
    const [finding] = await findingsOf(check, { 'k8s/ingress.yaml': 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: web }\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            backend: { service: { name: rag-api, port: { number: 80 } } }\n' });
    expect(finding!.message).toBe('Traffic reaches `rag-api` through the Ingress `web`');
  });

  it('asks how a fixed Deployment absorbs load', async () => {
    const [fixed] = await findingsOf(check, { 'k8s/deployment.yaml': DEPLOYMENT });
    expect(fixed!.question).toBe('`k8s/deployment.yaml:6` runs a fixed 2 replicas — how would this service absorb a jump to 100 requests/s, and what would you scale on?');
  });
});
