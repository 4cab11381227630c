/**
 * Resource bounds that hold (issue "hostile input", team spec hostile-cases.md): per-file and total
 * byte caps, the file-count cap, the per-file parse time budget and the per-review wall-clock
 * budget. When a budget is hit the report says "partially analysed" and why (`target.limitsReached`)
 * and names every file left out. Unit-level: test/workspace/build-inventory.test.ts; the
 * twenty-thousand-file repository is in test/hostile/repository-content.test.ts.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type Limits } from '../../src/types.js';
import { startGitHttpServer, type GitHttpServer } from '../helpers/git-http-server.js';
import { expectInvariants, hostileReview, type ReviewRun } from '../helpers/hostile.js';
import { makeGitRepo, type GitRepoFixture } from '../helpers/make-git-repo.js';

/** Python that takes tree-sitter and the fact extractor seconds (a pasted data table), and TypeScript that takes its parser most of one. */
const SLOW_PYTHON = `TABLE = [${'1, '.repeat(250_000)}]\n`;
const SLOW_TYPESCRIPT = `export const total = ${'1 + '.repeat(100_000)}1;\n`;

let root: string;
let repo: GitRepoFixture;
let server: GitHttpServer;

const files: Record<string, string> = {
  'README.md': '# Take-home\n',
  'app.py': 'import peft\n',
  'big.py': `# ${'x'.repeat(20_000)}\n`,
  'notebook.ipynb': JSON.stringify({ cells: [{ cell_type: 'code', source: 'import torch\n', outputs: [{ output_type: 'stream', text: 'y'.repeat(30_000) }] }] }),
  ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`pkg/mod_${i}.py`, `import chromadb\n# ${'z'.repeat(8_000)}\n`])),
};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'hostile-bounds-'));
  await writeTree(join(root, 'folder'), files);
  repo = await makeGitRepo(files);
  server = await startGitHttpServer();
  await server.addRepo('octo/bounds', repo.dir);
});
afterAll(async () => {
  await Promise.all([server.close(), repo.cleanup(), rm(root, { recursive: true, force: true })]);
});

async function writeTree(dir: string, tree: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(tree)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
}

const reviewAs = (mode: 'folder' | 'git repository' | 'clone', limits: Limits): Promise<ReviewRun> =>
  mode === 'folder'
    ? hostileReview(join(root, 'folder'), { limits })
    : mode === 'git repository'
      ? hostileReview(repo.dir, { limits })
      : hostileReview('https://github.com/octo/bounds', { limits, transport: { cloneUrl: server.url('octo/bounds'), allowHttp: true } });

const skippedIn = (run: ReviewRun) => Object.fromEntries(run.report!.target.skipped.map((s) => [s.path, s]));

describe('Resource bounds', () => {
  it.each(['folder', 'git repository'] as const)('per-file byte cap: a file over maxFileBytes, a notebook over maxNotebookBytes, are skipped as too-large unread (%s)', async (mode) => {
    const run = await reviewAs(mode, { ...DEFAULT_LIMITS, maxFileBytes: 10_000, maxNotebookBytes: 25_000 });
    expect(skippedIn(run)['big.py']).toEqual({ path: 'big.py', reason: 'too-large', detail: '20 KiB is over the 10 KiB cap', bytes: 20_003 });
    expect(skippedIn(run)['notebook.ipynb']).toMatchObject({ reason: 'too-large', detail: expect.stringMatching(/is over the 24 KiB cap$/) });
    expect(run.report!.stack.libraries.map((l) => l.id)).not.toContain('torch');
    expect(run.report!.stack.vectorStores.map((v) => v.id)).toContain('chroma');
    expectInvariants(run);
  });

  it('per-file byte cap: a clone never fetches a blob over cloneBlobLimitBytes', async () => {
    const run = await reviewAs('clone', { ...DEFAULT_LIMITS, cloneBlobLimitBytes: 10_000 });
    expect(skippedIn(run)['big.py']).toEqual({ path: 'big.py', reason: 'missing-blob', detail: 'larger than the clone size filter' });
    expect(skippedIn(run)['notebook.ipynb']).toMatchObject({ reason: 'missing-blob' });
    expectInvariants(run);
  });

  it.each(['folder', 'git repository', 'clone'] as const)('total byte cap: reading stops at maxTotalBytes, the rest are named and the cap is in limitsReached (%s)', async (mode) => {
    const run = await reviewAs(mode, { ...DEFAULT_LIMITS, maxTotalBytes: 40_000 });
    const report = run.report!;
    const over = report.target.skipped.filter((s) => s.reason === 'limit');
    expect(over.length).toBeGreaterThan(0);
    expect(over.every((s) => s.detail === 'total size cap reached')).toBe(true);
    expect(report.target.limitsReached).toContain(`total size cap of 39 KiB reached: ${over.length} more files not read`);
    expect(report.target.files + over.length).toBe(Object.keys(files).length);
    expectInvariants(run);
  });

  it.each(['folder', 'git repository', 'clone'] as const)('file-count cap: at most maxFiles files are read, the rest named (%s)', async (mode) => {
    const run = await reviewAs(mode, { ...DEFAULT_LIMITS, maxFiles: 4 });
    const report = run.report!;
    expect(report.target.files).toBe(4);
    expect(report.target.skipped.filter((s) => s.detail === 'file count cap reached')).toHaveLength(Object.keys(files).length - 4);
    expect(report.target.limitsReached).toContain(`file count cap of 4 reached: ${Object.keys(files).length - 4} more files not read`);
    expect(run.markdown).toContain('file count cap of 4 reached');
    expectInvariants(run);
  });

  it('per-file parse time budget: a slower Python file is cancelled mid-parse, left out, and the report says partially analysed and why', async () => {
    const dir = join(root, 'slow-python');
    await writeTree(dir, { 'a.py': 'import peft\n', 'slow_table.py': SLOW_PYTHON, 'z.py': 'import chromadb\n' });
    const run = await hostileReview(dir, { limits: { ...DEFAULT_LIMITS, parseTimeoutMs: 250 } });
    const report = run.report!;
    expect(skippedIn(run)['slow_table.py']).toEqual({ path: 'slow_table.py', reason: 'limit', detail: 'parsing took longer than the 0.3 s per-file budget' });
    expect(report.target.limitsReached).toEqual(['partially analysed: 1 file took longer than the 0.3 s per-file parse budget and was left out (slow_table.py)']);
    expect(run.markdown).toContain('partially analysed: 1 file took longer than the 0.3 s per-file parse budget');
    // The files within budget are analysed; the slow one was stopped, not parsed to its end (seconds).
    expect(report.stack.libraries.map((l) => l.id)).toContain('peft');
    expect(report.stack.vectorStores.map((v) => v.id)).toEqual(['chroma']);
    expect(report.target.files).toBe(2);
    expect(report.target.timings.facts).toBeLessThan(1_500);
    expectInvariants(run);
  });

  it('per-file parse time budget: a parser that cannot be interrupted (TypeScript) is measured, and a file over budget is left out all the same', async () => {
    const dir = join(root, 'slow-typescript');
    await writeTree(dir, { 'index.ts': "import OpenAI from 'openai';\n", 'slow_sum.ts': SLOW_TYPESCRIPT });
    const run = await hostileReview(dir, { limits: { ...DEFAULT_LIMITS, parseTimeoutMs: 150 } });
    const report = run.report!;
    expect(skippedIn(run)['slow_sum.ts']).toEqual({ path: 'slow_sum.ts', reason: 'limit', detail: 'parsing took longer than the 0.2 s per-file budget' });
    expect(report.target.limitsReached).toEqual(['partially analysed: 1 file took longer than the 0.2 s per-file parse budget and was left out (slow_sum.ts)']);
    expect(report.stack.libraries.map((l) => l.id)).toContain('openai');
    expect(report.target.languages.typescript).toBe(1); // only index.ts was counted
    expectInvariants(run);
  });

  it('per-review wall-clock budget: files not parsed in time are left out and named, the report says partially analysed and why', async () => {
    const dir = join(root, 'slow-review');
    await writeTree(dir, { 'a.py': 'import peft\n', 'b_table.py': SLOW_PYTHON.repeat(2), 'c.py': 'import chromadb\n', 'd.md': '# notes\n' });
    const started = performance.now();
    const run = await hostileReview(dir, { limits: { ...DEFAULT_LIMITS, reviewTimeoutMs: 700 } });
    const report = run.report!;
    // The slow file was cancelled at the review's deadline, not parsed to its end.
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(report.stack.libraries.map((l) => l.id)).toContain('peft');
    const detail = 'not parsed: the review ran out of time';
    expect(report.target.skipped).toEqual([
      { path: 'b_table.py', reason: 'limit', detail },
      { path: 'c.py', reason: 'limit', detail },
      { path: 'd.md', reason: 'limit', detail },
    ]);
    expect(report.target.limitsReached).toEqual(["partially analysed: the review's time budget of 0.7 s ran out; 3 of 4 files were not parsed"]);
    expect(report.target.files).toBe(1);
    expect(report.stack.vectorStores).toEqual([]); // c.py was never read into the facts
    expect(run.markdown).toContain('partially analysed: the review');
    expectInvariants(run);
  });

  it('the budgets are generous by default: a normal review reaches no limit', async () => {
    expect(DEFAULT_LIMITS.parseTimeoutMs).toBeGreaterThanOrEqual(10_000);
    expect(DEFAULT_LIMITS.reviewTimeoutMs).toBeGreaterThanOrEqual(5 * 60_000);
    const run = await reviewAs('folder', DEFAULT_LIMITS);
    expect(run.report!.target.limitsReached).toEqual([]);
    expect(run.report!.target.skipped).toEqual([]);
    expectInvariants(run);
  });
});
