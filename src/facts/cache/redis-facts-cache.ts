import type { Redis } from 'ioredis';
import {
  compressValue,
  decompressValue,
  DEFAULT_MAX_FACTS_VALUE_BYTES,
  errorCode,
  factsCacheKeyHash,
  warnOnce,
  type FactsCacheWarn,
  type OpenedFactsCache,
} from './facts-cache.js';
import { withTimeLimit } from '../../time-limit.js';

/** The Redis commands the cache uses (an ioredis client has them). */
export type FactsCacheRedisClient = Pick<Redis, 'getBuffer' | 'set' | 'status'>;

export type RedisFactsCacheOptions = ({ url: string; client?: never } | { client: FactsCacheRedisClient; url?: never }) & {
  /** How long an entry lives after its last write. Default 7 days. */
  ttlSeconds?: number;
  /** Prepended to sha256(key). Default `cr:facts:`. */
  keyPrefix?: string;
  /** A command that takes longer is a miss. Default 2,000 ms. */
  commandTimeoutMs?: number;
  /** After a failure, commands are skipped (misses) for this long, so an outage costs one timeout, not one per file. Default 10,000 ms. */
  backoffMs?: number;
  /** Larger values are neither stored nor returned. Default 8 MB. */
  maxValueBytes?: number;
  /** Told once, in one line (the URL without credentials), when Redis fails. */
  warn?: FactsCacheWarn;
  /** Milliseconds since the epoch, for the backoff. Default `Date.now`. */
  now?: () => number;
};

/** 7 days. */
export const DEFAULT_FACTS_CACHE_TTL_SECONDS = 7 * 24 * 60 * 60;

/**
 * A {@link FactsCache} in Redis, shared by every instance of the app: `SET <prefix><sha256(key)>
 * <value> EX <ttl>`. Commands time out fast and a failure pauses the cache for `backoffMs`, so an
 * outage turns into misses, never a stalled review. `close()` disconnects a client this function
 * opened from `url`; a client passed in stays its owner's to close.
 */
export function createRedisFactsCache(options: RedisFactsCacheOptions): OpenedFactsCache {
  const ttlSeconds = Math.max(1, Math.floor(options.ttlSeconds ?? DEFAULT_FACTS_CACHE_TTL_SECONDS));
  const keyPrefix = options.keyPrefix ?? 'cr:facts:';
  const timeoutMs = options.commandTimeoutMs ?? 2_000;
  const backoffMs = options.backoffMs ?? 10_000;
  const maxValueBytes = options.maxValueBytes ?? DEFAULT_MAX_FACTS_VALUE_BYTES;
  const now = options.now ?? Date.now;
  const where = options.url !== undefined ? redactedUrl(options.url) : 'client';
  const secrets = options.url !== undefined ? credentialsOf(options.url) : [];
  const warn = warnOnce(options.warn);
  let pausedUntil = 0;
  const fail = (op: string, error: unknown) => {
    pausedUntil = now() + backoffMs;
    warn(scrub(`facts cache (redis, ${where}): ${op} failed (${describe(error)}); treated as a miss, further errors not shown`, secrets));
  };

  // ioredis loads only when a Redis cache is used (a tenth of a second of every CLI start otherwise).
  let owned: Redis | undefined;
  let connecting: Promise<FactsCacheRedisClient | undefined> = Promise.resolve(options.client);
  if (options.url !== undefined) {
    const url = options.url;
    connecting = import('ioredis').then(
      ({ Redis }) => {
        owned = new Redis(url, {
          commandTimeout: timeoutMs,
          connectTimeout: timeoutMs,
          maxRetriesPerRequest: 1,
          retryStrategy: (times) => Math.min(times * 200, 5_000),
        });
        owned.on('error', (error: unknown) => fail('connection', error));
        return owned;
      },
      (error: unknown) => {
        fail('connection', error);
        return undefined;
      },
    );
  }
  let closed = false;

  /** The command's result, or undefined (and a warning) if it failed, timed out or the cache is paused. */
  const run = async <T>(op: string, command: (c: FactsCacheRedisClient) => Promise<T>): Promise<T | undefined> => {
    const client = await connecting;
    if (closed || !client || client.status === 'end' || now() < pausedUntil) return undefined;
    try {
      return await withTimeLimit(command(client), timeoutMs, 'Command timed out');
    } catch (error) {
      fail(op, error);
      return undefined;
    }
  };

  return {
    kind: 'redis',
    async get(key) {
      const body = await run('get', (c) => c.getBuffer(keyPrefix + factsCacheKeyHash(key)));
      if (!Buffer.isBuffer(body) || body.length > maxValueBytes) return undefined;
      return decompressValue(body, maxValueBytes);
    },
    async set(key, value) {
      if (value.length > maxValueBytes) return;
      const body = await compressValue(value);
      await run('set', (c) => c.set(keyPrefix + factsCacheKeyHash(key), body, 'EX', ttlSeconds));
    },
    async close() {
      closed = true;
      await connecting;
      if (!owned) return;
      const closing = owned;
      owned = undefined;
      if (closing.status === 'ready') {
        await Promise.race([closing.quit().catch(() => undefined), new Promise((r) => setTimeout(r, 500).unref())]);
      }
      closing.disconnect();
    },
  };
}

/** The URL without user or password (`redis://host:port/db`), or a placeholder if it does not parse. */
function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return 'unparsable REDIS_URL';
  }
}

/** The URL's user and password, raw and decoded, to scrub from error text. */
function credentialsOf(url: string): string[] {
  const found: string[] = [];
  try {
    const { username, password } = new URL(url);
    for (const part of [username, password]) {
      if (part.length === 0) continue;
      found.push(part);
      try {
        found.push(decodeURIComponent(part));
      } catch {
        // Malformed escape: the raw form is scrubbed.
      }
    }
  } catch {
    const userinfo = /^[a-z]+:\/\/([^@/]*)@/i.exec(url)?.[1];
    if (userinfo) found.push(...userinfo.split(':').filter((p) => p.length > 0));
  }
  return found;
}

function scrub(line: string, secrets: string[]): string {
  let out = line.replace(/\/\/[^@/\s]*@/g, '//');
  for (const secret of secrets) out = out.split(secret).join('***');
  return out;
}

/** A short reason: the error code, or the first 120 characters of its message. */
function describe(error: unknown): string {
  const code = errorCode(error);
  if (code !== 'Error' && code !== 'error') return code;
  const message = error instanceof Error ? error.message : '';
  return message.replace(/\s+/g, ' ').slice(0, 120) || code;
}
