import { mkdtemp, mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderJson } from '../../src/render/render-json.js';
import { permalinkBase } from '../../src/render/permalink-base.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { review } from '../../src/review.js';
import { parseSource } from '../../src/source/parse-source.js';
import { startGitHttpServer } from '../helpers/git-http-server.js';
import { makeGitRepo, type GitRepoFixture } from '../helpers/make-git-repo.js';

const BIG = 50 * 1024 * 1024;
const INVALID_UTF8 = Buffer.concat([Buffer.from('import torch\nname = "'), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('"\nmodel = torch.nn.Linear(4, 2)\n')]);
const CRLF = 'import transformers\r\nx = 1\rtok = transformers.AutoTokenizer.from_pretrained("gpt2")\r\n';

/** The hostile content of the issue, as a folder and as a git repository. */
const hostileFiles = {
  'app.py': 'import peft\n',
  'latin.py': INVALID_UTF8,
  'mixed_endings.py': CRLF,
  'broken.ipynb': '{"cells": [ {"cell_type": "code", "source": ["import torch"',
  'deep.json': `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
  'weights.py': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]),
};

describe('a hostile repository', () => {
  let folder: string;
  let repo: GitRepoFixture;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cr-hostile-'));
    for (const [path, content] of Object.entries(hostileFiles)) await writeFile(join(folder, path), content);
    await writeFile(join(folder, 'huge.py'), Buffer.alloc(BIG, 'a'));
    await symlink('/etc/passwd', join(folder, 'leak.py'));
    await symlink('../../..', join(folder, 'up'));
    await mkdir(join(folder, 'loop'));
    await symlink('../loop', join(folder, 'loop', 'again'));
    repo = await makeGitRepo({ ...hostileFiles, 'leak.py': { symlink: '/etc/passwd' }, 'env.py': { symlink: '/proc/self/environ' }, 'huge.py': Buffer.alloc(BIG, 'a') });
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
    await repo.cleanup();
  });

  it.each(['folder', 'git repository'])('as a %s: every bad file is skipped with its reason and the rest is reviewed', async (kind) => {
    const root = kind === 'folder' ? folder : repo.dir;
    const report = await review(parseSource(root, { cwd: root }));
    const reasons = Object.fromEntries(report.target.skipped.map((s) => [s.path, s.reason]));
    expect(reasons).toMatchObject({ 'leak.py': 'symlink', 'huge.py': 'too-large', 'broken.ipynb': 'parse-error', 'deep.json': 'parse-error', 'weights.py': 'binary' });
    // The reviewable files are still reviewed, with right line numbers.
    const libraries = Object.fromEntries(report.stack.libraries.map((l) => [l.id, `${l.evidence[0]!.path}:${l.evidence[0]!.line}`]));
    expect(libraries).toMatchObject({ peft: 'app.py:1', torch: 'latin.py:1', transformers: 'mixed_endings.py:1' });
    expect(report.stack.models.find((m) => m.id === 'gpt2')?.evidence[0]).toMatchObject({ path: 'mixed_endings.py', line: 3 });
    // Nothing from outside the tree reaches the report.
    const everything = renderJson(report) + renderMarkdown(report);
    expect(everything).not.toMatch(/root:x:0:0|PATH=|HOME=/);
  });

  it('cloned from a git server: reviewed from the object database, temporary clone removed, permalinks at the commit', async () => {
    const server = await startGitHttpServer();
    const tempRoot = await mkdtemp(join(tmpdir(), 'cr-clone-'));
    const savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = tempRoot;
    try {
      await server.addRepo('octo/take-home', repo.dir);
      const source = parseSource('https://github.com/octo/take-home', { cwd: tempRoot });
      const report = await review(source, { transport: { cloneUrl: server.url('octo/take-home'), allowHttp: true } });
      expect(report.target).toMatchObject({ source: 'https://github.com/octo/take-home', commit: repo.commits[0] });
      // The clone fetched its (one-commit) history: git-history speaks about it rather than saying it was not fetched.
      expect(report.findings.find((f) => f.check === 'git-history/commit-span')?.messageId).toBe('single');
      expect(Object.fromEntries(report.target.skipped.map((s) => [s.path, s.reason]))).toMatchObject({ 'leak.py': 'symlink', 'env.py': 'symlink', 'huge.py': 'missing-blob' });
      const markdown = renderMarkdown(report, permalinkBase(source, report.target.commit));
      expect(markdown).toContain(`[app.py:1](https://github.com/octo/take-home/blob/${repo.commits[0]}/app.py#L1)`);
      expect(await readdir(tempRoot)).toEqual([]);
    } finally {
      process.env.TMPDIR = savedTmp;
      if (savedTmp === undefined) delete process.env.TMPDIR;
      await server.close();
      await rm(tempRoot, { recursive: true, force: true });
    }
  });
});

describe('a git repository reviewed against its template (--base)', () => {
  it('reviews only the files the candidate changed and says how many were left out', async () => {
    const history = await makeGitRepo([
      { files: { 'README.md': '# Template\n', 'starter/load.py': 'import pandas\n', 'starter/util.py': 'import chromadb\n' }, message: 'template' },
      { files: { 'rag.py': 'import chromadb\nfrom sentence_transformers import SentenceTransformer\n', 'starter/load.py': 'import pandas\nimport torch\n' }, message: 'candidate' },
    ]);
    try {
      const report = await review(parseSource(history.dir, { cwd: history.dir }), { base: history.commits[0]! });
      expect(report.target).toMatchObject({ commit: history.commits[1], base: history.commits[0], files: 2, unchanged: 2 });
      expect(report.stack.vectorStores.map((v) => v.evidence.map((e) => e.path))).toEqual([['rag.py']]);
      expect(report.stack.libraries.map((l) => l.id).sort()).toEqual(['sentence-transformers', 'torch']);
      await expect(review(parseSource(history.dir, { cwd: history.dir }), { base: '--output=/tmp/x' })).rejects.toThrow(/ref/i);
    } finally {
      await history.cleanup();
    }
  });
});

describe('an empty repository and a README-only one', () => {
  it('give a short, honest report instead of an error', async () => {
    const empty = await makeGitRepo([]);
    const readme = await makeGitRepo({ 'README.md': '# My LLM project\nFine-tuned GPT-3 from scratch with transformers.\n' });
    try {
      const a = await review(parseSource(empty.dir, { cwd: empty.dir }));
      expect(a.target).toMatchObject({ commit: null, files: 0, limitsReached: ['the repository has no commits: there is nothing to review'] });
      expect(renderMarkdown(a)).toContain('the repository has no commits');
      const b = await review(parseSource(readme.dir, { cwd: readme.dir }));
      expect(b.target.files).toBe(1);
      expect(b.stack.libraries).toEqual([]);
      expect(b.stack.models).toEqual([]);
      expect(b.tests.count).toBe(0);
    } finally {
      await empty.cleanup();
      await readme.cleanup();
    }
  });
});
