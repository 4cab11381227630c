import { DEFAULT_LIMITS, type Limits, type Skipped, type SourceFile, type Workspace } from '../types.js';
import { oneLine } from '../errors.js';
import { configFormat, parseConfigDocuments } from './config/parse-config.js';
import { extractDockerfile, isDockerfilePath } from './dockerfile/extract-dockerfile.js';
import { findDuplicates } from './find-duplicates.js';
import { extractDependencies, isManifest, type ManifestContext } from './manifests/extract-dependencies.js';
import { notebookFacts } from './notebook/notebook-facts.js';
import { formatSeconds, ParseTimeExceeded, type ParseBudget } from './parse-budget.js';
import { extractPython } from './python/extract-python.js';
import { linkConstants } from './python/link-constants.js';
import { pythonParser, withPythonTree } from './python/python-parser.js';
import { LineIndex } from './evidence.js';
import { scanSecrets } from './secrets/scan-secrets.js';
import { createScriptExtractor, type ScriptExtractor } from './typescript/create-script-extractor.js';
import { isScriptPath } from './typescript/is-script-path.js';
import type { ConfigDocument, Facts } from './types.js';

export interface FactsResult {
  facts: Facts;
  /** Files that could not be parsed, or not within the budgets: reported, never fatal. */
  skipped: Skipped[];
  /** Budgets that ran out, one sentence each ("partially analysed: …"), for `target.limitsReached`. */
  limitsReached: string[];
}

export interface BuildFactsOptions {
  /** The per-file parse budget and the review's (named in the note); DEFAULT_LIMITS when left out. */
  limits?: Pick<Limits, 'parseTimeoutMs' | 'reviewTimeoutMs'>;
  /** The `now()` reading at which the review's wall-clock budget runs out: files not parsed by then are left out. */
  deadline?: number;
  /** The clock of both budgets (`performance.now` by default). */
  now?: () => number;
}

/** Paths named in the per-file budget note before "and N more". */
const SLOW_FILES_NAMED = 3;

/**
 * Workspace → facts: each file parsed once by the parser its kind calls for. A parser that throws
 * on one file turns that file into a `parse-error` entry, one slower than `limits.parseTimeoutMs`
 * into a `limit` entry, and the files still waiting when the review's deadline passes into `limit`
 * entries too; the review goes on with the rest, and `limitsReached` says it was partial.
 */
export async function buildFacts(workspace: Workspace, options: BuildFactsOptions = {}): Promise<FactsResult> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const now = options.now ?? (() => performance.now());
  const analysed: SourceFile[] = [];
  const facts: Facts = { files: analysed, python: [], scripts: [], dependencies: [], configs: [], dockerfiles: [], notebooks: [], secrets: [], languages: {}, history: workspace.history, duplicates: [] };
  const skipped: Skipped[] = [];
  const limitsReached: string[] = [];
  const slow: string[] = [];
  const byPath = new Map(workspace.files.map((file) => [file.path, file]));
  const manifestContext = (documents: ConfigDocument[]): ManifestContext => ({ lookup: (p) => byPath.get(p), documents: () => documents });
  // ts-morph loads the TypeScript compiler: only when there is a script to read.
  let scripts: ScriptExtractor | undefined;
  const count = (language: string, lines: number) => {
    facts.languages[language] = (facts.languages[language] ?? 0) + lines;
  };

  const outOfTime = (): boolean => options.deadline !== undefined && now() > options.deadline;
  let stoppedAt = -1;
  for (const [index, file] of workspace.files.entries()) {
    if (outOfTime()) {
      stoppedAt = index;
      break;
    }
    await loadParserFor(file.path); // once per review, not part of any one file's budget
    const budget: ParseBudget = { ms: limits.parseTimeoutMs, deadline: Math.min(now() + limits.parseTimeoutMs, options.deadline ?? Infinity), now };
    try {
      const keep = await extractFile(file, budget);
      // Parsers that cannot be interrupted are measured: a file over budget is left out all the same.
      if (now() > budget.deadline) throw new ParseTimeExceeded(budget.ms);
      keep();
    } catch (error) {
      if (error instanceof ParseTimeExceeded && outOfTime()) {
        stoppedAt = index; // the review's own budget ran out during this file
        break;
      }
      if (error instanceof ParseTimeExceeded) {
        slow.push(file.path);
        skipped.push({ path: file.path, reason: 'limit', detail: error.message });
      } else {
        // A RangeError is a parser recursing once per level of a hostile file's nesting until the stack ran out.
        const detail = error instanceof RangeError ? 'nested too deep to parse' : oneLine((error as Error).message ?? String(error), 200);
        skipped.push({ path: file.path, reason: 'parse-error', detail });
      }
    }
    analysed.push(file);
    // Notebooks are scanned through their code cells (below): outputs never reach a report.
    if (!file.path.endsWith('.ipynb')) facts.secrets.push(...scanSecrets(file));
  }
  if (stoppedAt >= 0) {
    const rest = workspace.files.slice(stoppedAt);
    for (const left of rest) skipped.push({ path: left.path, reason: 'limit', detail: 'not parsed: the review ran out of time' });
    limitsReached.push(
      `partially analysed: the review's time budget of ${formatSeconds(limits.reviewTimeoutMs)} ran out; ${rest.length} of ${workspace.files.length} files were not parsed`,
    );
  }
  if (slow.length) {
    const named = slow.slice(0, SLOW_FILES_NAMED).join(', ') + (slow.length > SLOW_FILES_NAMED ? ` and ${slow.length - SLOW_FILES_NAMED} more` : '');
    limitsReached.push(`partially analysed: ${slow.length} file${slow.length === 1 ? '' : 's'} took longer than the ${formatSeconds(limits.parseTimeoutMs)} per-file parse budget and ${slow.length === 1 ? 'was' : 'were'} left out (${named})`);
  }
  linkConstants(facts.python);
  // `-r requirements.txt` includes list the included file's entries a second time.
  facts.dependencies = uniqueBy(facts.dependencies, (d) => `${d.evidence.path}:${d.evidence.line}:${d.name}`);
  facts.duplicates = findDuplicates(analysed);
  return { facts, skipped, limitsReached };

  /** Loads the parser a file needs, if it is not loaded yet: the Python grammar, or the TypeScript compiler's project. */
  async function loadParserFor(path: string): Promise<void> {
    if (isScriptPath(path)) scripts ??= createScriptExtractor();
    else if (path.endsWith('.py') || path.endsWith('.pyi') || path.endsWith('.ipynb')) await pythonParser();
  }

  /** Parses one file; the returned function adds its facts (called only when the file was within budget). */
  async function extractFile(file: SourceFile, budget: ParseBudget): Promise<() => void> {
    const { path } = file;
    if (path.endsWith('.py') || path.endsWith('.pyi')) {
      const index = new LineIndex(path, file.text);
      const module = await withPythonTree(file.text, (tree) => extractPython(tree, path, 'python', (line) => index.evidence(line), budget), budget);
      const isSetupPy = path === 'setup.py' || path.endsWith('/setup.py');
      const dependencies = isSetupPy ? ((await extractDependencies(file, manifestContext([]))) ?? []) : [];
      return () => {
        facts.python.push(module);
        count('python', module.linesOfCode);
        facts.dependencies.push(...dependencies);
      };
    }
    if (path.endsWith('.ipynb')) {
      const notebook = await notebookFacts(file, budget);
      return () => {
        facts.notebooks.push(notebook.summary);
        facts.secrets.push(...notebook.secrets);
        facts.dependencies.push(...notebook.dependencies);
        if (notebook.module) {
          facts.python.push(notebook.module);
          count('notebook', notebook.module.linesOfCode);
        }
      };
    }
    if (isScriptPath(path)) {
      scripts ??= createScriptExtractor();
      const module = scripts.extract(file);
      return () => {
        facts.scripts.push(module);
        count(module.language, module.linesOfCode);
      };
    }
    if (isDockerfilePath(path)) {
      const dockerfile = extractDockerfile(file);
      return () => facts.dockerfiles.push(dockerfile);
    }
    // Parsed once: TOML, JSON and YAML manifests read their dependencies from these documents.
    const documents = configFormat(path) && !isTemplate(file) ? parseConfigDocuments(file) : [];
    const dependencies = isManifest(path) ? ((await extractDependencies(file, manifestContext(documents))) ?? []) : [];
    return () => {
      facts.dependencies.push(...dependencies);
      facts.configs.push(...documents);
    };
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
