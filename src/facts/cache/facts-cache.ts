import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';

/**
 * Where one file's facts are kept between reviews, under a key the facts stage builds from the
 * file's content (content-addressed, so a hit is correct by construction). Values are bytes (the
 * facts in V8's serialisation format). Implementations never throw: a broken cache behaves as a miss.
 */
export interface FactsCache {
  get(key: string): Promise<Buffer | undefined>;
  set(key: string, value: Buffer): Promise<void>;
}

/** A cache the caller opened and must close when done (Redis holds a connection). */
export interface OpenedFactsCache extends FactsCache {
  /** Which store backs it, for a startup log line. */
  readonly kind: 'disk' | 'redis' | 'memory';
  close(): Promise<void>;
}

/** Receives at most one line per cache when it stops working; never a key or a value. */
export type FactsCacheWarn = (line: string) => void;

/** Values larger than this (bytes) are not stored: one file's facts are far smaller. */
export const DEFAULT_MAX_FACTS_VALUE_BYTES = 8 * 1024 * 1024;

/**
 * The sha256 hex of a key, the only form in which a key reaches a path or a Redis key. Hashes the
 * key's UTF-16 code units, so keys that differ only in lone surrogates stay distinct.
 */
export function factsCacheKeyHash(key: string): string {
  return createHash('sha256').update(Buffer.from(key, 'utf16le')).digest('hex');
}

/** A `warn` that forwards the first line only (a broken cache is noisy on every call). */
export function warnOnce(warn: FactsCacheWarn | undefined): FactsCacheWarn {
  let warned = false;
  return (line) => {
    if (warned || !warn) return;
    warned = true;
    try {
      warn(line);
    } catch {
      // A throwing logger must not turn a cache miss into a failed review.
    }
  };
}

/** `ENOTDIR`, `EACCES`, …: the code only, as a message could carry more than a warn line should. */
export function errorCode(error: unknown): string {
  const e = error as { code?: unknown; name?: unknown } | undefined;
  if (typeof e?.code === 'string' && /^[A-Z0-9_]{1,40}$/.test(e.code)) return e.code;
  if (typeof e?.name === 'string' && /^[A-Za-z]{1,40}$/.test(e.name)) return e.name;
  return 'error';
}

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/**
 * A value as stored: gzipped (level 1: most of the gain for little time), on libuv's thread pool
 * rather than the review's thread. Facts shrink about sevenfold.
 */
export function compressValue(value: Buffer): Promise<Buffer> {
  return gzipAsync(value, { level: 1 });
}

/**
 * A stored value back, or undefined when it is not gzip or would inflate past `maxBytes`
 * (whoever else can write the store cannot make a read allocate more).
 */
export function decompressValue(body: Buffer, maxBytes: number): Promise<Buffer | undefined> {
  return gunzipAsync(body, { maxOutputLength: maxBytes }).catch(() => undefined);
}
