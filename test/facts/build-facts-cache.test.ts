import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { buildFacts, type FactsResult } from '../../src/facts/build-facts.js';
import type { FactsCache } from '../../src/facts/cache/facts-cache.js';
import type { SourceFile, Workspace } from '../../src/types.js';

const workspaceOf = (files: Record<string, string>): Workspace => ({
  source: 'cache-test',
  commit: null,
  base: null,
  files: Object.entries(files).map(([path, text]): SourceFile => ({ path, text, bytes: Buffer.byteLength(text) })),
  skipped: [],
  unchanged: 0,
  limitsReached: [],
  history: null,
});

/** A Map-backed cache that counts what the facts stage asks of it. */
function countingCache() {
  const entries = new Map<string, Buffer>();
  const counts = { hits: 0, misses: 0, writes: 0 };
  const cache: FactsCache = {
    async get(key) {
      const value = entries.get(key);
      if (value === undefined) counts.misses++;
      else counts.hits++;
      return value;
    },
    async set(key, value) {
      counts.writes++;
      entries.set(key, value);
    },
  };
  return { cache, entries, counts };
}

const FILES = {
  'train.py': [
    'from peft import LoraConfig, get_peft_model',
    'RANK = 16',
    'def build(model):',
    '    config = LoraConfig(r=RANK, lora_alpha=32, target_modules=["q_proj", "v_proj"])',
    '    return get_peft_model(model, config)',
    '',
  ].join('\n'),
  'serve.ts': "import express from 'express';\nconst app = express();\napp.post('/ask', (req, res) => res.json({ ok: true }));\n",
  'explore.ipynb': JSON.stringify({
    cells: [{ cell_type: 'code', source: ['%pip install chromadb\n', 'import chromadb\n', 'OPENAI_API_KEY = "sk-proj-Qm9vYmFyQmF6UXV4Q29yZ2VHcmF1bHRHYXJwbHk"\n', 'client = chromadb.Client(api_key=OPENAI_API_KEY)\n'] }],
    metadata: { kernelspec: { language: 'python' } },
  }),
  'broken.py': 'def f(:\n  return (((\n',
  'requirements.txt': 'peft==0.11.1\n',
};

/** What a report is built from, in a form two runs can be compared by. */
const comparable = (result: FactsResult) =>
  JSON.stringify({ ...result.facts, python: result.facts.python.map((m) => ({ ...m, functions: m.functions.map((f) => ({ ...f, reads: [...f.reads] })) })), configs: result.facts.configs.length }) + JSON.stringify(result.skipped);

describe('the facts cache', () => {
  it('a second review of the same files parses none of them again and yields the same facts', async () => {
    const { cache, counts } = countingCache();
    const first = await buildFacts(workspaceOf(FILES), { cache });
    expect(counts).toEqual({ hits: 0, misses: 4, writes: 4 }); // train.py, serve.ts, explore.ipynb, broken.py
    const second = await buildFacts(workspaceOf(FILES), { cache });
    expect(counts.hits).toBe(4);
    expect([first.sources, second.sources]).toEqual([
      { files: 4, fromCache: 0, threads: 1 },
      { files: 4, fromCache: 4, threads: 1 },
    ]);
    expect(counts.writes).toBe(4);
    expect(comparable(second)).toBe(comparable(first));
    const lora = second.facts.python.find((m) => m.path === 'train.py')!.calls.find((c) => c.name === 'LoraConfig')!;
    expect(lora.kwargs.r?.literal).toBe(16);
    expect(lora.evidence).toMatchObject({ path: 'train.py', line: 4 });
    // Read back, the facts on one line still share one evidence object (as fresh ones do: memory).
    expect(lora.kwargs.lora_alpha!.evidence).toBe(lora.evidence);
    expect(second.facts.python.find((m) => m.path === 'train.py')!.functions[0]!.reads.get('RANK')).toMatchObject({ line: 4 });
    expect(second.facts.notebooks).toHaveLength(1);
    // A secret's evidence shares its line with the assignment's, but never its unredacted snippet.
    expect(second.facts.secrets).toHaveLength(1);
    expect(second.facts.secrets[0]!.evidence.snippet).not.toContain('Qm9vYmFy');
    expect(JSON.stringify(second.facts.secrets)).toBe(JSON.stringify(first.facts.secrets));
    expect(second.facts.dependencies.map((d) => d.name).sort()).toEqual(['chromadb', 'peft']);
  });

  it('a push that changes one file re-parses that file only, and the new text wins', async () => {
    const { cache, counts } = countingCache();
    await buildFacts(workspaceOf(FILES), { cache });
    const pushed = { ...FILES, 'train.py': FILES['train.py'].replace('RANK = 16', 'RANK = 64') };
    const after = await buildFacts(workspaceOf(pushed), { cache });
    expect(counts.writes).toBe(5);
    expect(counts.hits).toBe(3);
    const lora = after.facts.python.find((m) => m.path === 'train.py')!.calls.find((c) => c.name === 'LoraConfig')!;
    expect(lora.kwargs.r?.literal).toBe(64);
  });

  it('the same text at another path is another entry: evidence names the path reviewed', async () => {
    const { cache } = countingCache();
    await buildFacts(workspaceOf({ 'a/train.py': FILES['train.py'] }), { cache });
    const moved = await buildFacts(workspaceOf({ 'b/train.py': FILES['train.py'] }), { cache });
    expect(moved.facts.python[0]!.calls[0]!.evidence.path).toBe('b/train.py');
  });

  it('keeps parse errors (the same text fails the same way) but never a file that ran out of time', async () => {
    const { cache, entries } = countingCache();
    const result = await buildFacts(workspaceOf({ 'broken.ipynb': '{"cells": [', 'slow.py': 'x = 1\n' }), {
      cache,
      limits: { parseTimeoutMs: 0, reviewTimeoutMs: 600_000 },
      now: (() => {
        let t = 0;
        return () => (t += 10);
      })(),
    });
    expect(result.skipped.map((s) => [s.path, s.reason])).toEqual([
      ['broken.ipynb', 'parse-error'],
      ['slow.py', 'limit'],
    ]);
    expect(entries.size).toBe(1);
  });

  it('a corrupt entry, or a cache that throws, is a miss: the file is parsed and the facts are right', async () => {
    const { cache, entries } = countingCache();
    await buildFacts(workspaceOf(FILES), { cache });
    // Bytes that are no serialised value at all, and a serialised value that is no outcome.
    const corrupt = [Buffer.from('{"ok": tru'), serialize({ ok: 'yes', facts: null }), serialize([1, 2, 3])];
    [...entries.keys()].forEach((key, i) => entries.set(key, corrupt[i % corrupt.length]!));
    expect(entries.size).toBeGreaterThanOrEqual(corrupt.length);
    const broken: FactsCache = { get: async () => { throw new Error('disk on fire'); }, set: async () => { throw new Error('disk on fire'); } };
    const plain = comparable(await buildFacts(workspaceOf(FILES)));
    expect(comparable(await buildFacts(workspaceOf(FILES), { cache }))).toBe(plain);
    expect(comparable(await buildFacts(workspaceOf(FILES), { cache: broken }))).toBe(plain);
  });
});
