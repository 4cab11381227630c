import { defineCheck } from '../../src/engine/define-check.js';
import { judgeEvidence } from '../../src/facts/queries/evaluation.js';
import { at, modelCalls } from '../../src/facts/queries/serving.js';

/** Libraries that run or train a model locally: their use means more than prompting a hosted API. */
const LOCAL_MODEL_LIBRARIES = new Set(['transformers', 'peft', 'trl', 'torch', 'tensorflow', 'jax', 'sentence-transformers', 'unsloth', 'vllm', 'llama-cpp', 'ollama', 'transformers-js']);

export default defineCheck({
  id: 'prompt-only/hosted-api-only',
  docs: 'States, as a fact, when the only model use in the repository is prompts sent to a hosted API, with no retrieval, training or evaluation code.',
  messages: {
    hostedOnly: 'The only model use found is prompts sent to a hosted API (`{{call}}` at `{{at}}`); no retrieval, fine-tuning or evaluation code was found',
  },
  questions: {
    hostedOnly: 'Beyond the prompt sent at `{{at}}`, how would you check that the answers are correct, and what would you change if the API became too slow or too expensive?',
  },
  *run({ facts, stack }) {
    const calls = modelCalls(facts);
    const hosted = calls.filter((c) => c.hosted);
    const [first, ...rest] = hosted;
    if (!first || hosted.length !== calls.length) return;
    const usesLocalModels = stack.libraries.some((l) => !l.declaredOnly && LOCAL_MODEL_LIBRARIES.has(l.id));
    const retrieves = stack.rag !== null || stack.vectorStores.some((v) => !v.declaredOnly);
    const embeds = facts.python.some((m) => m.calls.some((c) => /(^|\.)embeddings?(\(\))?\.create$|embed_(documents|query)$/.test(c.callee))) ||
      facts.scripts.some((m) => m.calls.some((c) => /embeddings?\.create$|embed(Documents|Query|Many)?$/.test(c.callee)));
    const trains = stack.fineTuning.length > 0;
    const evaluates = stack.evaluation.length > 0 || judgeEvidence(facts).length > 0;
    if (usesLocalModels || retrieves || embeds || trains || evaluates) return;
    yield { kind: 'info', messageId: 'hostedOnly', evidence: [first.evidence, ...rest.slice(0, 4).map((c) => c.evidence)], data: { call: first.raw, at: at(first.evidence) } };
  },
});
