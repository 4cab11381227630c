import type { Dependency } from '../types.js';
import type { ManifestDocument } from './manifest-document.js';
import { nameSpecTable } from './name-spec-table.js';
import { normalisePypiName } from './parse-requirement.js';
import { pypiDependency } from './pypi-dependency.js';

/**
 * `pyproject.toml`: PEP 621 `[project]` dependencies (main) and optional-dependencies
 * (optional), PEP 735 `[dependency-groups]` (dev), Poetry's dependency tables (`python`
 * skipped; `optional = true` → optional; dev-dependencies and every group → dev), uv's and
 * PDM's dev-dependencies (dev). Self-references (`mypkg[dev]` inside mypkg's extras) are dropped.
 */
export function extractPyproject(doc: ManifestDocument): Dependency[] {
  const out: Dependency[] = [];
  const self = [doc.value(['project', 'name']), doc.value(['tool', 'poetry', 'name'])]
    .filter((n): n is string => typeof n === 'string')
    .map(normalisePypiName);

  const fromArray = (path: string[], group: Dependency['group']) => {
    for (const { value, evidence } of doc.strings(path)) {
      const dependency = pypiDependency(value, group, evidence);
      if (dependency && !self.includes(dependency.name)) out.push(dependency);
    }
  };
  const fromArrayTable = (path: string[], group: Dependency['group']) => {
    for (const key of doc.keys(path)) fromArray([...path, key], group);
  };

  fromArray(['project', 'dependencies'], 'main');
  fromArrayTable(['project', 'optional-dependencies'], 'optional');
  fromArrayTable(['dependency-groups'], 'dev');
  out.push(...nameSpecTable(doc, ['tool', 'poetry', 'dependencies'], 'main'));
  out.push(...nameSpecTable(doc, ['tool', 'poetry', 'dev-dependencies'], 'dev'));
  for (const group of doc.keys(['tool', 'poetry', 'group'])) {
    out.push(...nameSpecTable(doc, ['tool', 'poetry', 'group', group, 'dependencies'], 'dev'));
  }
  fromArray(['tool', 'uv', 'dev-dependencies'], 'dev');
  fromArrayTable(['tool', 'pdm', 'dev-dependencies'], 'dev');
  return out;
}
