import { fileURLToPath } from 'node:url';
import { review } from '../../src/review.js';
import { parseSource } from '../../src/source/parse-source.js';
import type { StackItem } from '../../src/stack/types.js';
import type { Evidence } from '../../src/types.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Reviews a folder (relative to the repository root) exactly as the CLI would. */
export function reviewFolder(path: string, options: Parameters<typeof review>[1] = {}) {
  return review(parseSource(path, { cwd: REPO_ROOT }), options);
}

/** Reviews `test/fixtures/<name>`. */
export function reviewFixture(name: string, options: Parameters<typeof review>[1] = {}) {
  return reviewFolder(`test/fixtures/${name}`, options);
}

/** `path:line` of evidence, the way tests name places. */
export const at = (evidence: Evidence | undefined) => (evidence ? `${evidence.path}:${evidence.line}` : undefined);

/** `{ id: first evidence }` of stack items, with `(declared)` for declared-only items. */
export function itemsAt(items: readonly StackItem[]): Record<string, string | undefined> {
  return Object.fromEntries(items.map((item) => [item.declaredOnly ? `${item.id} (declared)` : item.id, at(item.evidence[0])]));
}
