import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { factsCacheKeyHash } from '../../../src/facts/cache/facts-cache.js';
import { createRedisFactsCache, type FactsCacheRedisClient } from '../../../src/facts/cache/redis-facts-cache.js';
import { freePort, startRedis } from '../../queue/redis-server.js';

const redis = await startRedis();
const url = 'url' in redis ? redis.url : '';
afterAll(async () => {
  if ('stop' in redis) await redis.stop();
});


const value = Buffer.from(JSON.stringify({ path: 'train.py', calls: ['peft.LoraConfig'] }));

describe.skipIf('skipped' in redis)('createRedisFactsCache on a real redis-server', () => {
  it('misses, stores with a TTL under a hashed key, and is shared by every instance', async () => {
    const prefix = `test:${Date.now()}:`;
    const warnings: string[] = [];
    const one = createRedisFactsCache({ url, keyPrefix: prefix, warn: (l) => warnings.push(l) });
    const two = createRedisFactsCache({ url, keyPrefix: prefix, ttlSeconds: 60 });
    const inspect = new Redis(url);
    try {
      const key = 'v3:python:../../etc/passwd\0';
      expect(await one.get(key)).toBeUndefined();
      await one.set(key, value);
      expect(await two.get(key)).toEqual(value);
      const stored = `${prefix}${factsCacheKeyHash(key)}`;
      expect(await inspect.keys(`${prefix}*`)).toEqual([stored]);
      expect([...(await inspect.getBuffer(stored))!.subarray(0, 2)]).toEqual([0x1f, 0x8b]); // gzipped
      const week = 7 * 24 * 60 * 60;
      expect(await inspect.ttl(stored)).toBeGreaterThan(week - 60);
      expect(await inspect.ttl(stored)).toBeLessThanOrEqual(week);
      await two.set('other', value);
      expect(await inspect.ttl(`${prefix}${factsCacheKeyHash('other')}`)).toBeLessThanOrEqual(60);
      expect(warnings).toEqual([]);
    } finally {
      await Promise.all([one.close(), two.close()]);
      inspect.disconnect();
    }
  });

  it('neither stores nor returns a value over maxValueBytes', async () => {
    const prefix = `test:${Date.now()}:big:`;
    const cache = createRedisFactsCache({ url, keyPrefix: prefix, maxValueBytes: 1_000 });
    const inspect = new Redis(url);
    try {
      await cache.set('big', Buffer.from('x'.repeat(2_000)));
      expect(await inspect.keys(`${prefix}*`)).toEqual([]);
      await inspect.set(`${prefix}${factsCacheKeyHash('planted')}`, 'y'.repeat(2_000));
      expect(await cache.get('planted')).toBeUndefined();
    } finally {
      await cache.close();
      inspect.disconnect();
    }
  });
});

describe('createRedisFactsCache when Redis is down', () => {
  it('an unreachable URL: misses within 3 s, then at once, with one warn line and no password', async () => {
    const port = await freePort();
    const warnings: string[] = [];
    const cache = createRedisFactsCache({ url: `redis://:s3cret@127.0.0.1:${port}`, warn: (l) => warnings.push(l) });
    try {
      const started = Date.now();
      expect(await cache.get('v3:python:abc')).toBeUndefined();
      expect(Date.now() - started).toBeLessThan(3_000);
      const again = Date.now();
      await cache.set('v3:python:abc', value);
      expect(await cache.get('v3:python:abc')).toBeUndefined();
      expect(Date.now() - again).toBeLessThan(100); // paused after the failure: no second wait
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(`redis://127.0.0.1:${port}`);
      expect(warnings[0]).not.toContain('s3cret');
      expect(warnings[0]).not.toContain('v3:python');
    } finally {
      await cache.close();
    }
  });

  it('a client that never answers: each call gives up after the command timeout', async () => {
    const hanging: FactsCacheRedisClient = {
      status: 'ready',
      getBuffer: (() => new Promise(() => undefined)) as unknown as FactsCacheRedisClient['getBuffer'],
      set: (() => new Promise(() => undefined)) as unknown as FactsCacheRedisClient['set'],
    };
    const warnings: string[] = [];
    let clock = 0;
    const cache = createRedisFactsCache({ client: hanging, commandTimeoutMs: 50, backoffMs: 1_000, now: () => clock, warn: (l) => warnings.push(l) });
    const started = Date.now();
    expect(await cache.get('k')).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1_000);
    clock += 2_000; // past the pause: tried again, timed out again, still one warning
    await expect(cache.set('k', value)).resolves.toBeUndefined();
    expect(warnings).toEqual(['facts cache (redis, client): get failed (Command timed out); treated as a miss, further errors not shown']);
  });
});
