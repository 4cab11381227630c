import { describe, expect, it } from 'vitest';
import { at, reviewFixture } from '../helpers/review-fixture.js';
import type { Stack, StackItem } from '../../src/stack/types.js';

const CATEGORIES = ['orchestration', 'servingEngines', 'observability', 'dataVersioning', 'guardrails', 'quantization'] as const;
type Production = Record<(typeof CATEGORIES)[number], Record<string, string[]>>;

/** The production categories of a stack as `{ category: { id: ['path:line', …] } }`, declared items marked. */
function production(stack: Stack): Production {
  const places = (items: StackItem[]) => Object.fromEntries(items.map((i) => [i.declaredOnly ? `${i.id} (declared)` : i.id, i.evidence.map((e) => at(e)!)]));
  return Object.fromEntries(CATEGORIES.map((c) => [c, places(stack[c])])) as Production;
}

const none: Production = { orchestration: {}, servingEngines: {}, observability: {}, dataVersioning: {}, guardrails: {}, quantization: {} };

describe('production stack categories over fixture repositories', () => {
  it('a compose file serving an AWQ model with TGI on a GPU', async () => {
    const { stack } = await reviewFixture('tgi-compose-gpu');
    expect(production(stack)).toEqual({
      ...none,
      servingEngines: { tgi: ['docker-compose.yml:3', 'docker-compose.yml:30'] },
      quantization: { awq: ['docker-compose.yml:6', 'docker-compose.yml:5'] },
    });
    expect(stack.servingEngines[0]?.evidence[0]?.snippet).toBe('image: ghcr.io/huggingface/text-generation-inference:2.0.4');
    expect(stack.models.map((m) => [m.id, at(m.evidence[0])])).toEqual([['TheBloke/Mistral-7B-Instruct-v0.2-AWQ', 'docker-compose.yml:5']]);
  });

  it('a Prefect flow that re-indexes documents, with data under DVC', async () => {
    const { stack } = await reviewFixture('prefect-reindex');
    expect(production(stack)).toEqual({
      ...none,
      orchestration: { prefect: ['flows/reindex.py:60', 'flows/reindex.py:25', 'flows/reindex.py:40', 'flows/reindex.py:54'] },
      dataVersioning: { dvc: ['data/raw.dvc:1', 'dvc.yaml:1', '.github/workflows/reindex.yml:17'] },
    });
  });

  it('a FastAPI app with Prometheus metrics and a Grafana container', async () => {
    const { stack } = await reviewFixture('fastapi-redis-prometheus');
    expect(production(stack)).toEqual({
      ...none,
      observability: {
        prometheus: ['app/main.py:12', 'app/main.py:13', 'app/main.py:14', 'app/main.py:15', 'app/main.py:18'],
        grafana: ['docker-compose.yml:19'],
      },
    });
  });

  it('a Kubernetes deployment of the vLLM server with an HPA', async () => {
    const { stack } = await reviewFixture('k8s-hpa');
    expect(production(stack)).toEqual({ ...none, servingEngines: { vllm: ['k8s/deployment.yaml:19'] } });
    // The model of `args: [--model, …]`, item by item.
    expect(stack.models.map((m) => [m.id, at(m.evidence[0])])).toEqual([['meta-llama/Meta-Llama-3-8B-Instruct', 'k8s/deployment.yaml:22']]);
  });

  it('a prompt module: the input check and the refusal path are a custom guardrail', async () => {
    const { stack } = await reviewFixture('prompt-module-fewshot');
    expect(production(stack)).toEqual({ ...none, guardrails: { custom: ['support/answer.py:27', 'support/answer.py:28'] } });
    expect(stack.guardrails[0]?.evidence.map((e) => e.snippet)).toEqual(['if not check_input(question):', 'return Answer(answer=CANNOT_ANSWER, sources=[], confidence=1.0)']);
  });

  it('negative control: one script with one f-string prompt has no production signals', async () => {
    const { stack } = await reviewFixture('plain-prompt-script');
    expect(production(stack)).toEqual(none);
    expect(stack.libraries.map((l) => l.id)).toEqual(['openai']);
  });
});
