import { defineCheck } from '../../src/engine/define-check.js';
import type { PyCall, PyModule } from '../../src/facts/types.js';
import { calleeMatches, isTestPath } from '../../src/facts/query.js';
import { isModelForward, isModelGenerate, isPipelineCall, pipelineCreation } from '../../src/facts/queries/transformers.js';

const ENCODERS = ['sentence_transformers.SentenceTransformer.encode', 'sentence_transformers.CrossEncoder.predict'];
const BATCH_NAME = /batch|chunk/i;

export default defineCheck({
  id: 'transformers/unbatched-inference',
  docs: 'Reports model calls (`generate`, forward, pipelines, `SentenceTransformer.encode`) made once per item inside a loop, and inference run in batches.',
  messages: {
    perItem: '`{{call}}` runs once per item inside a loop; {{what}} accepts a batch of inputs',
    batched: '`{{call}}` runs in batches ({{how}})',
  },
  questions: {
    perItem: '{{at}} calls the model one item at a time in a loop — how long does the whole set take, and what would batching change (padding, memory)?',
  },
  *run({ facts }) {
    for (const m of facts.python) {
      if (isTestPath(m.path)) continue;
      const trainingScopes = new Set(m.calls.filter((c) => c.name === 'backward').map((c) => c.scope));
      for (const call of m.calls) {
        if (trainingScopes.has(call.scope)) continue;
        const what = inferenceKind(call, m);
        if (!what) continue;
        const data = { call: `${call.raw}(…)`, at: `${call.evidence.path}:${call.evidence.line}` };
        const batchSize = call.kwargs['batch_size'] ?? (isPipelineCall(call) ? pipelineCreation(call, m)?.kwargs['batch_size'] : undefined);
        const batchInput = call.args.find((a) => BATCH_NAME.test(a.text)) ?? Object.values(call.kwargs).find((v) => BATCH_NAME.test(v.text));
        if (batchSize) yield { kind: 'strength', messageId: 'batched', evidence: [call.evidence], data: { ...data, how: `batch_size=${batchSize.text}` } };
        else if (call.inLoop && (batchInput || BATCH_NAME.test(call.evidence.snippet))) {
          // `**batch` is not among the arguments the facts keep; the line still shows it.
          yield { kind: 'strength', messageId: 'batched', evidence: [call.evidence], data: { ...data, how: batchInput ? `a loop over \`${batchInput.text}\`` : 'a loop over batches' } };
        }
        else if (call.inLoop) yield { kind: 'concern', messageId: 'perItem', evidence: [call.evidence], data: { ...data, what } };
      }
    }
  },
});

function inferenceKind(call: PyCall, m: PyModule): string | null {
  if (isModelGenerate(call, m)) return '`generate`';
  if (isModelForward(call)) return 'the model';
  if (isPipelineCall(call)) return 'a pipeline';
  if (ENCODERS.some((p) => calleeMatches(call.callee, p))) return `\`${call.name}\``;
  return null;
}
