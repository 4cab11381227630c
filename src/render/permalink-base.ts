import type { Source } from '../source/parse-source.js';

/** `https://github.com/o/r/blob/<sha>/` for a GitHub source at a known commit, else null. */
export function permalinkBase(source: Source, commit: string | null): string | null {
  if (source.kind !== 'remote' || source.host !== 'github.com' || !commit) return null;
  return `https://github.com/${source.owner}/${source.repo}/blob/${commit}/`;
}
