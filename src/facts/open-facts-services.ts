import { openFactsCache, type FactsCacheEnv } from './cache/open-facts-cache.js';
import type { FactsCacheWarn, OpenedFactsCache } from './cache/facts-cache.js';
import { createFactsPool, type FactsPool } from './pool/facts-pool.js';

/** The environment of the facts stage's services: the cache's variables and the threads. */
export interface FactsServicesEnv extends FactsCacheEnv {
  /** Threads parsing source files in a large repository; `1` parses on the main thread only. Default: the cores. */
  CANDIDATE_REVIEW_THREADS?: string;
}

/** What a process keeps between reviews for the facts stage: the cache and the thread pool (started when first needed). */
export interface FactsServices {
  cache: OpenedFactsCache | undefined;
  pool: () => FactsPool | undefined;
  close(): Promise<void>;
}

/**
 * Opens the facts cache the environment asks for and prepares the worker pool, started the first
 * time a review has enough files to share out. One per process; `close` at exit.
 */
export function openFactsServices(env: FactsServicesEnv, warn?: FactsCacheWarn): FactsServices {
  const opened = openFactsCache(env, warn);
  const cache = opened && writeBehind(opened);
  const threads = threadsOf(env.CANDIDATE_REVIEW_THREADS, warn);
  let pool: FactsPool | undefined;
  let started = false;
  return {
    cache,
    pool: () => {
      if (!started) pool = createFactsPool(threads === undefined ? {} : { threads });
      started = true;
      return pool;
    },
    close: async () => {
      await Promise.allSettled([cache?.close(), pool?.close()]);
    },
  };
}

function threadsOf(value: string | undefined, warn?: FactsCacheWarn): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const threads = Number(value);
  if (Number.isInteger(threads) && threads >= 1 && threads <= 64) return threads;
  warn?.(`CANDIDATE_REVIEW_THREADS=${JSON.stringify(value.slice(0, 20))} is not a number from 1 to 64; using the cores available`);
  return undefined;
}

/** Cache values waiting to be written at most, in bytes: past it a review waits for the writes. */
export const WRITE_BEHIND_BYTES = 64 * 1024 * 1024;

/** Cache writes made at once: each is a gzip and a handful of file system calls, mostly waiting. */
export const WRITES_IN_FLIGHT = 4;

/**
 * The cache as reviews use it: writes are handed over and made behind the review, a few at a time
 * (the gzip on libuv's threads, while the review's thread parses and checks), so filling the cache
 * hardly slows a first review. A huge repository's values cannot pile up in memory: past
 * `maxQueuedBytes` waiting, `set` resolves only once the queue is back under it. `close` waits for
 * the writes still queued.
 */
export function writeBehind(cache: OpenedFactsCache, maxQueuedBytes = WRITE_BEHIND_BYTES, inFlight = WRITES_IN_FLIGHT): OpenedFactsCache {
  const queue: { key: string; value: Buffer }[] = [];
  let queued = 0;
  let running = 0;
  const waiting: Array<() => void> = [];
  const drained: Array<() => void> = [];
  const pump = (): void => {
    while (running < inFlight && queue.length > 0) {
      const { key, value } = queue.shift()!;
      running++;
      void cache
        .set(key, value)
        .catch(() => undefined)
        .then(() => {
          running--;
          queued -= value.length;
          if (queued <= maxQueuedBytes) for (const resume of waiting.splice(0)) resume();
          pump();
          if (running === 0) for (const done of drained.splice(0)) done();
        });
    }
  };
  return {
    kind: cache.kind,
    get: (key) => cache.get(key),
    set: (key, value) => {
      queued += value.length;
      queue.push({ key, value });
      pump();
      return queued <= maxQueuedBytes ? Promise.resolve() : new Promise<void>((resume) => waiting.push(resume));
    },
    close: async () => {
      if (running > 0) await new Promise<void>((done) => drained.push(done));
      await cache.close();
    },
  };
}
