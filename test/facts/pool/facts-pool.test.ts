import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusFiles } from '../../../bench/make-corpus.js';
import { buildFacts, type FactsResult } from '../../../src/facts/build-facts.js';
import { memoryFactsCache } from '../../../src/facts/cache/memory-facts-cache.js';
import { createFactsPool } from '../../../src/facts/pool/facts-pool.js';
import type { SourceFile, Workspace } from '../../../src/types.js';

const workerFile = fileURLToPath(new URL('./ts-facts-worker.mjs', import.meta.url));
const pool = createFactsPool({ threads: 2, workerFile })!;
afterAll(() => pool?.close());

const workspaceOf = (files: Map<string, string>): Workspace => ({
  source: 'pool-test',
  commit: null,
  base: null,
  files: [...files].map(([path, text]): SourceFile => ({ path, text, bytes: Buffer.byteLength(text) })),
  skipped: [],
  unchanged: 0,
  limitsReached: [],
  history: null,
});

const comparable = (result: FactsResult) =>
  JSON.stringify({ ...result.facts, python: result.facts.python.map((m) => ({ ...m, functions: m.functions.map((f) => ({ ...f, reads: [...f.reads] })) })), configs: result.facts.configs.length }) + JSON.stringify(result.skipped);

describe('the facts worker pool', () => {
  it('is not started from TypeScript sources without a worker module, nor on one core', () => {
    expect(createFactsPool()).toBeUndefined();
    expect(createFactsPool({ threads: 1, workerFile })).toBeUndefined();
  });

  it('gives the same facts, in the same order, as extraction on the main thread (a 300-file generated repository); its few scripts are read on the main thread', async () => {
    const files = corpusFiles(300, 600_000, 7);
    files.set('zz/broken.py', 'def f(:\n  return (((\n');
    files.set('zz/notebook.ipynb', '{"cells": [');
    const extractedInThreads: string[] = [];
    const counting = { ...pool, extract: async (task: Parameters<typeof pool.extract>[0]) => {
        const result = await pool.extract(task);
        extractedInThreads.push(task.file.path);
        return result;
      },
    };
    const threaded = await buildFacts(workspaceOf(files), { pool: () => counting });
    const plain = await buildFacts(workspaceOf(files));
    const sourceFiles = [...files.keys()].filter((path) => /\.(py|ipynb|ts|tsx|js)$/.test(path)).length;
    const python = [...files.keys()].filter((path) => /\.(py|ipynb)$/.test(path));
    expect(sourceFiles - python.length).toBeGreaterThan(0);
    expect(extractedInThreads.sort()).toEqual(python.sort());
    expect(threaded.sources).toEqual({ files: sourceFiles, fromCache: 0, threads: 2 });
    expect(threaded.facts.python.length).toBeGreaterThan(150);
    expect(threaded.skipped).toContainEqual(expect.objectContaining({ path: 'zz/notebook.ipynb', reason: 'parse-error' }));
    expect(comparable(threaded)).toBe(comparable(plain));
  }, 120_000);

  it('fills the facts cache from the threads (their cache bytes), and a review read back from it says the same', async () => {
    const files = corpusFiles(240, 400_000, 11);
    const cache = memoryFactsCache();
    const stored: boolean[] = [];
    const recording = { get: cache.get, set: (key: string, value: Buffer) => (stored.push(Buffer.isBuffer(value)), cache.set(key, value)) };
    const threaded = await buildFacts(workspaceOf(files), { pool: () => pool, cache: recording });
    expect(stored.length).toBeGreaterThan(200);
    expect(stored.every(Boolean)).toBe(true); // Buffers, as the stores expect, though they crossed a thread
    let hits = 0;
    const counting = { get: async (key: string) => { const value = await cache.get(key); if (value !== undefined) hits++; return value; }, set: cache.set };
    const fromCache = await buildFacts(workspaceOf(files), { cache: counting });
    expect(hits).toBe([...files.keys()].filter((path) => /\.(py|ipynb|ts|tsx|js)$/.test(path)).length);
    expect(comparable(fromCache)).toBe(comparable(threaded));
  }, 120_000);

  it('gives up on a file its thread never answers for, and the review parses that file itself', async () => {
    const hanging = createFactsPool({ threads: 2, workerFile: fileURLToPath(new URL('./hanging-facts-worker.mjs', import.meta.url)), abandonAfterMs: 200 })!;
    try {
      const files = corpusFiles(220, 300_000, 5);
      files.set('zz/hang.py', 'from openai import OpenAI\nOpenAI().chat.completions.create(model="m", messages=[])\n');
      const started = performance.now();
      const result = await buildFacts(workspaceOf(files), { pool: () => hanging, limits: { parseTimeoutMs: 200, reviewTimeoutMs: 600_000 } });
      expect(performance.now() - started).toBeLessThan(60_000);
      const hung = result.facts.python.find((m) => m.path === 'zz/hang.py');
      expect(hung?.calls.map((c) => c.callee)).toContain('openai.OpenAI().chat.completions.create');
      expect(result.skipped.filter((s) => s.path === 'zz/hang.py')).toEqual([]);
      expect(comparable(result)).toBe(comparable(await buildFacts(workspaceOf(files), { limits: { parseTimeoutMs: 200, reviewTimeoutMs: 600_000 } })));
    } finally {
      await hanging.close();
    }
  }, 120_000);

  it('starts its threads when a review hands out files, and they leave once it has read them (the checks run without them)', async () => {
    const quick = createFactsPool({ threads: 2, workerFile, idleMs: 300 })!;
    try {
      expect(quick.running()).toBe(0);
      const result = await buildFacts(workspaceOf(corpusFiles(220, 300_000, 3)), { pool: () => quick });
      expect(result.sources.threads).toBe(2);
      expect(quick.running()).toBeGreaterThan(0);
      const deadline = performance.now() + 10_000;
      while (quick.running() > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(quick.running()).toBe(0);
      // And they come back for the next review.
      const again = await buildFacts(workspaceOf(corpusFiles(220, 300_000, 4)), { pool: () => quick });
      expect(again.sources.threads).toBe(2);
      expect(quick.running()).toBeGreaterThan(0);
    } finally {
      await quick.close();
    }
  }, 120_000);
});
