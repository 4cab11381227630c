import { isTestPath } from '../facts/query.js';
import type { Evidence } from '../types.js';
import type { StackItem } from './types.js';

/** Evidence kept per item: enough to click through, short enough to read. */
export const MAX_EVIDENCE_PER_ITEM = 5;

/** The candidate's modules first, then config, notebooks and tests: the first evidence shown is the strongest. */
function rank(path: string): number {
  if (isTestPath(path)) return 3;
  if (path.endsWith('.ipynb')) return 2;
  return /\.(py|[cm]?[jt]sx?)$/.test(path) ? 0 : 1;
}

/** Strongest place first: the candidate's modules, then config, notebooks and tests; then by path and line. */
export const byLocation = (a: Evidence, b: Evidence) =>
  rank(a.path) - rank(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line);

/**
 * Collects evidence per canonical id, de-duplicated by `path:line` and sorted by location, so
 * every detector produces stable, bounded output.
 */
export class EvidenceMap {
  private readonly items = new Map<string, Map<string, Evidence>>();

  add(id: string, evidence: Evidence | undefined): void {
    if (!evidence) return;
    let bucket = this.items.get(id);
    if (!bucket) this.items.set(id, (bucket = new Map()));
    bucket.set(`${evidence.path}:${evidence.line}`, evidence);
  }

  has(id: string): boolean {
    return this.items.has(id);
  }

  get(id: string): Evidence[] {
    return sortedEvidence(this.items.get(id)?.values() ?? []);
  }

  ids(): string[] {
    return [...this.items.keys()];
  }

  /** Items ordered by where they first appear in the repository. */
  toItems(): StackItem[] {
    return this.ids()
      .map((id) => ({ id, evidence: this.get(id) }))
      .sort((a, b) => byLocation(a.evidence[0]!, b.evidence[0]!) || (a.id < b.id ? -1 : 1));
  }
}

export function sortedEvidence(evidence: Iterable<Evidence>, max = MAX_EVIDENCE_PER_ITEM): Evidence[] {
  const unique = new Map<string, Evidence>();
  for (const e of evidence) unique.set(`${e.path}:${e.line}`, e);
  // Ranked once per place, not once per comparison: an item can gather thousands of lines.
  return [...unique.values()]
    .map((e) => ({ e, rank: rank(e.path) }))
    .sort((a, b) => a.rank - b.rank || (a.e.path < b.e.path ? -1 : a.e.path > b.e.path ? 1 : a.e.line - b.e.line))
    .slice(0, max)
    .map(({ e }) => e);
}
