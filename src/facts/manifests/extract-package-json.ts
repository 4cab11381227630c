import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { SourceFile } from '../../types.js';
import { LineIndex } from '../evidence.js';
import type { Dependency } from '../types.js';
import { assertNestingDepth } from './assert-nesting-depth.js';
import { manifestError } from './manifest-error.js';

const FIELDS: [field: string, group: Dependency['group']][] = [
  ['dependencies', 'main'],
  ['devDependencies', 'dev'],
  ['optionalDependencies', 'optional'],
  ['peerDependencies', 'optional'],
];

/** `package.json`: the four dependency objects, npm names and ranges as written. Strict JSON (no comments, no trailing commas). */
export function extractPackageJson(file: SourceFile): Dependency[] {
  assertNestingDepth(file.path, file.text, 'json');
  const index = new LineIndex(file.path, file.text);
  const errors: ParseError[] = [];
  const root = parseTree(file.text, errors, { disallowComments: true, allowTrailingComma: false });
  const error = errors[0];
  if (error || !root) {
    const line = error ? index.lineAt(error.offset) : 1;
    throw manifestError(file.path, line, `invalid JSON: ${error ? printParseErrorCode(error.error) : 'empty document'}`);
  }
  const out: Dependency[] = [];
  for (const [field, group] of FIELDS) {
    const object = findNodeAtLocation(root, [field]);
    if (object?.type !== 'object') continue;
    for (const property of object.children ?? []) {
      const [key, value] = property.children ?? [];
      if (key?.type !== 'string' || typeof key.value !== 'string') continue;
      out.push({
        name: key.value,
        ecosystem: 'npm',
        spec: typeof value?.value === 'string' ? value.value.trim() : '',
        group,
        manifest: file.path,
        evidence: index.evidenceAtOffset(property.offset),
      });
    }
  }
  return out;
}
