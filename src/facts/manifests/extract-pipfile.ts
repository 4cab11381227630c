import type { Dependency } from '../types.js';
import type { ManifestDocument } from './manifest-document.js';
import { nameSpecTable } from './name-spec-table.js';

/** Pipenv's `Pipfile`: `[packages]` (main) and `[dev-packages]` (dev). */
export function extractPipfile(doc: ManifestDocument): Dependency[] {
  return [...nameSpecTable(doc, ['packages'], 'main'), ...nameSpecTable(doc, ['dev-packages'], 'dev')];
}
