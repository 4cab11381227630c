import { lastAtOrBefore } from '../facts/evidence.js';
import { CLAUSE_BREAK, HYPOTHETICAL, NEGATION, PASSIVE_BEFORE } from './claim-vocabulary.js';

/** A sentence of plans, wishes or conditionals ("could add reranking", "future work: vLLM") claims nothing. */
export function isHypothetical(sentence: string): boolean {
  return HYPOTHETICAL.test(sentence);
}

/**
 * Which offsets of a sentence sit in a negated stretch: from a negation cue to the end of its
 * clause ("we used LoRA, not full fine-tuning"; "without reranking"), or the whole clause when
 * the negation is passive ("reranking was not used"). Linear in the sentence; lookups are
 * logarithmic in its clauses.
 */
export function negatedOffsets(sentence: string): (offset: number) => boolean {
  const clauseStarts = [0];
  for (const brk of sentence.matchAll(CLAUSE_BREAK)) clauseStarts.push(brk.index + brk[0].length);
  /** Per clause, the offset from which it is negated (Infinity when it is not). */
  const negatedFrom: number[] = clauseStarts.map(() => Infinity);
  for (const cue of sentence.matchAll(NEGATION)) {
    const clause = lastAtOrBefore(clauseStarts, cue.index);
    if (negatedFrom[clause] !== Infinity && negatedFrom[clause]! <= clauseStarts[clause]!) continue;
    const start = clauseStarts[clause]!;
    const before = cue[0].toLowerCase() === "n't" ? sentence.slice(Math.max(start, cue.index - 8), cue.index) + ' ' : sentence.slice(Math.max(start, cue.index - 12), cue.index);
    const from = PASSIVE_BEFORE.test(before) ? start : cue.index;
    negatedFrom[clause] = Math.min(negatedFrom[clause]!, from);
  }
  return (offset) => offset >= negatedFrom[lastAtOrBefore(clauseStarts, offset)]!;
}

