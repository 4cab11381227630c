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
  // A repository imports the same names over and over (`os`, `typing.List`): each is matched against the signals once.
  const matching = new Map<string, Signal[]>();
  for (const imported of importedNames(facts)) {
    if (imported.language === 'python' && local.has(imported.module.split('.')[0]!)) continue;
    const key = `${imported.language}:${imported.full}`;
    let matched = matching.get(key);
    if (!matched) {
      matched = signals.filter((signal) => (imported.language === 'python' ? signal.python : signal.npm)?.some((pattern) => nameMatches(imported.full, pattern)));
      matching.set(key, matched);
    }
    for (const signal of matched) found.add(signal.id, imported.evidence);
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
