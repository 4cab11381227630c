import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { FactsTask, FactsTaskResult } from './facts-worker.js';

/** Files handed to a thread at once. */
const TASKS_PER_THREAD = 4;
/** Beyond the parse budgets of a task and of those ahead of it on its thread: when a task is given up. */
const ABANDON_AFTER_MS = 10_000;
/**
 * How long a thread waits for another file before it leaves. Files keep coming while a review
 * reads them, so threads leave as its facts stage ends: kept for the next review, two threads held
 * 0.4 GB through the checks of a 20,000-file repository, its heaviest stage (3.3 → 2.9 GB peak).
 */
const IDLE_MS = 2_000;

/** Threads that parse source files beside the review's own: facts come back, syntax trees never do. */
export interface FactsPool {
  readonly threads: number;
  /** Threads up now: none until a review hands out files, none again once it has read them all. */
  running(): number;
  extract(task: FactsTask): Promise<FactsTaskResult>;
  close(): Promise<void>;
}

export interface FactsPoolOptions {
  /** Threads; default: the cores available. */
  threads?: number;
  /** The compiled worker module; default `facts-worker.js` beside this one. */
  workerFile?: string;
  /** How long past the parse budgets of a task and of those ahead of it a task is given up. Default 10 s. */
  abandonAfterMs?: number;
  /** How long an idle thread stays up. Default 2 s. */
  idleMs?: number;
}

/**
 * A pool of worker threads for the facts stage (piscina), or undefined where one cannot help: a
 * single core, or code running from TypeScript sources (tests), where no compiled worker exists.
 * Threads load the grammar and the TypeScript compiler once and stay up while files keep coming.
 */
export function createFactsPool(options: FactsPoolOptions = {}): FactsPool | undefined {
  const threads = options.threads ?? availableParallelism();
  const filename = options.workerFile ?? fileURLToPath(new URL('./facts-worker.js', import.meta.url));
  if (threads < 2 || !existsSync(filename)) return undefined;
  const abandonAfterMs = options.abandonAfterMs ?? ABANDON_AFTER_MS;
  const pool = new Piscina<FactsTask, FactsTaskResult>({
    filename,
    // Threads start with a large review and leave once it has read its files: the review's checks and an idle server hold no parser memory.
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: options.idleMs ?? IDLE_MS,
    // Each thread holds a few files, so it starts the next one without waiting for the review's
    // thread (busy with results and its own files) to hand it over; the worker runs them in turn.
    concurrentTasksPerWorker: TASKS_PER_THREAD,
    // Messages through events only. piscina's shortcut (reading replies off the port in a busy
    // loop) once answered a task twice in a 20,000-file review, and a file takes milliseconds
    // anyway: the shortcut's microseconds are not worth it.
    atomics: 'disabled',
  });
  // piscina reports what it cannot place (a stray reply) as an 'error' event; unheard, that would
  // end the process, a server with its other reviews. Every task settles on its own.
  pool.on('error', () => undefined);
  return {
    threads,
    running: () => pool.threads.length,
    // A Buffer crosses threads as a plain Uint8Array: the same bytes, viewed as a Buffer again.
    extract: async (task) => {
      // A task that never settles (a thread wedged) is abandoned in the end: the review parses the file itself.
      const { outcome, bytes } = await pool.run(task, { signal: AbortSignal.timeout(task.parseTimeoutMs * (TASKS_PER_THREAD + 1) + abandonAfterMs) });
      return bytes === undefined ? { outcome } : { outcome, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
    },
    close: () => pool.destroy(),
  };
}
