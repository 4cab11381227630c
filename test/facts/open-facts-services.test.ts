import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildFacts } from '../../src/facts/build-facts.js';
import type { OpenedFactsCache } from '../../src/facts/cache/facts-cache.js';
import { openFactsServices, writeBehind } from '../../src/facts/open-facts-services.js';
import type { SourceFile, Workspace } from '../../src/types.js';
import { listFiles } from './cache/list-files.js';

let sandbox: string;
beforeEach(async () => {
  sandbox = await mkdtemp(join(tmpdir(), 'facts-services-'));
});
afterEach(async () => {
  await rm(sandbox, { recursive: true, force: true });
});

const workspace = (): Workspace => {
  const files = Array.from({ length: 12 }, (_, i): SourceFile => {
    const text = `from openai import OpenAI\nclient = OpenAI()\ndef ask_${i}(q):\n    return client.chat.completions.create(model="gpt-4o", messages=[q])\n`;
    return { path: `app/m${i}.py`, text, bytes: Buffer.byteLength(text) };
  });
  return { source: 'services-test', commit: null, base: null, files, skipped: [], unchanged: 0, limitsReached: [], history: null };
};

describe('the facts services of a process', () => {
  it('finish the cache writes of a review before close() resolves, so the next process reads every file back', async () => {
    const env = { CANDIDATE_REVIEW_CACHE: 'disk', CANDIDATE_REVIEW_CACHE_DIR: join(sandbox, 'cache'), CANDIDATE_REVIEW_THREADS: '1' };
    const first = openFactsServices(env);
    const cold = await buildFacts(workspace(), { cache: first.cache });
    await first.close();
    expect(cold.sources).toEqual({ files: 12, fromCache: 0, threads: 1 });
    expect(await listFiles(join(sandbox, 'cache'))).toHaveLength(12);

    const second = openFactsServices(env);
    const warm = await buildFacts(workspace(), { cache: second.cache });
    await second.close();
    expect(warm.sources).toEqual({ files: 12, fromCache: 12, threads: 1 });
    expect(warm.facts.python.map((m) => m.calls.length)).toEqual(cold.facts.python.map((m) => m.calls.length));
  });

  it('write a few values at a time behind the review, and make a review wait once too many bytes are unwritten', async () => {
    const written: string[] = [];
    const release: Array<() => void> = [];
    const slow: OpenedFactsCache = {
      kind: 'memory',
      get: async () => undefined,
      set: (key) => new Promise<void>((resolve) => release.push(() => (written.push(key), resolve()))),
      close: async () => undefined,
    };
    const cache = writeBehind(slow, 20, 2);
    const settled = (promise: Promise<unknown>) => Promise.race([promise.then(() => true), new Promise((r) => setTimeout(() => r(false), 20))]);
    expect(await settled(cache.set('a', Buffer.alloc(8)))).toBe(true); // 8 bytes waiting: taken at once
    expect(await settled(cache.set('b', Buffer.alloc(8)))).toBe(true); // 16 bytes
    const c = cache.set('c', Buffer.alloc(8)); // 24 bytes waiting: the review waits
    expect(await settled(c)).toBe(false);
    expect(release).toHaveLength(2); // two writes at a time, the third queued
    release.shift()!();
    expect(await settled(c)).toBe(true); // a is written: 16 bytes waiting
    expect(release).toHaveLength(2); // c started in a's place
    const closed = cache.close();
    expect(await settled(closed)).toBe(false); // close waits for the writes still running
    release.shift()!();
    release.shift()!();
    expect(await settled(closed)).toBe(true);
    expect(written).toEqual(['a', 'b', 'c']);
  });
});
