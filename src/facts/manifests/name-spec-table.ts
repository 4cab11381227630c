import type { LineIndex } from '../evidence.js';
import type { Dependency } from '../types.js';
import { normalisePypiName } from './parse-requirement.js';
import type { TomlEntries } from './toml-entries.js';

/**
 * A table of `name = spec` entries, as Poetry and Pipenv write them: the spec is a string
 * (`"^2.1"`, `"*"` → ``), a table with a `version` (`{ version = "^2", extras = [...] }`), a
 * table without one (git, path and URL sources → ``), or for Poetry a list of such tables.
 */
export function nameSpecTable(toml: TomlEntries, index: LineIndex, path: string[], group: Dependency['group']): Dependency[] {
  const out: Dependency[] = [];
  for (const [name, entry] of toml.children(path)) {
    if (name.toLowerCase() === 'python') continue;
    const value = toml.value([...path, name]);
    const first = Array.isArray(value) ? value[0] : value;
    const table = typeof first === 'object' && first !== null && !Array.isArray(first) ? (first as Record<string, unknown>) : {};
    const version = typeof first === 'string' ? first : (table.version ?? toml.value([...path, name, 'version']));
    const optional = (table.optional ?? toml.value([...path, name, 'optional'])) === true;
    out.push({
      name: normalisePypiName(name),
      ecosystem: 'pypi',
      spec: typeof version === 'string' && version.trim() !== '*' ? version.trim() : '',
      group: optional && group === 'main' ? 'optional' : group,
      manifest: index.path,
      evidence: index.evidence(entry.line),
    });
  }
  return out;
}
