import type { LineIndex } from '../evidence.js';
import type { Dependency } from '../types.js';
import { parseRequirement } from './parse-requirement.js';

/** A PyPI dependency from a requirement string declared on `line` of the manifest; null when it is none. */
export function pypiDependency(requirement: string, group: Dependency['group'], index: LineIndex, line: number): Dependency | null {
  const parsed = parseRequirement(requirement);
  if (!parsed) return null;
  return { ...parsed, ecosystem: 'pypi', group, manifest: index.path, evidence: index.evidence(line) };
}
