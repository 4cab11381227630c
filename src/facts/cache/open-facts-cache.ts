import { createDiskFactsCache, defaultFactsCacheDir, DEFAULT_FACTS_CACHE_MAX_BYTES } from './disk-facts-cache.js';
import { warnOnce, type FactsCacheWarn, type OpenedFactsCache } from './facts-cache.js';
import { memoryFactsCache } from './memory-facts-cache.js';
import { createRedisFactsCache } from './redis-facts-cache.js';

export { memoryFactsCache };

/** The environment variables that choose the facts cache. */
export interface FactsCacheEnv {
  /** Set: the cache is shared in this Redis (the queue's, too). */
  REDIS_URL?: string;
  /** `off` (no cache), `disk`, `redis`, `memory`; unset: Redis if REDIS_URL is set, else disk. */
  CANDIDATE_REVIEW_CACHE?: string;
  /** The disk cache's directory. Default `$XDG_CACHE_HOME/candidate-review/facts` or `~/.cache/candidate-review/facts`. */
  CANDIDATE_REVIEW_CACHE_DIR?: string;
  /** The disk cache's size bound in megabytes. Default 512. */
  CANDIDATE_REVIEW_CACHE_MB?: string;
  XDG_CACHE_HOME?: string;
  HOME?: string;
}

/**
 * The facts cache the environment asks for: Redis when REDIS_URL is set, a size-bounded directory
 * otherwise, none (undefined) when CANDIDATE_REVIEW_CACHE=off. A value it cannot use is reported
 * through `warn` and replaced by the default. Never throws; the caller closes what it gets.
 */
export function openFactsCache(env: FactsCacheEnv, warn?: FactsCacheWarn): OpenedFactsCache | undefined {
  const mode = (env.CANDIDATE_REVIEW_CACHE ?? '').trim().toLowerCase();
  const redisUrl = env.REDIS_URL?.trim() || undefined;
  const configWarn = warnOnce(warn);
  if (mode === 'off') return undefined;
  if (mode !== '' && mode !== 'disk' && mode !== 'redis' && mode !== 'memory') {
    configWarn(`facts cache: CANDIDATE_REVIEW_CACHE=${JSON.stringify(mode.slice(0, 40))} is not off, disk, redis or memory; using the default`);
  }
  if (mode === 'memory') return memoryFactsCache();
  if (redisUrl && mode !== 'disk') return createRedisFactsCache({ url: redisUrl, ...(warn ? { warn } : {}) });
  if (mode === 'redis') configWarn('facts cache: CANDIDATE_REVIEW_CACHE=redis needs REDIS_URL; using the disk cache');
  return createDiskFactsCache({
    dir: env.CANDIDATE_REVIEW_CACHE_DIR?.trim() || defaultFactsCacheDir(env),
    maxBytes: maxBytesOf(env.CANDIDATE_REVIEW_CACHE_MB, configWarn),
    ...(warn ? { warn } : {}),
  });
}

function maxBytesOf(mb: string | undefined, warn: FactsCacheWarn): number {
  if (mb === undefined || mb.trim() === '') return DEFAULT_FACTS_CACHE_MAX_BYTES;
  const value = Number(mb);
  if (Number.isFinite(value) && value > 0 && value <= 1024 * 1024) return Math.floor(value * 1024 * 1024);
  warn(`facts cache: CANDIDATE_REVIEW_CACHE_MB=${JSON.stringify(mb.slice(0, 40))} is not a size in megabytes; using 512`);
  return DEFAULT_FACTS_CACHE_MAX_BYTES;
}
