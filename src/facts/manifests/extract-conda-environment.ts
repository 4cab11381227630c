import type { Evidence } from '../../types.js';
import type { Dependency } from '../types.js';
import { isTable, type ManifestDocument } from './manifest-document.js';
import { normalisePypiName } from './parse-requirement.js';
import { pypiDependency } from './pypi-dependency.js';

/**
 * Conda package names that differ from the PyPI distribution of the same library, so that
 * `pytorch=2.1` in an environment and `import torch` meet. Kept to the one rename every ML
 * repository hits; other conda-only packages (`cudatoolkit`, `mkl`) keep their names.
 */
export const CONDA_TO_PYPI: Readonly<Record<string, string>> = { pytorch: 'torch' };
/** Interpreter and installer entries, not dependencies. */
const NOT_DEPENDENCIES = new Set(['python', 'pip']);
/** A conda package name after an optional `channel::` prefix. */
const CONDA_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]*/;

/**
 * A conda `environment.yml`: the `dependencies:` match specs (`pytorch=2.1`,
 * `conda-forge::numpy>=1.26`, `faiss-cpu 1.7.*`; `python` and `pip` skipped) and the nested
 * `- pip: [...]` requirement list, all as PyPI names (conda's `pytorch` → `torch`), group main.
 */
export function extractCondaEnvironment(doc: ManifestDocument): Dependency[] {
  const dependencies = doc.value(['dependencies']);
  if (!Array.isArray(dependencies)) return [];
  const out: Dependency[] = [];
  dependencies.forEach((item, i) => {
    if (typeof item === 'string') {
      const dependency = condaDependency(item, doc.evidence(['dependencies', i]));
      if (dependency) out.push(dependency);
    } else if (isTable(item)) {
      for (const { value, evidence } of doc.strings(['dependencies', i, 'pip'])) {
        const dependency = pypiDependency(value, 'main', evidence);
        if (dependency) out.push(dependency);
      }
    }
  });
  return out;
}

/** One conda match spec → a dependency, or null for `python`, `pip` and what is not a spec. */
function condaDependency(spec: string, evidence: Evidence): Dependency | null {
  const channel = spec.indexOf('::');
  const text = (channel >= 0 ? spec.slice(channel + 2) : spec).trim();
  const name = CONDA_NAME.exec(text)?.[0];
  if (!name) return null;
  const normalised = normalisePypiName(name);
  if (NOT_DEPENDENCIES.has(normalised)) return null;
  return {
    name: CONDA_TO_PYPI[normalised] ?? normalised,
    ecosystem: 'pypi',
    spec: text.slice(name.length).trim(),
    group: 'main',
    manifest: evidence.path,
    evidence,
  };
}
