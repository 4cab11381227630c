import type { SourceFile } from '../../types.js';
import { LineIndex } from '../evidence.js';
import type { Dependency } from '../types.js';
import { normalisePypiName } from './parse-requirement.js';
import { nameSpecTable } from './name-spec-table.js';
import { pypiDependency } from './pypi-dependency.js';
import { TomlEntries } from './toml-entries.js';

/**
 * `pyproject.toml`: PEP 621 `[project]` dependencies (main) and optional-dependencies
 * (optional), PEP 735 `[dependency-groups]` (dev), Poetry's dependency tables (`python`
 * skipped; `optional = true` → optional; dev-dependencies and every group → dev), uv's and
 * PDM's dev-dependencies (dev). Self-references (`mypkg[dev]` inside mypkg's extras) are dropped.
 */
export function extractPyproject(file: SourceFile): Dependency[] {
  const toml = new TomlEntries(file);
  const index = new LineIndex(file.path, file.text);
  const out: Dependency[] = [];
  const self = [toml.value(['project', 'name']), toml.value(['tool', 'poetry', 'name'])]
    .filter((n): n is string => typeof n === 'string')
    .map(normalisePypiName);

  const fromArray = (path: string[], group: Dependency['group']) => {
    for (const { value, line } of toml.strings(path)) {
      const dependency = pypiDependency(value, group, index, line);
      if (dependency && !self.includes(dependency.name)) out.push(dependency);
    }
  };
  const fromArrayTable = (path: string[], group: Dependency['group']) => {
    for (const key of toml.children(path).keys()) fromArray([...path, key], group);
  };

  fromArray(['project', 'dependencies'], 'main');
  fromArrayTable(['project', 'optional-dependencies'], 'optional');
  fromArrayTable(['dependency-groups'], 'dev');
  out.push(...nameSpecTable(toml, index, ['tool', 'poetry', 'dependencies'], 'main'));
  out.push(...nameSpecTable(toml, index, ['tool', 'poetry', 'dev-dependencies'], 'dev'));
  for (const group of toml.children(['tool', 'poetry', 'group']).keys()) {
    out.push(...nameSpecTable(toml, index, ['tool', 'poetry', 'group', group, 'dependencies'], 'dev'));
  }
  fromArray(['tool', 'uv', 'dev-dependencies'], 'dev');
  fromArrayTable(['tool', 'pdm', 'dev-dependencies'], 'dev');
  return out;
}
