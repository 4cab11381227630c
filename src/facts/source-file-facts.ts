import { oneLine } from '../errors.js';
import type { Evidence, SourceFile } from '../types.js';
import { LineIndex } from './evidence.js';
import { extractDependencies, type ManifestContext } from './manifests/extract-dependencies.js';
import { notebookFacts } from './notebook/notebook-facts.js';
import { ParseTimeExceeded, type ParseBudget } from './parse-budget.js';
import { extractPython } from './python/extract-python.js';
import { withPythonTree } from './python/python-parser.js';
import type { ScriptExtractor } from './typescript/create-script-extractor.js';
import { isScriptPath } from './typescript/is-script-path.js';
import type { Dependency, NotebookSummary, PyModule, ScriptModule, SecretHit } from './types.js';

/**
 * What one source file (Python module, notebook, TypeScript/JavaScript) yields, as plain data: the
 * unit the worker pool sends back and the facts cache keeps. Everything here depends on the file's
 * path and text alone.
 */
export interface SourceFileFacts {
  python?: PyModule;
  script?: ScriptModule;
  notebook?: NotebookSummary;
  /** `setup.py` requirements and notebook `%pip install` lines. */
  dependencies: Dependency[];
  /** Secrets in a notebook's code cells (other files are scanned as text by the facts stage). */
  secrets: SecretHit[];
  /** Lines of code counted under this language (`python`, `notebook`, `typescript`, …). */
  language?: { name: string; lines: number };
}

/** The outcome of extracting one file: its facts, or why it has none (reported, never fatal). */
export type SourceFileOutcome = { ok: true; facts: SourceFileFacts } | { ok: false; reason: 'limit' | 'parse-error'; detail: string };

/**
 * The TypeScript/JavaScript extractor, loaded on first use: the compiler takes a few hundred
 * milliseconds to load, which a Python-only take-home never pays.
 */
export function lazyScriptExtractor(): () => Promise<ScriptExtractor> {
  let loading: Promise<ScriptExtractor> | undefined;
  return () => (loading ??= import('./typescript/create-script-extractor.js').then((m) => m.createScriptExtractor()));
}

/** True for the files {@link extractSourceFile} reads: the expensive ones, worth a worker and a cache entry. */
export function isSourceFilePath(path: string): boolean {
  return path.endsWith('.py') || path.endsWith('.pyi') || path.endsWith('.ipynb') || isScriptPath(path);
}

/**
 * Parses one source file within its budget. Never throws: a parser's error becomes `parse-error`
 * (a RangeError is a parser recursing once per level of a hostile file's nesting), a file over
 * budget becomes `limit` — measured after the fact for parsers that cannot be interrupted.
 */
export async function extractSourceFile(file: SourceFile, budget: ParseBudget, scripts: () => Promise<ScriptExtractor>): Promise<SourceFileOutcome> {
  try {
    const facts = await extract(file, budget, scripts);
    if (budget.now() > budget.deadline) throw new ParseTimeExceeded(budget.ms);
    return { ok: true, facts };
  } catch (error) {
    if (error instanceof ParseTimeExceeded) return { ok: false, reason: 'limit', detail: error.message };
    const detail = error instanceof RangeError ? 'nested too deep to parse' : oneLine((error as Error)?.message ?? String(error), 200);
    return { ok: false, reason: 'parse-error', detail };
  }
}

/** `setup.py` is read on its own: it names no other file. */
const NO_OTHER_FILES: ManifestContext = { lookup: () => undefined, documents: () => [] };

async function extract(file: SourceFile, budget: ParseBudget, scripts: () => Promise<ScriptExtractor>): Promise<SourceFileFacts> {
  const { path } = file;
  if (path.endsWith('.ipynb')) {
    const notebook = await notebookFacts(file, budget);
    return {
      ...(notebook.module && { python: notebook.module, language: { name: 'notebook', lines: notebook.module.linesOfCode } }),
      notebook: notebook.summary,
      dependencies: notebook.dependencies,
      secrets: notebook.secrets,
    };
  }
  if (isScriptPath(path)) {
    const script = (await scripts()).extract(file);
    return { script, dependencies: [], secrets: [], language: { name: script.language, lines: script.linesOfCode } };
  }
  const index = new LineIndex(path, file.text);
  const python = await withPythonTree(file.text, (tree) => extractPython(tree, path, 'python', (line) => index.evidence(line), budget), budget);
  const isSetupPy = path === 'setup.py' || path.endsWith('/setup.py');
  return { python, dependencies: isSetupPy ? ((await extractDependencies(file, NO_OTHER_FILES)) ?? []) : [], secrets: [], language: { name: 'python', lines: python.linesOfCode } };
}

/** Whether an outcome may be cached: facts and parse errors follow from the text; running out of time does not. */
export function isCacheable(outcome: SourceFileOutcome): boolean {
  return outcome.ok || outcome.reason !== 'limit';
}

/** How a shared evidence object is written in cache text: its place in the entry's evidence table. */
const REF = '@';

const isEvidence = (value: object): value is Evidence =>
  typeof (value as Evidence).line === 'number' && typeof (value as Evidence).snippet === 'string' && typeof (value as Evidence).path === 'string';

/**
 * {@link SourceFileOutcome} as JSON text, for the cache. Facts on one line share one evidence
 * object; the text keeps it so: each object is written once, in a table, and referred to by its
 * place (`{"@": 3}`) wherever it stands, which halves the text. A function's `reads`, a Map, is
 * written as its entries.
 */
export function serializeOutcome(outcome: SourceFileOutcome): string {
  const python = outcome.ok ? outcome.facts.python : undefined;
  const body = outcome.ok && python ? { ...outcome, facts: { ...outcome.facts, python: { ...python, functions: python.functions.map((fn) => ({ ...fn, reads: [...fn.reads] })) } } } : outcome;
  const table: Evidence[] = [];
  const places = new Map<Evidence, number>();
  const text = JSON.stringify(body, (_key, value: unknown) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !isEvidence(value)) return value;
    let place = places.get(value);
    if (place === undefined) places.set(value, (place = table.push(value) - 1));
    return { [REF]: place };
  });
  return `{"evidence":${JSON.stringify(table)},"outcome":${text}}`;
}

/**
 * The inverse of {@link serializeOutcome}: every reference is the table's one object again, so
 * facts read back take no more memory than freshly extracted ones. Throws on text that is not an
 * outcome (a corrupt cache entry).
 */
export function parseOutcome(text: string): SourceFileOutcome {
  const { evidence, outcome } = JSON.parse(text) as { evidence?: unknown; outcome?: SourceFileOutcome };
  if (!Array.isArray(evidence) || typeof outcome?.ok !== 'boolean') throw new Error('not a file outcome');
  if (!outcome.ok) return outcome;
  resolveReferences(outcome.facts, evidence as Evidence[]);
  for (const fn of outcome.facts.python?.functions ?? []) fn.reads = new Map(fn.reads as unknown as [string, Evidence][]);
  return outcome;
}

function resolveReferences(root: object, table: readonly Evidence[]): void {
  const stack: object[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Record<string, unknown>;
    for (const key in node) {
      const value = node[key] as Record<string, unknown> | null;
      if (value === null || typeof value !== 'object') continue;
      const place = value[REF];
      if (typeof place !== 'number') stack.push(value);
      else if (table[place]) node[key] = table[place];
      else throw new Error('not a file outcome: a reference out of its table');
    }
  }
}
