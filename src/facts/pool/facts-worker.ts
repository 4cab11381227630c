import type { SourceFile } from '../../types.js';
import { extractSourceFile, isCacheable, lazyScriptExtractor, serializeOutcome, type SourceFileOutcome } from '../source-file-facts.js';

/** One file for a pool thread to extract, with its parse budget. */
export interface FactsTask {
  file: SourceFile;
  /** The per-file parse budget (named in the message of a file over it). */
  parseTimeoutMs: number;
  /** What is left of the review's budget when the task was sent: the file stops there too. */
  remainingMs: number;
  /** Also send the outcome as the cache's bytes, made here rather than on the review's thread. */
  serialize: boolean;
}

/** A thread's answer: the outcome, and its cache bytes when asked for (not for a file over budget). */
export interface FactsTaskResult {
  outcome: SourceFileOutcome;
  bytes?: Buffer;
}

const scripts = lazyScriptExtractor();

const now = () => performance.now();

/** The task this thread runs last: the pool hands a thread several at once, and they run in turn. */
let last: Promise<unknown> = Promise.resolve();

/**
 * A pool thread's work: one file's facts, sent back by structured clone (trees never leave the
 * thread). Tasks run one after another, each with its own parse budget from when it starts; what
 * is left of the review's budget counts from when the task arrived.
 */
export default function extractInWorker(task: FactsTask): Promise<FactsTaskResult> {
  const received = now();
  const run = last.then(() => extract(task, received));
  last = run.catch(() => undefined);
  return run;
}

async function extract({ file, parseTimeoutMs, remainingMs, serialize }: FactsTask, received: number): Promise<FactsTaskResult> {
  const budget = { ms: parseTimeoutMs, deadline: Math.min(now() + parseTimeoutMs, received + remainingMs), now };
  const outcome = await extractSourceFile(file, budget, scripts);
  return serialize && isCacheable(outcome) ? { outcome, bytes: serializeOutcome(outcome) } : { outcome };
}
