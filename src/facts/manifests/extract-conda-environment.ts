import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { SourceFile } from '../../types.js';
import { LineIndex } from '../evidence.js';
import type { Dependency } from '../types.js';
import { assertNestingDepth } from './assert-nesting-depth.js';
import { manifestError } from './manifest-error.js';
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
/**
 * Largest environment file parsed. Real ones are a few kilobytes; the yaml library slows to
 * seconds on hostile megabytes (a file of `"` or `&a ` repeated), so bigger files are refused.
 */
const MAX_BYTES = 128 * 1024;
/** A conda package name after an optional `channel::` prefix. */
const CONDA_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]*/;

/**
 * A conda `environment.yml`: the `dependencies:` match specs (`pytorch=2.1`,
 * `conda-forge::numpy>=1.26`, `faiss-cpu 1.7.*`; `python` and `pip` skipped) and the nested
 * `- pip: [...]` requirement list, all as PyPI names (conda's `pytorch` → `torch`), group main.
 */
export function extractCondaEnvironment(file: SourceFile): Dependency[] {
  if (file.text.length > MAX_BYTES) throw manifestError(file.path, null, `larger than ${MAX_BYTES / 1024} KiB, too large for a conda environment file`);
  assertNestingDepth(file.path, file.text, 'yaml');
  const index = new LineIndex(file.path, file.text);
  const doc = parseDocument(file.text, { uniqueKeys: false, prettyErrors: false });
  const error = doc.errors[0];
  if (error) throw manifestError(file.path, index.lineAt(error.pos[0]), `invalid YAML: ${error.message}`);
  const dependencies = isMap(doc.contents) ? doc.contents.get('dependencies', true) : undefined;
  if (!isSeq(dependencies)) return [];

  const out: Dependency[] = [];
  const lineOf = (node: YamlNode) => index.lineAt(node.range?.[0] ?? 0);
  for (const item of dependencies.items) {
    if (isScalar(item) && typeof item.value === 'string') {
      const dependency = condaDependency(item.value, index, lineOf(item));
      if (dependency) out.push(dependency);
    } else if (isMap(item)) {
      const pip = item.get('pip', true);
      if (!isSeq(pip)) continue;
      for (const requirement of pip.items) {
        if (!isScalar(requirement) || typeof requirement.value !== 'string') continue;
        const dependency = pypiDependency(requirement.value, 'main', index, lineOf(requirement));
        if (dependency) out.push(dependency);
      }
    }
  }
  return out;
}

/** One conda match spec → a dependency, or null for `python`, `pip` and what is not a spec. */
function condaDependency(spec: string, index: LineIndex, line: number): Dependency | null {
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
    manifest: index.path,
    evidence: index.evidence(line),
  };
}
