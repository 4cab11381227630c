import { importedNames, nameMatches } from '../facts/query.js';
import type { Dependency, Facts } from '../facts/types.js';
import { EvidenceMap } from './evidence-map.js';
import type { Signal } from './signals.js';

/**
 * Import lines per signal id: Python imports (notebook cells included) and npm imports/requires.
 * Python modules named in `local` (the submission's own top-level modules) are not libraries.
 */
export function detectImports(facts: Facts, signals: readonly Signal[], local: ReadonlySet<string> = new Set()): EvidenceMap {
  const found = new EvidenceMap();
  for (const imported of importedNames(facts)) {
    if (imported.language === 'python' && local.has(imported.module.split('.')[0]!)) continue;
    for (const signal of signals) {
      const patterns = imported.language === 'python' ? signal.python : signal.npm;
      if (patterns?.some((pattern) => nameMatches(imported.full, pattern))) found.add(signal.id, imported.evidence);
    }
  }
  return found;
}

/** The signal a declared dependency stands for, if any. */
export function signalOfDependency(dependency: Dependency, signals: readonly Signal[]): Signal | undefined {
  return signals.find((signal) => {
    const names = dependency.ecosystem === 'pypi' ? signal.pypi : signal.npm;
    return names?.some((pattern) => (pattern.endsWith('*') ? dependency.name.startsWith(pattern.slice(0, -1)) : dependency.name === pattern));
  });
}
