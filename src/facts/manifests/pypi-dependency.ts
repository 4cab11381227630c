import type { Evidence } from '../../types.js';
import type { Dependency } from '../types.js';
import { parseRequirement } from './parse-requirement.js';

/** A PyPI dependency from a requirement string declared at `evidence` (whose file is the manifest); null when it is none. */
export function pypiDependency(requirement: string, group: Dependency['group'], evidence: Evidence): Dependency | null {
  const parsed = parseRequirement(requirement);
  if (!parsed) return null;
  return { ...parsed, ecosystem: 'pypi', group, manifest: evidence.path, evidence };
}
