import type { Dependency } from '../types.js';
import type { ManifestDocument } from './manifest-document.js';

const FIELDS: [field: string, group: Dependency['group']][] = [
  ['dependencies', 'main'],
  ['devDependencies', 'dev'],
  ['optionalDependencies', 'optional'],
  ['peerDependencies', 'optional'],
];

/** `package.json`: the four dependency objects, npm names and ranges as written. */
export function extractPackageJson(doc: ManifestDocument): Dependency[] {
  return FIELDS.flatMap(([field, group]) =>
    doc.keys([field]).map((name): Dependency => {
      const spec = doc.value([field, name]);
      return {
        name,
        ecosystem: 'npm',
        spec: typeof spec === 'string' ? spec.trim() : '',
        group,
        manifest: doc.path,
        evidence: doc.evidence([field, name]),
      };
    }),
  );
}
