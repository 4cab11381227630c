import { describe, expect, it } from 'vitest';
import { checks as registered } from '../../../checks/index.js';
import { at, reviewFixture } from '../../helpers/review-fixture.js';
import { DATA_CHECKS, OPS_CHECKS, PROMPTING_CHECKS } from './production-checks.js';

async function rows(name: string) {
  const report = await reviewFixture(name, { checks: OPS_CHECKS });
  expect(report.errors).toEqual([]);
  return report.findings.map((f) => `${f.kind} ${f.check}:${f.messageId} @ ${at(f.evidence[0])}`).sort();
}

describe('ops fixtures', () => {
  it('a TGI service with launcher flags and a GPU, called with a timeout and retries', async () => {
    expect(await rows('tgi-compose-gpu')).toEqual([
      'info ops/metrics-and-tracing:unobserved @ app/main.py:23',
      'info ops/serving-engine-configuration:configured @ docker-compose.yml:6',
      'strength ops/model-call-timeouts-and-retries:clientSettings @ app/main.py:11',
      'strength ops/model-call-timeouts-and-retries:retryLoop @ app/main.py:23',
    ]);
  });

  it('a FastAPI app with a Redis cache, token and cost metrics, and Prometheus beside it', async () => {
    expect(await rows('fastapi-redis-prometheus')).toEqual([
      'strength ops/metrics-and-tracing:metrics @ app/main.py:12',
      'strength ops/metrics-and-tracing:monitoringStack @ docker-compose.yml:15',
      'strength ops/model-call-caching:keyValueCache @ app/llm.py:14',
      'strength ops/model-call-timeouts-and-retries:clientSettings @ app/llm.py:10',
      'strength ops/token-usage-recorded:costComputed @ app/llm.py:23',
      'strength ops/token-usage-recorded:recorded @ app/main.py:33',
    ]);
  });

  it('a vLLM Deployment scaled by an HPA on queue length, behind an Ingress', async () => {
    expect(await rows('k8s-hpa')).toEqual([
      'info ops/serving-engine-configuration:configured @ k8s/deployment.yaml:23',
      'strength ops/horizontal-autoscaling:autoscaled @ k8s/hpa.yaml:2',
      'strength ops/horizontal-autoscaling:loadBalanced @ k8s/ingress.yaml:2',
    ]);
  });

  it('a Prefect re-index flow run by CI when the DVC-tracked documents change', async () => {
    expect(await rows('prefect-reindex')).toEqual([
      'strength ops/ci-delivery-steps:rerunsPipeline @ .github/workflows/reindex.yml:17',
      'strength ops/orchestrated-pipeline:pipeline @ flows/reindex.py:59',
      'strength ops/orchestrated-pipeline:retries @ flows/reindex.py:39',
    ]);
  });

  it('the pipeline fixture reads strong on ops and data for an MLOps engineer', async () => {
    // By id: once the registry lists these checks too, each still runs once.
    const checks = [...new Map([...registered, ...OPS_CHECKS, ...DATA_CHECKS].map((c) => [c.id, c])).values()];
    const report = await reviewFixture('prefect-reindex', { checks });
    const level = (area: string) => report.scorecard.find((s) => s.area === area)?.level;
    expect([level('ops'), level('data')]).toEqual(['strong', 'strong']);
  });

  it('the negative control (one f-string prompt in a script) earns no production strength', async () => {
    const report = await reviewFixture('plain-prompt-script', { checks: [...OPS_CHECKS, ...DATA_CHECKS, ...PROMPTING_CHECKS] });
    expect(report.errors).toEqual([]);
    expect(report.findings.filter((f) => f.kind === 'strength')).toEqual([]);
    expect(report.findings.map((f) => `${f.kind} ${f.check}:${f.messageId}`).sort()).toEqual([
      'concern prompting/user-text-delimited:undelimited',
      'info prompting/prompt-templates:inlinePrompt',
    ]);
  });
});
