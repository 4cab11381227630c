/**
 * How long one file's parsing may take. Parsers that can be interrupted (tree-sitter) stop at the
 * deadline; the others are measured when they return. Either way the file is left out.
 */
export interface ParseBudget {
  /** The budget, in milliseconds (for the message). */
  ms: number;
  /** The `now()` reading past which the file is over budget. */
  deadline: number;
  now: () => number;
}

/** A file that took longer than its {@link ParseBudget}: left out of the facts, reported with reason `limit`. */
export class ParseTimeExceeded extends Error {
  override readonly name = 'ParseTimeExceeded';
  constructor(budgetMs: number) {
    super(`parsing took longer than the ${formatSeconds(budgetMs)} per-file budget`);
  }
}

/** `0.5 s`, `20 s`, `10 min`: a budget as a reader wants it. */
export function formatSeconds(ms: number): string {
  if (ms >= 120_000) return `${Math.round(ms / 60_000)} min`;
  return ms >= 10_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 100) / 10} s`;
}
