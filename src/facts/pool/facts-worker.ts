import type { SourceFile } from '../../types.js';
import { extractSourceFile, lazyScriptExtractor, type SourceFileOutcome } from '../source-file-facts.js';

/** One file for a pool thread to extract, with its parse budget. */
export interface FactsTask {
  file: SourceFile;
  /** The per-file parse budget (named in the message of a file over it). */
  parseTimeoutMs: number;
  /** What is left of the review's budget when the task was sent: the file stops there too. */
  remainingMs: number;
}

const scripts = lazyScriptExtractor();

/** A pool thread's work: one file's facts, sent back by structured clone (trees never leave the thread). */
export default async function extractInWorker({ file, parseTimeoutMs, remainingMs }: FactsTask): Promise<SourceFileOutcome> {
  const now = () => performance.now();
  const budget = { ms: parseTimeoutMs, deadline: now() + Math.min(parseTimeoutMs, remainingMs), now };
  return extractSourceFile(file, budget, scripts);
}
