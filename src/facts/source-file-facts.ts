import { deserialize, serialize } from 'node:v8';
import { oneLine } from '../errors.js';
import type { SourceFile } from '../types.js';
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

/**
 * {@link SourceFileOutcome} as bytes, for the cache: V8's serialisation format (structured clone),
 * which keeps shared objects shared (facts on one line share one evidence object, so facts read
 * back take no more memory than fresh ones) and a function's `reads` a Map.
 */
export function serializeOutcome(outcome: SourceFileOutcome): Buffer {
  return serialize(outcome);
}

/**
 * The inverse of {@link serializeOutcome}. Throws on bytes that are not an outcome (a corrupt
 * cache entry, or one another V8 version wrote).
 */
export function parseOutcome(bytes: Buffer): SourceFileOutcome {
  const outcome = deserialize(bytes) as SourceFileOutcome | null;
  if (typeof outcome !== 'object' || outcome === null || typeof outcome.ok !== 'boolean') throw new Error('not a file outcome');
  if (outcome.ok && (typeof outcome.facts !== 'object' || outcome.facts === null)) throw new Error('not a file outcome');
  return outcome;
}
