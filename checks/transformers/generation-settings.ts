import { defineCheck } from '../../src/engine/define-check.js';
import type { PyCall, PyModule } from '../../src/facts/types.js';
import { isTestPath } from '../../src/facts/query.js';
import { isModelGenerate, isPipelineCall, pipelineCreation } from '../../src/facts/queries/transformers.js';

const SETTINGS = ['max_new_tokens', 'max_length', 'min_new_tokens', 'do_sample', 'temperature', 'top_p', 'top_k', 'num_beams', 'repetition_penalty', 'generation_config'];
const LENGTH = ['max_new_tokens', 'max_length', 'generation_config'];
const GENERATIVE_TASKS = /^(text-generation|text2text-generation|summarization|translation.*)$/;

export default defineCheck({
  id: 'transformers/generation-settings',
  docs: 'Reports the decoding settings of each transformers `generate` call and text-generation pipeline (`max_new_tokens`, `do_sample`, `temperature`, `top_p`), and generation with no length limit.',
  messages: {
    settings: '`{{call}}` generates with {{settings}}',
    noLengthLimit: '`{{call}}` sets neither `max_new_tokens` nor `max_length`: answer length falls back to the model\'s generation config (20 tokens in total when it sets none)',
  },
  questions: {
    noLengthLimit: '{{at}} generates without `max_new_tokens` — how long were the answers you got, and what bounds the latency of one request?',
  },
  *run({ facts }) {
    for (const m of facts.python) {
      if (isTestPath(m.path)) continue;
      const lengthSetElsewhere = setsLengthElsewhere(m);
      for (const call of m.calls) {
        let kwargs: PyCall['kwargs'];
        if (isModelGenerate(call, m)) {
          kwargs = call.kwargs;
        } else if (isPipelineCall(call)) {
          const created = pipelineCreation(call, m);
          const task = created?.kwargs['task'] ?? created?.args[0];
          if (!created || typeof task?.literal !== 'string' || !GENERATIVE_TASKS.test(task.literal)) continue;
          kwargs = { ...created.kwargs, ...call.kwargs };
        } else {
          continue;
        }
        const data = { call: `${call.raw}(…)`, at: `${call.evidence.path}:${call.evidence.line}` };
        const settings = SETTINGS.filter((k) => kwargs[k]).map((k) => `${k}=${kwargs[k]!.text}`);
        if (settings.length) yield { kind: 'info', messageId: 'settings', evidence: [call.evidence], data: { ...data, settings: settings.join(', ') } };
        if (!LENGTH.some((k) => kwargs[k]) && !lengthSetElsewhere) yield { kind: 'concern', messageId: 'noLengthLimit', evidence: [call.evidence], data };
      }
    }
  },
});

/** `gen_kwargs = {"max_new_tokens": 256}`, `GenerationConfig(max_new_tokens=…)`, `model.generation_config.max_new_tokens = …` spread into the call. */
function setsLengthElsewhere(m: PyModule): boolean {
  const isLength = (k: string) => k === 'max_new_tokens' || k === 'max_length';
  return (
    m.pairs.some((p) => isLength(p.key)) ||
    m.calls.some((c) => /^(GenerationConfig|dict|update)$/.test(c.name) && Object.keys(c.kwargs).some(isLength)) ||
    m.assignments.some((a) => isLength(a.target.slice(a.target.lastIndexOf('.') + 1)))
  );
}
