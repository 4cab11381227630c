import { pythonCallsTo, scriptCallsTo } from '../facts/query.js';
import type { Facts } from '../facts/types.js';
import { detectImports } from './detect-imports.js';
import { VECTOR_STORES } from './signals.js';
import type { StackItem } from './types.js';

/** Hand-rolled similarity search: the candidate ranks vectors themselves. */
const SIMILARITY_CALLS = [
  'sklearn.metrics.pairwise.cosine_similarity',
  'sentence_transformers.util.cos_sim',
  'sentence_transformers.util.semantic_search',
  'sentence_transformers.util.dot_score',
  'torch.nn.functional.cosine_similarity',
  'scipy.spatial.distance.cosine',
];
const SIMILARITY_FUNCTION = /(^|_)(cosine|cos_sim|similarity|top_k|topk|nearest)(_|$)/i;

/** `stack.vectorStores`: imported clients and integrations; `in-memory` for hand-rolled search. */
export function detectVectorStores(facts: Facts): StackItem[] {
  const found = detectImports(facts, VECTOR_STORES);
  for (const call of pythonCallsTo(facts, SIMILARITY_CALLS)) found.add('in-memory', call.evidence);
  for (const call of scriptCallsTo(facts, ['*.MemoryVectorStore'])) found.add('in-memory', call.evidence);
  if (found.has('in-memory') || found.ids().length === 0) {
    for (const fn of facts.python.flatMap((m) => m.functions)) {
      if (SIMILARITY_FUNCTION.test(fn.name)) found.add('in-memory', fn.evidence);
    }
  }
  return found.toItems();
}
