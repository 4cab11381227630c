import type { SourceFile } from '../../types.js';
import type { ConfigDocument, Dependency } from '../types.js';
import { extractCondaEnvironment } from './extract-conda-environment.js';
import { extractPackageJson } from './extract-package-json.js';
import { extractPipfile } from './extract-pipfile.js';
import { extractPyproject } from './extract-pyproject.js';
import { extractRequirementsTxt, isRequirementsFile } from './extract-requirements-txt.js';
import { extractSetupCfg } from './extract-setup-cfg.js';
import { extractSetupPy } from './extract-setup-py.js';
import { ManifestDocument } from './manifest-document.js';

/** What a manifest extractor may ask of the caller besides the file itself. */
export interface ManifestContext {
  /** A repository-relative path → its file, for requirements files that include others (`-r base.txt`). */
  lookup(path: string): SourceFile | undefined;
  /**
   * The file's documents as `facts/config` parsed them (TOML, JSON and YAML manifests are read
   * from these, never parsed again). Throws the config parser's one-line error for a malformed file.
   */
  documents(): ConfigDocument[];
}

type Extractor = (file: SourceFile, context: ManifestContext) => Dependency[] | Promise<Dependency[]>;

/** An extractor reading each of the file's parsed config documents. */
function fromDocuments(extract: (doc: ManifestDocument) => Dependency[]): Extractor {
  return (_file, context) => context.documents().flatMap((document) => extract(new ManifestDocument(document)));
}

const pyproject = fromDocuments(extractPyproject);
const pipfile = fromDocuments(extractPipfile);
const packageJson = fromDocuments(extractPackageJson);
const condaEnvironment = fromDocuments(extractCondaEnvironment);
const requirementsTxt: Extractor = (file, context) => extractRequirementsTxt(file, (path) => context.lookup(path));

/** The extractor for a manifest, chosen by file name (case-sensitive where the tools are). */
function extractorFor(path: string): Extractor | null {
  if (path.split('/').includes('node_modules')) return null;
  const base = path.slice(path.lastIndexOf('/') + 1);
  switch (base) {
    case 'pyproject.toml':
      return pyproject;
    case 'setup.py':
      return extractSetupPy;
    case 'setup.cfg':
      return extractSetupCfg;
    case 'Pipfile':
      return pipfile;
    case 'package.json':
      return packageJson;
  }
  if (/^(?:environment|conda)(?:[-_.][\w.-]*)?\.ya?ml$/i.test(base)) return condaEnvironment;
  if (isRequirementsFile(path)) return requirementsTxt;
  return null;
}

/** True when `path` names a dependency manifest this module reads. */
export function isManifest(path: string): boolean {
  return extractorFor(path) !== null;
}

/**
 * Dependencies declared by `file` when it is a manifest; null when it is not one. Throws a
 * one-line Error on a malformed manifest (caller reports it as parse-error).
 */
export async function extractDependencies(file: SourceFile, context: ManifestContext): Promise<Dependency[] | null> {
  const extract = extractorFor(file.path);
  return extract ? await extract(file, context) : null;
}
