import { createHash, randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { mkdir, open, readdir, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
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

export interface DiskFactsCacheOptions {
  /** The cache's own directory (created 0700 on first write). */
  dir: string;
  /** Total bytes kept at most; past it the least recently used files go, down to 90 %. Default 512 MB. */
  maxBytes?: number;
  /** Larger values are not stored. Default 8 MB. */
  maxValueBytes?: number;
  /** Told once, in one line, when the cache stops working. */
  warn?: FactsCacheWarn;
  /** Milliseconds since the epoch, stamped as a file's mtime on write and hit. Default `Date.now`. */
  now?: () => number;
}

/** 512 MB. */
export const DEFAULT_FACTS_CACHE_MAX_BYTES = 512 * 1024 * 1024;

/** Format 3: the body is the value (V8-serialised facts) gzipped. */
const MAGIC = 'candidate-review-facts/3';
const ENTRY = /^[0-9a-f]{64}$/;
const SHARD = /^[0-9a-f]{2}$/;
const TEMP = /^[0-9a-f]{64}\.[0-9a-z-]+\.tmp$/;
/** A temp file this old was left by a writer that died: the scan before an eviction removes it. */
const STALE_TEMP_MS = 60 * 60 * 1000;
/** Longest header line: magic, two hashes, a length. */
const MAX_HEADER = 200;

/**
 * `$XDG_CACHE_HOME/candidate-review/facts`, or `~/.cache/candidate-review/facts` (a relative
 * XDG_CACHE_HOME is ignored, as the XDG spec says).
 */
export function defaultFactsCacheDir(env: { XDG_CACHE_HOME?: string; HOME?: string }, home: () => string = homedir): string {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'candidate-review', 'facts');
  const base = env.HOME && isAbsolute(env.HOME) ? env.HOME : home();
  return join(base, '.cache', 'candidate-review', 'facts');
}

/**
 * A {@link FactsCache} in files under `dir`: `<dir>/<ab>/<sha256(key)>`, each a header line
 * (format, key hash, value hash, byte length) then the value, so a file that is truncated,
 * corrupt or not this key's reads as a miss. Writes go to a temp file in the same directory and
 * are renamed into place, so processes sharing the directory never see half a file. The total
 * size is counted once (on the first write) and then tracked in memory; when it passes
 * `maxBytes`, a scan removes the files with the oldest mtime (a hit refreshes it) down to 90 %.
 * Another process's writes are noticed at that scan; an eviction racing a read is a miss.
 */
export function createDiskFactsCache(options: DiskFactsCacheOptions): OpenedFactsCache {
  const { dir } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_FACTS_CACHE_MAX_BYTES;
  const maxValueBytes = Math.min(options.maxValueBytes ?? DEFAULT_MAX_FACTS_VALUE_BYTES, maxBytes);
  const now = options.now ?? Date.now;
  const warn = warnOnce(options.warn);
  const fail = (op: string, error: unknown) =>
    warn(`facts cache (disk, ${dir}): ${op} failed (${errorCode(error)}); treated as a miss, further errors not shown`);

  let total: number | undefined;
  let counting: Promise<void> | undefined;
  let evicting: Promise<void> | undefined;
  /** Shard folders this process has made (or found): one `mkdir` each, not one per write. */
  const shards = new Set<string>();

  const pathOf = (hash: string) => join(dir, hash.slice(0, 2), hash);

  const count = () =>
    (counting ??= scan(dir, now()).then(
      (entries) => {
        total = (total ?? 0) + entries.reduce((sum, e) => sum + e.size, 0);
      },
      (error) => {
        counting = undefined;
        throw error;
      },
    ));

  const evict = () =>
    (evicting ??= (async () => {
      try {
        const entries = await scan(dir, now());
        entries.sort((a, b) => a.mtimeMs - b.mtimeMs);
        let kept = entries.reduce((sum, e) => sum + e.size, 0);
        const target = Math.floor(maxBytes * 0.9);
        for (const entry of entries) {
          if (kept <= target) break;
          await unlink(entry.path).catch(ignoreMissing);
          kept -= entry.size;
        }
        total = kept;
      } finally {
        evicting = undefined;
      }
    })());

  return {
    kind: 'disk',
    async get(key) {
      const hash = factsCacheKeyHash(key);
      const path = pathOf(hash);
      let value: Buffer | undefined;
      try {
        value = await readEntry(path, hash, maxValueBytes);
      } catch (error) {
        if (!isMissing(error)) fail('read', error);
        return undefined;
      }
      if (value !== undefined) {
        const seconds = now() / 1000;
        await utimes(path, seconds, seconds).catch(() => undefined); // evicted meanwhile: still a hit
      }
      return value;
    },
    async set(key, value) {
      if (value.length > maxValueBytes) return;
      const hash = factsCacheKeyHash(key);
      const path = pathOf(hash);
      const temp = `${path}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
      const shard = hash.slice(0, 2);
      try {
        const body = await compressValue(value);
        const header = Buffer.from(`${MAGIC} ${hash} ${sha256(body)} ${body.length}\n`, 'latin1');
        await count();
        if (!shards.has(shard)) {
          await mkdir(join(dir, shard), { recursive: true, mode: 0o700 });
          shards.add(shard);
        }
        await writeFile(temp, Buffer.concat([header, body]), { flag: 'wx', mode: 0o600 });
        const seconds = now() / 1000;
        await utimes(temp, seconds, seconds);
        const previous = await stat(path).then((s) => s.size, () => 0);
        await rename(temp, path);
        total = (total ?? 0) + header.length + body.length - previous;
      } catch (error) {
        shards.delete(shard); // made again by the next write, should the folder have gone
        await unlink(temp).catch(() => undefined);
        fail('write', error);
        return;
      }
      if ((total ?? 0) > maxBytes) await evict().catch((error) => fail('eviction', error));
    },
    async close() {
      await evicting?.catch(() => undefined);
    },
  };
}

interface Entry {
  path: string;
  size: number;
  mtimeMs: number;
}

/** Every entry file under `dir` (none if it does not exist yet); removes temp files left by dead writers. */
async function scan(dir: string, nowMs: number): Promise<Entry[]> {
  let shards: string[];
  try {
    shards = await readdir(dir);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  const entries: Entry[] = [];
  for (const shard of shards) {
    if (!SHARD.test(shard)) continue;
    const names = await readdir(join(dir, shard)).catch(() => [] as string[]);
    const stats = await Promise.all(
      names.map(async (name) => {
        const path = join(dir, shard, name);
        const isEntry = ENTRY.test(name);
        if (!isEntry && !TEMP.test(name)) return undefined;
        const s = await stat(path).catch(() => undefined);
        if (!s?.isFile()) return undefined;
        if (!isEntry) {
          if (nowMs - s.mtimeMs > STALE_TEMP_MS) await unlink(path).catch(() => undefined);
          return undefined;
        }
        return { path, size: s.size, mtimeMs: s.mtimeMs };
      }),
    );
    for (const s of stats) if (s) entries.push(s);
  }
  return entries;
}

/** The value in `path` if the file is whole and is `hash`'s; undefined for a corrupt or foreign file. */
async function readEntry(path: string, hash: string, maxValueBytes: number): Promise<Buffer | undefined> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > maxValueBytes + MAX_HEADER) return undefined;
    const data = await handle.readFile();
    const newline = data.subarray(0, MAX_HEADER).indexOf(0x0a);
    if (newline < 0) return undefined;
    const [magic, keyHash, valueHash, length, ...rest] = data.subarray(0, newline).toString('latin1').split(' ');
    const body = data.subarray(newline + 1);
    if (magic !== MAGIC || keyHash !== hash || rest.length > 0 || length !== String(body.length)) return undefined;
    if (valueHash !== sha256(body)) return undefined;
    return decompressValue(body, maxValueBytes);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

function ignoreMissing(error: unknown): void {
  if (!isMissing(error)) throw error;
}
