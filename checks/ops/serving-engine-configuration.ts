import { defineCheck } from '../../src/engine/define-check.js';
import { at, distinctEvidence, servingEngines } from '../../src/facts/queries/ops.js';

/** Engines that need an accelerator to serve at all: scheduled without one, they fail or crawl. */
const GPU_ENGINES = new Set(['vLLM', 'TGI', 'SGLang', 'Triton']);
/** Images built to run on CPU. */
const CPU_IMAGE = /cpu/i;

export default defineCheck({
  id: 'ops/serving-engine-configuration',
  docs: 'Reports each inference engine the submission runs (vLLM, TGI, SGLang, llama.cpp server, Ollama, Triton) with the parallelism, batching, context-length, quantisation and GPU-memory settings it is given, engines left at their defaults, and GPU engines deployed without a GPU.',
  messages: {
    configured: '{{engine}} in {{where}} runs with {{settings}}',
    defaults: '{{engine}} in {{where}} runs with the engine\'s defaults: no parallelism, batching, context-length or memory setting',
    noGpu: '{{engine}} in {{where}} reserves no GPU, so it is scheduled on a node or host without one',
  },
  questions: {
    configured: '{{where}} runs {{engine}} with {{settings}} — how did you choose these values, and how many concurrent requests does it sustain on your GPU?',
    defaults: '{{engine}} at `{{at}}` runs with its default settings — how many concurrent requests would it handle, and what would you tune to serve 100 requests/s?',
    noGpu: '{{engine}} at `{{at}}` has no GPU reserved — where does it run in production, and what happens if it lands on a node without a GPU?',
  },
  *run({ facts }) {
    for (const engine of servingEngines(facts)) {
      const base = { engine: engine.engine, where: engine.where, at: at(engine.evidence) };
      const [first, ...rest] = engine.settings;
      if (first) {
        const settings = engine.settings.map((s) => `${s.name}=${s.value}`).join(', ');
        yield { kind: 'info', messageId: 'configured', evidence: distinctEvidence(first.evidence, rest.map((s) => s.evidence)), data: { ...base, settings } };
      } else {
        yield { kind: 'info', messageId: 'defaults', evidence: [engine.evidence], data: base };
      }
      if (engine.gpu === false && GPU_ENGINES.has(engine.engine) && !CPU_IMAGE.test(engine.image ?? '')) {
        yield { kind: 'concern', messageId: 'noGpu', evidence: [engine.evidence], data: base };
      }
    }
  },
});
