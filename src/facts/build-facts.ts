import { createHash } from 'node:crypto';
import { getHeapStatistics } from 'node:v8';
import { DEFAULT_LIMITS, type Limits, type Skipped, type SourceFile, type Workspace } from '../types.js';
import { oneLine } from '../errors.js';
import { throttledProgress } from '../progress.js';
import { configFormat, parseConfigDocuments } from './config/parse-config.js';
import { extractDockerfile, isDockerfilePath } from './dockerfile/extract-dockerfile.js';
import { findDuplicates } from './find-duplicates.js';
import { relocated, shareRepeats } from './intern.js';
import { extractDependencies, isManifest, type ManifestContext } from './manifests/extract-dependencies.js';
import { formatSeconds, ParseTimeExceeded, type ParseBudget } from './parse-budget.js';
import { linkConstants } from './python/link-constants.js';
import { pythonParser } from './python/python-parser.js';
import { scanSecrets } from './secrets/scan-secrets.js';
import { isScriptPath } from './typescript/is-script-path.js';
import type { ConfigDocument, Facts } from './types.js';
import type { FactsCache } from './cache/facts-cache.js';
import { factsCodeVersion } from './facts-code-version.js';
import type { FactsPool } from './pool/facts-pool.js';
import { extractSourceFile, isCacheable, isSourceFilePath, lazyScriptExtractor, parseOutcome, serializeOutcome, type SourceFileFacts, type SourceFileOutcome } from './source-file-facts.js';

export interface FactsResult {
  facts: Facts;
  /** Files that could not be parsed, or not within the budgets: reported, never fatal. */
  skipped: Skipped[];
  /** Budgets that ran out, one sentence each ("partially analysed: …"), for `target.limitsReached`. */
  limitsReached: string[];
  /** How the source files were read: how many, how many came from the cache, on how many threads. */
  sources: { files: number; fromCache: number; threads: number };
}

export interface BuildFactsOptions {
  /** The per-file parse budget and the review's (named in the note); DEFAULT_LIMITS when left out. */
  limits?: Pick<Limits, 'parseTimeoutMs' | 'reviewTimeoutMs'>;
  /** The `now()` reading at which the review's wall-clock budget runs out: files not parsed by then are left out. */
  deadline?: number;
  /** The clock of both budgets (`performance.now` by default). */
  now?: () => number;
  /** Source files' facts from earlier reviews, by content: a hit is not parsed again. */
  cache?: FactsCache;
  /** Worker threads for source files, asked for only when there are enough files to share out. */
  pool?: () => FactsPool | undefined;
  /**
   * The process's heap in use and its limit, in bytes (`v8.getHeapStatistics()` by default): past
   * {@link HEAP_SHARE} of the limit no further file is parsed, so a huge repository makes a partial
   * report rather than a crashed process (a server's other reviews included).
   */
  heap?: () => { used: number; limit: number };
  /** Told every few seconds how far a long facts stage has got (`5,000 of 20,000 files read`): see {@link throttledProgress}. */
  progress?: (line: string) => void;
}

/** The share of the heap limit the facts stage may fill; the rest is the checks' and the reports'. */
export const HEAP_SHARE = 0.5;
/** Files parsed between two looks at the heap. */
const HEAP_STRIDE = 32;

const v8Heap = () => {
  const { used_heap_size: used, heap_size_limit: limit } = getHeapStatistics();
  return { used, limit };
};

/** Paths named in the per-file budget note before "and N more". */
const SLOW_FILES_NAMED = 3;
/** Below this many source files, starting threads costs more than it saves. */
const POOL_MIN_FILES = 200;
/** Cache lookups in flight at once without a pool. */
const LOOKUPS_AHEAD = 32;

/**
 * One source file's outcome, if it was found or extracted ahead of its turn; its cache key (none
 * when it came from the cache) and, from a pool thread, its cache bytes.
 */
interface Produced {
  outcome: SourceFileOutcome | undefined;
  key?: string;
  bytes?: Buffer;
  fromCache?: true;
}

/**
 * Workspace → facts: each file parsed once by the parser its kind calls for. Source files
 * (Python, notebooks, scripts) go through the cache and, in a large repository, worker threads;
 * their facts are still added in the workspace's order, so the result is the same either way. A
 * parser that throws on one file turns that file into a `parse-error` entry, one slower than
 * `limits.parseTimeoutMs` into a `limit` entry, and the files still waiting when the review's
 * deadline passes into `limit` entries too; the review goes on with the rest, and `limitsReached`
 * says it was partial.
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
  const scriptExtractor = lazyScriptExtractor();
  const outOfTime = (): boolean => options.deadline !== undefined && now() > options.deadline;
  const heap = options.heap ?? v8Heap;
  let heapUsed = 0;
  const outOfMemory = (index: number): boolean => {
    if (index % HEAP_STRIDE !== 0 || index === 0) return false;
    const { used, limit } = heap();
    heapUsed = used;
    return used > limit * HEAP_SHARE;
  };
  const budgetFrom = (start: number): ParseBudget => ({ ms: limits.parseTimeoutMs, deadline: Math.min(start + limits.parseTimeoutMs, options.deadline ?? Infinity), now });

  const sourceFiles = workspace.files.filter((file) => isSourceFilePath(file.path));
  const pool = sourceFiles.length >= POOL_MIN_FILES ? options.pool?.() : undefined;
  // Each thread that reads a script loads the TypeScript compiler (about half a second): a few
  // hundred scripts are read here instead, where it loads once, while the threads parse Python.
  const scriptsToPool = sourceFiles.filter((file) => isScriptPath(file.path)).length >= POOL_MIN_FILES;
  const ahead = new Sources(sourceFiles, pool ? pool.threads * 8 : options.cache ? LOOKUPS_AHEAD : 0, produce);
  const sources = { files: 0, fromCache: 0, threads: pool?.threads ?? 1 };

  let stoppedAt = -1;
  let stoppedBy: 'time' | 'memory' = 'time';
  const progress = throttledProgress(options.progress, now);
  const count = new Intl.NumberFormat('en-US');
  try {
    for (const [index, file] of workspace.files.entries()) {
      progress(() => `${count.format(index)} of ${count.format(workspace.files.length)} files read`);
      if (outOfTime()) {
        stoppedAt = index;
        break;
      }
      if (outOfMemory(index)) {
        [stoppedAt, stoppedBy] = [index, 'memory'];
        break;
      }
      if (isSourceFilePath(file.path)) {
        const produced = await ahead.next();
        sources.files++;
        if (produced.fromCache) sources.fromCache++;
        let outcome = produced.outcome;
        if (!outcome) {
          await loadParserFor(file.path); // once per review, not part of any one file's budget
          outcome = await extractSourceFile(file, budgetFrom(now()), scriptExtractor);
          if (outcome.ok) outcome = { ok: true, facts: relocated(outcome.facts) };
        }
        if (!outcome.ok && outcome.reason === 'limit' && outOfTime()) {
          stoppedAt = index; // the review's own budget ran out during this file
          break;
        }
        // The process's cache takes a value at once, unless a huge repository's values pile up unwritten.
        if (options.cache && produced.key && isCacheable(outcome)) await options.cache.set(produced.key, produced.bytes ?? serializeOutcome(outcome)).catch(() => undefined);
        if (outcome.ok) addSourceFacts(outcome.facts);
        else skip(file, outcome.reason, outcome.detail);
      } else {
        const budget = budgetFrom(now());
        try {
          const keep = await extractOtherFile(file);
          // These parsers cannot be interrupted: they are measured, and a file over budget is left out all the same.
          if (now() > budget.deadline) throw new ParseTimeExceeded(budget.ms);
          keep();
        } catch (error) {
          if (error instanceof ParseTimeExceeded && outOfTime()) {
            stoppedAt = index;
            break;
          }
          if (error instanceof ParseTimeExceeded) skip(file, 'limit', error.message);
          else skip(file, 'parse-error', error instanceof RangeError ? 'nested too deep to parse' : oneLine((error as Error).message ?? String(error), 200));
        }
      }
      analysed.push(file);
      // Notebooks are scanned through their code cells: outputs never reach a report.
      if (!file.path.endsWith('.ipynb')) facts.secrets.push(...scanSecrets(file));
    }
  } finally {
    ahead.stop();
  }
  if (stoppedAt >= 0) {
    const rest = workspace.files.slice(stoppedAt);
    const why = stoppedBy === 'time' ? 'the review ran out of time' : 'the review reached its memory budget';
    for (const left of rest) skipped.push({ path: left.path, reason: 'limit', detail: `not parsed: ${why}` });
    const budget =
      stoppedBy === 'time'
        ? `the review's time budget of ${formatSeconds(limits.reviewTimeoutMs)} ran out`
        : `the facts reached the memory budget (${Math.round(heapUsed / 2 ** 20)} MB of heap in use, half the process's limit)`;
    limitsReached.push(`partially analysed: ${budget}; ${rest.length} of ${workspace.files.length} files were not parsed`);
  }
  if (slow.length) {
    const named = slow.slice(0, SLOW_FILES_NAMED).join(', ') + (slow.length > SLOW_FILES_NAMED ? ` and ${slow.length - SLOW_FILES_NAMED} more` : '');
    limitsReached.push(`partially analysed: ${slow.length} file${slow.length === 1 ? '' : 's'} took longer than the ${formatSeconds(limits.parseTimeoutMs)} per-file parse budget and ${slow.length === 1 ? 'was' : 'were'} left out (${named})`);
  }
  linkConstants(facts.python);
  // `-r requirements.txt` includes list the included file's entries a second time.
  facts.dependencies = uniqueBy(facts.dependencies, (d) => `${d.evidence.path}:${d.evidence.line}:${d.name}`);
  facts.duplicates = findDuplicates(analysed);
  return { facts, skipped, limitsReached, sources };

  function skip(file: SourceFile, reason: 'limit' | 'parse-error', detail: string): void {
    if (reason === 'limit') slow.push(file.path);
    skipped.push({ path: file.path, reason, detail });
  }

  function addSourceFacts(source: SourceFileFacts): void {
    if (source.notebook) facts.notebooks.push(source.notebook);
    if (source.python) facts.python.push(source.python);
    if (source.script) facts.scripts.push(source.script);
    if (source.language) facts.languages[source.language.name] = (facts.languages[source.language.name] ?? 0) + source.language.lines;
    facts.secrets.push(...source.secrets);
    facts.dependencies.push(...source.dependencies);
  }

  /** A source file's outcome ahead of its turn: from the cache, else from a pool thread if there is a pool. */
  async function produce(file: SourceFile, signal: AbortSignal): Promise<Produced> {
    const key = options.cache && cacheKey(file);
    // A cache is never a reason for a review to fail: whatever goes wrong there is a miss.
    const hit = key ? await options.cache!.get(key).catch(() => undefined) : undefined;
    if (hit !== undefined) {
      try {
        return { outcome: shared(parseOutcome(hit)), fromCache: true };
      } catch {
        // a corrupt entry is a miss
      }
    }
    if (!pool || signal.aborted || (!scriptsToPool && isScriptPath(file.path))) return { outcome: undefined, ...(key && { key }) };
    const remainingMs = options.deadline === undefined ? Infinity : options.deadline - now();
    // A thread that fails leaves the file to be extracted here, in its turn.
    const result = await pool.extract({ file, parseTimeoutMs: limits.parseTimeoutMs, remainingMs, serialize: key !== undefined }).catch(() => undefined);
    return { outcome: result && shared(result.outcome), ...(key && { key }), ...(result?.bytes !== undefined && { bytes: result.bytes }) };
  }

  /** Loads the parser a file needs, if it is not loaded yet: the Python grammar, or the TypeScript compiler's project. */
  async function loadParserFor(path: string): Promise<void> {
    if (isScriptPath(path)) await scriptExtractor();
    else if (path.endsWith('.py') || path.endsWith('.pyi') || path.endsWith('.ipynb')) await pythonParser();
  }

  /** Parses a file that is not source code; the returned function adds its facts (called only when the file was within budget). */
  async function extractOtherFile(file: SourceFile): Promise<() => void> {
    const { path } = file;
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

/** An outcome that was deserialised (from a thread or the cache), its strings shared again: see {@link shareRepeats}. */
function shared(outcome: SourceFileOutcome): SourceFileOutcome {
  if (outcome.ok) shareRepeats(outcome.facts);
  return outcome;
}

/** The cache key of a source file: what extracted it, where it is, and its content. */
function cacheKey(file: SourceFile): string {
  return `${factsCodeVersion()}:${file.path}:${createHash('sha256').update(file.text).digest('hex')}`;
}

/**
 * Source files' outcomes, started up to `ahead` files before they are needed and handed out in
 * order. With `ahead` 0 nothing is started early: every file is extracted in its turn.
 */
class Sources {
  private readonly started: Promise<Produced>[] = [];
  private readonly controller = new AbortController();
  private taken = 0;

  constructor(
    private readonly files: readonly SourceFile[],
    private readonly ahead: number,
    private readonly produce: (file: SourceFile, signal: AbortSignal) => Promise<Produced>,
  ) {}

  next(): Promise<Produced> {
    if (this.ahead === 0) return Promise.resolve({ outcome: undefined });
    while (this.started.length < Math.min(this.files.length, this.taken + 1 + this.ahead)) {
      this.started.push(this.produce(this.files[this.started.length]!, this.controller.signal));
    }
    const produced = this.started[this.taken]!;
    delete this.started[this.taken]; // its facts are the caller's now: nothing here keeps them alive
    this.taken++;
    return produced;
  }

  /** Starts nothing more: what is in flight (at most `ahead` files) finishes and is dropped. */
  stop(): void {
    this.controller.abort();
    for (const pending of this.started) pending?.catch(() => undefined);
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
