import type { Dependency } from '../types.js';
import { isTable, type ManifestDocument } from './manifest-document.js';
import { normalisePypiName } from './parse-requirement.js';

/**
 * A table of `name = spec` entries, as Poetry and Pipenv write them: the spec is a string
 * (`"^2.1"`, `"*"` → ``), a table with a `version` (`{ version = "^2", extras = [...] }`), a
 * table without one (git, path and URL sources → ``), or for Poetry a list of such tables.
 */
export function nameSpecTable(doc: ManifestDocument, path: string[], group: Dependency['group']): Dependency[] {
  const out: Dependency[] = [];
  for (const name of doc.keys(path)) {
    if (name.toLowerCase() === 'python') continue;
    const value = doc.value([...path, name]);
    const first = Array.isArray(value) ? value[0] : value;
    const version = typeof first === 'string' ? first : isTable(first) ? first.version : undefined;
    const optional = isTable(first) && first.optional === true;
    out.push({
      name: normalisePypiName(name),
      ecosystem: 'pypi',
      spec: typeof version === 'string' && version.trim() !== '*' ? version.trim() : '',
      group: optional && group === 'main' ? 'optional' : group,
      manifest: doc.path,
      evidence: doc.evidence([...path, name]),
    });
  }
  return out;
}
