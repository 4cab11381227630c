import { DEFAULT_MAX_FACTS_VALUE_BYTES, type OpenedFactsCache } from './facts-cache.js';

export interface MemoryFactsCacheOptions {
  /** Entries kept at most; the least recently used goes first. Default 10,000. */
  maxEntries?: number;
  /** Larger values are not stored. Default 8 MB. */
  maxValueBytes?: number;
}

/** A {@link FactsCache} in a `Map` of this process, least recently used evicted (tests, worker pools). */
export function memoryFactsCache(options: MemoryFactsCacheOptions = {}): OpenedFactsCache {
  const maxEntries = Math.max(1, options.maxEntries ?? 10_000);
  const maxValueBytes = options.maxValueBytes ?? DEFAULT_MAX_FACTS_VALUE_BYTES;
  const entries = new Map<string, Buffer>();
  return {
    kind: 'memory',
    async get(key) {
      const value = entries.get(key);
      if (value === undefined) return undefined;
      entries.delete(key);
      entries.set(key, value);
      return value;
    },
    async set(key, value) {
      if (value.length > maxValueBytes) return;
      entries.delete(key);
      entries.set(key, value);
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value as string;
        entries.delete(oldest);
      }
    },
    async close() {
      entries.clear();
    },
  };
}
