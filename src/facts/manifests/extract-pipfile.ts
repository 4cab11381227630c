import type { SourceFile } from '../../types.js';
import { LineIndex } from '../evidence.js';
import type { Dependency } from '../types.js';
import { nameSpecTable } from './name-spec-table.js';
import { TomlEntries } from './toml-entries.js';

/** Pipenv's `Pipfile`: `[packages]` (main) and `[dev-packages]` (dev). */
export function extractPipfile(file: SourceFile): Dependency[] {
  const toml = new TomlEntries(file);
  const index = new LineIndex(file.path, file.text);
  return [...nameSpecTable(toml, index, ['packages'], 'main'), ...nameSpecTable(toml, index, ['dev-packages'], 'dev')];
}
