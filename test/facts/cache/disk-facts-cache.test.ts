import { mkdtemp, readFile, rm, stat, truncate, writeFile, copyFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiskFactsCache, defaultFactsCacheDir } from '../../../src/facts/cache/disk-facts-cache.js';
import { factsCacheKeyHash } from '../../../src/facts/cache/facts-cache.js';
import { incompressible } from './incompressible.js';
import { listFiles } from './list-files.js';

let sandbox: string;
let dir: string;
beforeEach(async () => {
  sandbox = await mkdtemp(join(tmpdir(), 'facts-cache-'));
  dir = join(sandbox, 'cache');
});
afterEach(async () => {
  await rm(sandbox, { recursive: true, force: true });
});

/** A clock that moves one second per reading, so every write and hit has its own mtime. */
const ticking = (start = Date.UTC(2025, 0, 1)) => {
  let t = start;
  return () => (t += 1_000);
};

const facts = (name: string, bytes = 0) => Buffer.from(JSON.stringify({ path: `${name}.py`, imports: ['torch'], pad: incompressible(name, bytes) }));
/** The entry file a key is stored in. */
const fileOf = (key: string) => { const hash = factsCacheKeyHash(key); return `${hash.slice(0, 2)}/${hash}`; };
const sizeOf = async (key: string) => (await stat(join(dir, fileOf(key)))).size;

describe('createDiskFactsCache', () => {
  it('misses, then returns what was stored, to this process and the next one', async () => {
    const warnings: string[] = [];
    const cache = createDiskFactsCache({ dir, warn: (l) => warnings.push(l) });
    const key = 'v3:python:1f2e3d:9a8b';
    const value = Buffer.from(JSON.stringify({ path: 'train.py', note: 'ünïcode ✓ 🚀' }));
    expect(await cache.get(key)).toBeUndefined();
    await cache.set(key, value);
    expect(await cache.get(key)).toEqual(value);
    expect(await cache.get('v3:python:1f2e3d:other')).toBeUndefined();
    const later = createDiskFactsCache({ dir });
    expect(await later.get(key)).toEqual(value);
    expect(warnings).toEqual([]);
  });

  it('reads a truncated, corrupted or misplaced file as a miss, without a warning', async () => {
    const warnings: string[] = [];
    const cache = createDiskFactsCache({ dir, warn: (l) => warnings.push(l) });
    await cache.set('a', facts('a', 100));
    await cache.set('b', facts('b', 100));
    await cache.set('c', facts('c', 100));
    expect((await listFiles(dir)).sort()).toEqual(['a', 'b', 'c'].map(fileOf).sort());
    const [a, b, c] = [fileOf('a'), fileOf('b'), fileOf('c')];

    await copyFile(join(dir, a), join(dir, c)); // another key's (whole) file under c's name
    await truncate(join(dir, b), 150); // cut short (a disk full, a copy interrupted)
    const corrupt = Buffer.from(await readFile(join(dir, a)));
    const at = corrupt.length - 5;
    corrupt.writeUInt8(corrupt.readUInt8(at) ^ 0x01, at); // one flipped bit in the value
    await writeFile(join(dir, a), corrupt);

    expect(await cache.get('a')).toBeUndefined();
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('c')).toBeUndefined();
    expect(warnings).toEqual([]);
    await cache.set('b', facts('b', 100));
    expect(await cache.get('b')).toEqual(facts('b', 100));
  });

  it('keeps under maxBytes by evicting the least recently used files', async () => {
    const probe = createDiskFactsCache({ dir: join(sandbox, 'probe') });
    await probe.set('a', facts('a', 800));
    const one = (await stat(join(sandbox, 'probe', fileOf('a')))).size; // header + gzipped value, ~0.8 kB
    // Three fit in 3.5 files' worth; a fourth evicts down to 90 % of that.
    const cache = createDiskFactsCache({ dir, maxBytes: Math.round(one * 3.5), now: ticking() });
    await cache.set('a', facts('a', 800));
    await cache.set('b', facts('b', 800));
    await cache.set('c', facts('c', 800));
    expect(await cache.get('a')).toEqual(facts('a', 800)); // a is now the most recently used
    await cache.set('d', facts('d', 800));
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toEqual(facts('a', 800));
    expect(await cache.get('c')).toEqual(facts('c', 800));
    expect(await cache.get('d')).toEqual(facts('d', 800));
    const sizes = await Promise.all((await listFiles(dir)).map(async (f) => (await stat(join(dir, f))).size));
    expect(sizes).toHaveLength(3);
    expect(sizes.reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(Math.round(one * 3.5 * 0.9));
  });

  it('counts files already in the directory when it opens', async () => {
    const first = createDiskFactsCache({ dir, now: ticking(Date.UTC(2025, 0, 1)) });
    for (const k of ['a', 'b']) await first.set(k, facts(k, 800));
    const bound = Math.round((await sizeOf('a')) * 3.2); // room for three
    const second = createDiskFactsCache({ dir, maxBytes: bound, now: ticking(Date.UTC(2025, 0, 2)) });
    for (const k of ['c', 'd']) await second.set(k, facts(k, 800));
    expect(await second.get('a')).toBeUndefined();
    expect(await second.get('d')).toEqual(facts('d', 800));
    expect((await listFiles(dir)).length).toBeLessThanOrEqual(2);
  });

  it('reads an entry that would inflate past the value cap as a miss (a planted gzip bomb)', async () => {
    const cache = createDiskFactsCache({ dir, maxValueBytes: 10_000 });
    await cache.set('a', facts('a', 100));
    const body = gzipSync(Buffer.alloc(5_000_000, 0x20));
    const hash = factsCacheKeyHash('a');
    const header = `candidate-review-facts/3 ${hash} ${createHash('sha256').update(body).digest('hex')} ${body.length}\n`;
    await writeFile(join(dir, fileOf('a')), Buffer.concat([Buffer.from(header, 'latin1'), body]));
    expect(body.length).toBeLessThan(10_000);
    expect(await cache.get('a')).toBeUndefined();
  });

  it('does not store a value over maxValueBytes', async () => {
    const cache = createDiskFactsCache({ dir, maxValueBytes: 1_000 });
    await cache.set('big', facts('big', 2_000));
    await cache.set('small', facts('small', 10));
    expect(await cache.get('big')).toBeUndefined();
    expect(await cache.get('small')).toEqual(facts('small', 10));
  });

  it('two caches writing one directory at once leave whole files and no temp files', async () => {
    const one = createDiskFactsCache({ dir });
    const two = createDiskFactsCache({ dir });
    const keys = Array.from({ length: 40 }, (_, i) => `v3:python:${i}`);
    await Promise.all(keys.flatMap((k) => [one.set(k, facts(k, 5_000)), two.set(k, facts(k, 5_000))]));
    // Same key, different values (not content-addressed): the last rename wins, whole.
    await Promise.all([one.set('race', facts('one', 50_000)), two.set('race', facts('two', 50_000))]);
    for (const k of keys) {
      expect(await one.get(k)).toEqual(facts(k, 5_000));
      expect(await two.get(k)).toEqual(facts(k, 5_000));
    }
    expect([facts('one', 50_000), facts('two', 50_000)]).toContainEqual(await two.get('race'));
    const files = await listFiles(dir);
    expect(files).toHaveLength(41);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps hostile keys inside its directory, as hashed names', async () => {
    const cache = createDiskFactsCache({ dir });
    const keys = ['../../etc/passwd', `/etc/shadow`, 'k'.repeat(10_000), 'nul\0byte\0../x', '', '\ud800', '\ud801'];
    for (const [i, k] of keys.entries()) await cache.set(k, facts(`v${i}`));
    for (const [i, k] of keys.entries()) expect(await cache.get(k)).toEqual(facts(`v${i}`));
    expect(await listFiles(sandbox)).toSatisfy((files: string[]) => files.every((f) => /^cache\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(f)));
    expect(await listFiles(sandbox)).toHaveLength(keys.length);
  });

  it('an unusable directory makes every call a miss and warns once, without the key or value', async () => {
    const file = join(sandbox, 'not-a-dir');
    await writeFile(file, 'x');
    const warnings: string[] = [];
    const cache = createDiskFactsCache({ dir: join(file, 'cache'), warn: (l) => warnings.push(l) });
    for (let i = 0; i < 3; i++) {
      await expect(cache.set('secret-key', Buffer.from('secret-value'))).resolves.toBeUndefined();
      await expect(cache.get('secret-key')).resolves.toBeUndefined();
    }
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^facts cache \(disk, .*not-a-dir\/cache\): write failed \(ENOTDIR\)/);
    expect(warnings[0]).not.toMatch(/secret/);
    expect(warnings[0]).not.toContain('\n');
  });

  it('a throwing warn callback does not make a call throw', async () => {
    const file = join(sandbox, 'not-a-dir');
    await writeFile(file, 'x');
    const cache = createDiskFactsCache({ dir: join(file, 'cache'), warn: () => { throw new Error('logger down'); } });
    await expect(cache.set('k', Buffer.from('v'))).resolves.toBeUndefined();
  });
});

describe('defaultFactsCacheDir', () => {
  const home = () => '/home/fallback';
  it('uses an absolute XDG_CACHE_HOME, else ~/.cache', () => {
    expect(defaultFactsCacheDir({ XDG_CACHE_HOME: '/var/cache/me', HOME: '/home/me' }, home)).toBe('/var/cache/me/candidate-review/facts');
    expect(defaultFactsCacheDir({ XDG_CACHE_HOME: 'relative/cache', HOME: '/home/me' }, home)).toBe('/home/me/.cache/candidate-review/facts');
    expect(defaultFactsCacheDir({}, home)).toBe('/home/fallback/.cache/candidate-review/facts');
  });
});
