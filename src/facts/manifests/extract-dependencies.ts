import type { SourceFile } from '../../types.js';
import type { Dependency } from '../types.js';
import { extractCondaEnvironment } from './extract-conda-environment.js';
import { extractPackageJson } from './extract-package-json.js';
import { extractPipfile } from './extract-pipfile.js';
import { extractPyproject } from './extract-pyproject.js';
import { extractRequirementsTxt, isRequirementsFile } from './extract-requirements-txt.js';
import { extractSetupCfg } from './extract-setup-cfg.js';
import { extractSetupPy } from './extract-setup-py.js';

type Lookup = (path: string) => SourceFile | undefined;

/** The extractor for a manifest, chosen by file name (case-sensitive where the tools are). */
function extractorFor(path: string): ((file: SourceFile, lookup: Lookup) => Dependency[] | Promise<Dependency[]>) | null {
  if (path.split('/').includes('node_modules')) return null;
  const base = path.slice(path.lastIndexOf('/') + 1);
  switch (base) {
    case 'pyproject.toml':
      return extractPyproject;
    case 'setup.py':
      return extractSetupPy;
    case 'setup.cfg':
      return extractSetupCfg;
    case 'Pipfile':
      return extractPipfile;
    case 'package.json':
      return extractPackageJson;
  }
  if (/^(?:environment|conda)(?:[-_.][\w.-]*)?\.ya?ml$/i.test(base)) return extractCondaEnvironment;
  if (isRequirementsFile(path)) return extractRequirementsTxt;
  return null;
}

/** True when `path` names a dependency manifest this module reads. */
export function isManifest(path: string): boolean {
  return extractorFor(path) !== null;
}

/**
 * Dependencies declared by `file` when it is a manifest; null when it is not one. Throws a
 * one-line Error on a malformed manifest (caller reports it as parse-error). `lookup` resolves
 * repository-relative paths, for requirements files that include others (`-r base.txt`).
 */
export async function extractDependencies(file: SourceFile, lookup: Lookup): Promise<Dependency[] | null> {
  const extract = extractorFor(file.path);
  return extract ? await extract(file, lookup) : null;
}
