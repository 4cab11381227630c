import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryFactsCache, openFactsCache } from '../../../src/facts/cache/open-facts-cache.js';
import { incompressible } from './incompressible.js';
import { listFiles } from './list-files.js';

let sandbox: string;
beforeEach(async () => {
  sandbox = await mkdtemp(join(tmpdir(), 'open-facts-cache-'));
});
afterEach(async () => {
  await rm(sandbox, { recursive: true, force: true });
});

describe('openFactsCache', () => {
  it('CANDIDATE_REVIEW_CACHE=off: no cache, even with REDIS_URL', () => {
    expect(openFactsCache({ CANDIDATE_REVIEW_CACHE: 'off', REDIS_URL: 'redis://127.0.0.1:1' })).toBeUndefined();
  });

  it('by default: a disk cache under $XDG_CACHE_HOME/candidate-review/facts', async () => {
    const cache = openFactsCache({ XDG_CACHE_HOME: sandbox, HOME: '/nonexistent' })!;
    expect(cache.kind).toBe('disk');
    await cache.set('k', Buffer.from('{"a":1}'));
    expect((await cache.get('k'))?.toString()).toBe('{"a":1}');
    expect(await listFiles(sandbox)).toEqual([expect.stringMatching(/^candidate-review\/facts\/[0-9a-f]{2}\/[0-9a-f]{64}$/)]);
    await cache.close();
  });

  it('CANDIDATE_REVIEW_CACHE_DIR and CANDIDATE_REVIEW_CACHE_MB set the directory and its bound', async () => {
    const dir = join(sandbox, 'mine');
    const cache = openFactsCache({ CANDIDATE_REVIEW_CACHE_DIR: dir, CANDIDATE_REVIEW_CACHE_MB: '0.01', XDG_CACHE_HOME: join(sandbox, 'xdg') })!;
    for (let i = 0; i < 30; i++) await cache.set(`k${i}`, Buffer.from(JSON.stringify({ pad: incompressible(`k${i}`, 2_000) })));
    const files = await listFiles(sandbox);
    expect(files.every((f) => f.startsWith('mine/'))).toBe(true);
    expect(files.length).toBeGreaterThan(0);
    expect(files.length).toBeLessThan(10); // ~1.7 kB each (gzipped) under a 10.5 kB bound
  });

  it('a bad CANDIDATE_REVIEW_CACHE_MB or mode: one warn line, then the defaults', () => {
    const warnings: string[] = [];
    const cache = openFactsCache({ CANDIDATE_REVIEW_CACHE: 'fast', CANDIDATE_REVIEW_CACHE_MB: 'lots', XDG_CACHE_HOME: sandbox }, (l) => warnings.push(l));
    expect(cache?.kind).toBe('disk');
    expect(warnings).toEqual(['facts cache: CANDIDATE_REVIEW_CACHE="fast" is not off, disk, redis or memory; using the default']);
  });

  it('REDIS_URL: a Redis cache, unless CANDIDATE_REVIEW_CACHE=disk', async () => {
    const redis = openFactsCache({ REDIS_URL: 'redis://127.0.0.1:1', XDG_CACHE_HOME: sandbox }, () => undefined)!;
    expect(redis.kind).toBe('redis');
    await redis.close();
    const disk = openFactsCache({ REDIS_URL: 'redis://127.0.0.1:1', CANDIDATE_REVIEW_CACHE: 'disk', XDG_CACHE_HOME: sandbox })!;
    expect(disk.kind).toBe('disk');
    const warnings: string[] = [];
    expect(openFactsCache({ CANDIDATE_REVIEW_CACHE: 'redis', XDG_CACHE_HOME: sandbox }, (l) => warnings.push(l))?.kind).toBe('disk');
    expect(warnings).toEqual(['facts cache: CANDIDATE_REVIEW_CACHE=redis needs REDIS_URL; using the disk cache']);
  });
});

describe('memoryFactsCache', () => {
  it('drops the least recently used entry past maxEntries, and values over maxValueBytes', async () => {
    const cache = memoryFactsCache({ maxEntries: 2, maxValueBytes: 100 });
    await cache.set('a', Buffer.from('1'));
    await cache.set('b', Buffer.from('2'));
    expect((await cache.get('a'))?.toString()).toBe('1');
    await cache.set('c', Buffer.from('3'));
    expect(await cache.get('b')).toBeUndefined();
    expect([(await cache.get('a'))?.toString(), (await cache.get('c'))?.toString()]).toEqual(['1', '3']);
    await cache.set('big', Buffer.from('x'.repeat(101)));
    expect(await cache.get('big')).toBeUndefined();
  });
});
