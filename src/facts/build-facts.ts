import type { Skipped, SourceFile, Workspace } from '../types.js';
import { oneLine } from '../errors.js';
import { configFormat, parseConfigDocuments } from './config/parse-config.js';
import { extractDockerfile, isDockerfilePath } from './dockerfile/extract-dockerfile.js';
import { findDuplicates } from './find-duplicates.js';
import { extractDependencies, isManifest, type ManifestContext } from './manifests/extract-dependencies.js';
import { notebookFacts } from './notebook/notebook-facts.js';
import { extractPython } from './python/extract-python.js';
import { linkConstants } from './python/link-constants.js';
import { withPythonTree } from './python/python-parser.js';
import { LineIndex } from './evidence.js';
import { scanSecrets } from './secrets/scan-secrets.js';
import { createScriptExtractor, type ScriptExtractor } from './typescript/create-script-extractor.js';
import { isScriptPath } from './typescript/is-script-path.js';
import type { ConfigDocument, Facts } from './types.js';

export interface FactsResult {
  facts: Facts;
  /** Files that could not be parsed: reported, never fatal. */
  skipped: Skipped[];
}

/**
 * Workspace → facts: each file parsed once by the parser its kind calls for. A parser that throws
 * on one file turns that file into a `parse-error` entry; the review goes on.
 */
export async function buildFacts(workspace: Workspace): Promise<FactsResult> {
  const facts: Facts = { files: workspace.files, python: [], scripts: [], dependencies: [], configs: [], dockerfiles: [], notebooks: [], secrets: [], languages: {}, history: workspace.history, duplicates: [] };
  const skipped: Skipped[] = [];
  const byPath = new Map(workspace.files.map((file) => [file.path, file]));
  const manifestContext = (documents: ConfigDocument[]): ManifestContext => ({ lookup: (p) => byPath.get(p), documents: () => documents });
  // ts-morph loads the TypeScript compiler: only when there is a script to read.
  let scripts: ScriptExtractor | undefined;
  const count = (language: string, lines: number) => {
    facts.languages[language] = (facts.languages[language] ?? 0) + lines;
  };

  for (const file of workspace.files) {
    try {
      await extractFile(file);
    } catch (error) {
      skipped.push({ path: file.path, reason: 'parse-error', detail: oneLine((error as Error).message ?? String(error), 200) });
    }
    // Notebooks are scanned through their code cells (below): outputs never reach a report.
    if (!file.path.endsWith('.ipynb')) facts.secrets.push(...scanSecrets(file));
  }
  linkConstants(facts.python);
  // `-r requirements.txt` includes list the included file's entries a second time.
  facts.dependencies = uniqueBy(facts.dependencies, (d) => `${d.evidence.path}:${d.evidence.line}:${d.name}`);
  facts.duplicates = findDuplicates(workspace.files);
  return { facts, skipped };

  async function extractFile(file: SourceFile): Promise<void> {
    const { path } = file;
    if (path.endsWith('.py') || path.endsWith('.pyi')) {
      const index = new LineIndex(path, file.text);
      const module = await withPythonTree(file.text, (tree) => extractPython(tree, path, 'python', (line) => index.evidence(line)));
      facts.python.push(module);
      count('python', module.linesOfCode);
      if (path === 'setup.py' || path.endsWith('/setup.py')) facts.dependencies.push(...((await extractDependencies(file, manifestContext([]))) ?? []));
      return;
    }
    if (path.endsWith('.ipynb')) {
      const notebook = await notebookFacts(file);
      facts.notebooks.push(notebook.summary);
      facts.secrets.push(...notebook.secrets);
      facts.dependencies.push(...notebook.dependencies);
      if (notebook.module) {
        facts.python.push(notebook.module);
        count('notebook', notebook.module.linesOfCode);
      }
      return;
    }
    if (isScriptPath(path)) {
      scripts ??= createScriptExtractor();
      const module = scripts.extract(file);
      facts.scripts.push(module);
      count(module.language, module.linesOfCode);
      return;
    }
    if (isDockerfilePath(path)) {
      facts.dockerfiles.push(extractDockerfile(file));
      return;
    }
    // Parsed once: TOML, JSON and YAML manifests read their dependencies from these documents.
    const documents = configFormat(path) && !isTemplate(file) ? parseConfigDocuments(file) : [];
    if (isManifest(path)) facts.dependencies.push(...((await extractDependencies(file, manifestContext(documents))) ?? []));
    facts.configs.push(...documents);
  }
}

/** Helm and Jinja templates under `templates/` are YAML only after rendering: read as text, not parsed. */
function isTemplate(file: SourceFile): boolean {
  return /(^|\/)templates\//.test(file.path) && file.text.includes('{{');
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
