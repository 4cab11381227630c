import { describe, expect, it } from 'vitest';
import check from '../../../checks/ops/progressive-delivery.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const ROLLOUT = [
  'apiVersion: argoproj.io/v1alpha1',
  'kind: Rollout',
  'metadata: { name: rag-api }',
  'spec:',
  '  strategy:',
  '    canary:',
  '      steps:',
  '        - setWeight: 10',
  '        - pause: { duration: 10m }',
  '        - setWeight: 50',
  '',
].join('\n');

describe('ops/progressive-delivery', () => {
  it.each<CheckRow>([
    { name: 'an Argo Rollouts canary', files: { 'k8s/rollout.yaml': ROLLOUT }, expected: [{ kind: 'strength', messageId: 'progressive', at: 'k8s/rollout.yaml:2' }] },
    {
      name: 'a Flagger canary checked on metrics',
      files: { 'k8s/canary.yaml': 'apiVersion: flagger.app/v1beta1\nkind: Canary\nmetadata: { name: llm }\nspec:\n  analysis:\n    metrics:\n      - name: request-success-rate\n' },
      expected: [{ kind: 'strength', messageId: 'progressive', at: 'k8s/canary.yaml:2' }],
    },
    {
      name: 'weighted Istio routes between two model versions',
      files: { 'k8s/vs.yaml': 'apiVersion: networking.istio.io/v1beta1\nkind: VirtualService\nmetadata: { name: llm }\nspec:\n  http:\n    - route:\n        - destination: { host: llm-v1 }\n          weight: 90\n        - destination: { host: llm-v2 }\n          weight: 10\n' },
      expected: [{ kind: 'strength', messageId: 'progressive', at: 'k8s/vs.yaml:2' }],
    },
    {
      name: 'a helm rollback step in CI',
      files: { '.github/workflows/deploy.yml': 'name: deploy\non: [workflow_dispatch]\njobs:\n  rollback:\n    runs-on: ubuntu-latest\n    steps:\n      - run: helm rollback rag-api 0\n' },
      expected: [{ kind: 'strength', messageId: 'rollback', at: '.github/workflows/deploy.yml:7' }],
    },
    {
      name: 'a plain Deployment and an unweighted VirtualService',
      files: { 'k8s/app.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: api }\nspec: {}\n---\napiVersion: networking.istio.io/v1beta1\nkind: VirtualService\nmetadata: { name: api }\nspec:\n  http:\n    - route:\n        - destination: { host: api }\n' },
      expected: [],
    },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('shows the canary steps', async () => {
    const [finding] = await findingsOf(check, { 'k8s/rollout.yaml': ROLLOUT });
    expect(finding!.message).toBe('`rag-api` ships new versions as an Argo Rollouts canary (traffic 10% → 50%)');
  });
});
