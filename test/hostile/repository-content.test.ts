/**
 * Hostile cases, group "Repository content" (team spec hostile-cases.md). One hostile repository
 * is built at test time with git and reviewed three ways — as a plain folder (walked with lstat),
 * as a local git repository (read from the object database) and cloned from a loopback git server —
 * and each case asserts its expectation on all three, plus the invariants (test/helpers/hostile.ts).
 * Related: test/review/hostile-repository.test.ts (the first hostile fixture), test/workspace/
 * walk-folder.test.ts and test/workspace/git/*.test.ts (the readers on their own); canaries for
 * hooks and build scripts are test/hostile/canaries.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type Limits } from '../../src/types.js';
import { startGitHttpServer, type GitHttpServer } from '../helpers/git-http-server.js';
import { expectInvariants, hostileReview, recordChildProcesses, type ProcessRecorder, type ReviewRun } from '../helpers/hostile.js';
import { makeGitRepo, type GitRepoFixture, type RepoFiles } from '../helpers/make-git-repo.js';

const ONE_LINE_BYTES = 1_500_000;
const limits: Limits = { ...DEFAULT_LIMITS, cloneTimeoutMs: 20_000 };
const ELF = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const LFS_POINTER = 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n';
/** The archive's member: if anything extracted it, `deepspeed` would show up among the libraries. */
const ARCHIVED_PY = 'import deepspeed\nfrom transformers import AutoModel\n';

let scratch: string;
let canaries: string;
let server: GitHttpServer;
let repo: GitRepoFixture;
let recorder: ProcessRecorder;
/** The same hostile content reviewed three ways. */
const runs: Record<'folder' | 'git repository' | 'clone', ReviewRun> = {} as never;
const MODES = ['folder', 'git repository', 'clone'] as const;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'hostile-content-'));
  canaries = join(scratch, 'canaries');
  server = await startGitHttpServer();
  const internal = `http://127.0.0.1:${server.port}`;
  const canary = (name: string) => `touch ${join(canaries, name)}`;
  const files: RepoFiles = {
    'README.md': '# Take-home\n\nA LoRA fine-tune.\n',
    'app.py': 'import peft\nconfig = peft.LoraConfig(r=8)\n',
    // symlinks: absolute, out through .., to the process environment, to devices, loops, a long chain
    'links/abs.py': { symlink: '/etc/passwd' },
    'links/up.py': { symlink: '../../../../../../etc/passwd' },
    'links/dotdot': { symlink: '..' },
    'links/environ.py': { symlink: '/proc/self/environ' },
    'links/zero.py': { symlink: '/dev/zero' },
    'links/urandom.txt': { symlink: '/dev/urandom' },
    'links/stdin.py': { symlink: '/dev/stdin' },
    'links/loop-a': { symlink: 'loop-b' },
    'links/loop-b': { symlink: 'loop-a' },
    ...Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`links/chain/l${i}`, { symlink: i === 39 ? '/etc/passwd' : `l${i + 1}` }])),
    // one very large single-line file, under the per-file cap
    'one_line.py': `DATA = "${'A'.repeat(ONE_LINE_BYTES)}"\n`,
    'one_line.json': `{"rows": "${'b'.repeat(ONE_LINE_BYTES)}", "model": "gpt2"}`,
    // binary files with source extensions
    'weights.py': Buffer.concat([ELF, Buffer.alloc(4096, 0xcc)]),
    'logo.ts': Buffer.concat([PNG, Buffer.alloc(2048, 0)]),
    'notes.ipynb': gzipSync(Buffer.from('{"cells": []}')),
    // LFS pointers with a hostile .lfsconfig
    '.gitattributes': '*.safetensors filter=lfs diff=lfs merge=lfs -text\ncheckpoint.py filter=lfs diff=lfs merge=lfs -text\n',
    '.lfsconfig': `[lfs]\n\turl = ${internal}/lfs-canary/info/lfs\n\tstandalonetransferagent = canary\n[lfs "customtransfer.canary"]\n\tpath = /bin/sh\n\targs = -c "${canary('lfs')}"\n`,
    'checkpoint.py': LFS_POINTER,
    'model.safetensors': LFS_POINTER,
    // .gitmodules pointing at file:// and an internal host
    '.gitmodules': `[submodule "vendor-lib"]\n\tpath = vendor-lib\n\turl = file:///etc\n[submodule "internal"]\n\tpath = internal\n\turl = ${internal}/internal/secret.git\n\tupdate = !${canary('submodule-update')}\n`,
    'vendor-lib': { submodule: '4b825dc642cb6eb9a060e54bf8d69288fbee4904' },
    internal: { submodule: '4b825dc642cb6eb9a060e54bf8d69288fbee4904' },
    // committed hooks, a postinstall script and a Makefile (test/hostile/canaries.test.ts has the full set)
    '.githooks/post-checkout': { executable: `#!/bin/sh\n${canary('post-checkout')}\n` },
    'package.json': JSON.stringify({ name: 'x', scripts: { postinstall: canary('postinstall') } }),
    Makefile: `all:\n\t${canary('make')}\n`,
    // archives, never extracted
    'data/corpus.tar': tarOf({ 'evil.py': ARCHIVED_PY }),
    'data/corpus.tar.gz': gzipSync(tarOf({ 'evil.py': ARCHIVED_PY })),
    'data/bundle.zip': Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from(ARCHIVED_PY)]),
  };
  repo = await makeGitRepo(files);
  await server.addRepo('octo/hostile', repo.dir);

  // The folder: the same tree without .git, plus what git cannot hold (a FIFO, a folder loop).
  const folder = join(scratch, 'folder');
  execFileSync('cp', ['-a', repo.dir, folder]);
  rmSync(join(folder, '.git'), { recursive: true, force: true });
  execFileSync('mkfifo', [join(folder, 'pipe.py')]);
  execFileSync('mkdir', ['-p', join(folder, 'links', 'dir')]);
  execFileSync('ln', ['-s', '../dir', join(folder, 'links', 'dir', 'again')]);

  recorder = recordChildProcesses();
  runs.folder = await hostileReview(folder, { limits });
  runs['git repository'] = await hostileReview(repo.dir, { limits });
  runs.clone = await hostileReview('https://github.com/octo/hostile', { limits, transport: { cloneUrl: server.url('octo/hostile'), allowHttp: true } });
}, 60_000);

afterAll(async () => {
  recorder?.restore();
  await Promise.all([server?.close(), repo?.cleanup()]);
  rmSync(scratch, { recursive: true, force: true });
});

const skippedIn = (run: ReviewRun) => Object.fromEntries((run.report?.target.skipped ?? []).map((s) => [s.path, s.reason]));
const analysed = (run: ReviewRun) => new Set(run.report?.stack.libraries.map((l) => l.id));

describe('Repository content', () => {
  it.each(MODES)('every review of the hostile repository completes (%s)', (mode) => {
    expect(runs[mode].report, String(runs[mode].error)).not.toBeNull();
    expect(analysed(runs[mode]).has('peft')).toBe(true);
    expectInvariants(runs[mode]);
  });

  it.each(MODES)('symlinks to absolute paths: listed, never followed (%s)', (mode) => {
    const run = runs[mode];
    expect(skippedIn(run)).toMatchObject({ 'links/abs.py': 'symlink' });
    expect(run.json + run.markdown).not.toContain('root:x:0:0');
    expectInvariants(run);
  });

  it.each(MODES)('symlinks to ..: listed, never followed (%s)', (mode) => {
    const run = runs[mode];
    expect(skippedIn(run)).toMatchObject({ 'links/up.py': 'symlink', 'links/dotdot': 'symlink' });
    expect(run.report!.target.files).toBeLessThan(30); // nothing from outside the tree was counted in
    expectInvariants(run);
  });

  it.each(MODES)('symlinks to /proc/self/environ: listed, never read (%s)', (mode) => {
    const run = runs[mode];
    expect(skippedIn(run)).toMatchObject({ 'links/environ.py': 'symlink' });
    // The planted tokens are in this process's environment: reading the link would show them.
    expect(run.json + run.markdown).not.toMatch(/GITHUB_TOKEN|PATH=\//);
    expectInvariants(run);
  });

  it.each(MODES)('symlinks to devices: listed, never opened (%s)', (mode) => {
    const run = runs[mode];
    expect(skippedIn(run)).toMatchObject({ 'links/zero.py': 'symlink', 'links/urandom.txt': 'symlink', 'links/stdin.py': 'symlink' });
    expectInvariants(run);
  });

  it('symlinks to devices: a FIFO in a folder is listed, never opened (opening it would block)', () => {
    expect(runs.folder.report!.target.skipped).toContainEqual({ path: 'pipe.py', reason: 'unreadable', detail: 'not a regular file' });
  });

  it.each(MODES)('link loops and long chains: each link listed once, none followed (%s)', (mode) => {
    const run = runs[mode];
    const links = run.report!.target.skipped.filter((s) => s.path.startsWith('links/loop-') || s.path.startsWith('links/chain/'));
    expect(links).toHaveLength(42);
    expect(links.every((s) => s.reason === 'symlink')).toBe(true);
    if (mode === 'folder') expect(skippedIn(run)).toMatchObject({ 'links/dir/again': 'symlink' });
    expectInvariants(run);
  });

  it.each(MODES)('one very large single-line file: read within the cap, quoted in short snippets (%s)', (mode) => {
    const run = runs[mode];
    const report = run.report!;
    expect(skippedIn(run)['one_line.py']).toBeUndefined();
    expect(report.stack.models.map((m) => m.id)).toContain('gpt2'); // from the one-line JSON
    const snippets = [...report.findings.flatMap((f) => f.evidence), ...report.stack.models.flatMap((m) => m.evidence)].map((e) => e.snippet);
    expect(Math.max(...snippets.map((s) => s.length))).toBeLessThanOrEqual(240);
    expect(run.json.length).toBeLessThan(ONE_LINE_BYTES / 4);
    expect(run.markdown).not.toContain('A'.repeat(1000));
    expectInvariants(run);
  });

  it.each(MODES)('binary files with source extensions: skipped as binary, never parsed (%s)', (mode) => {
    const run = runs[mode];
    expect(skippedIn(run)).toMatchObject({ 'weights.py': 'binary', 'logo.ts': 'binary', 'notes.ipynb': 'binary' });
    expectInvariants(run);
  });

  it.each(MODES)('LFS pointers with a hostile .lfsconfig: nothing fetched, no transfer agent run (%s)', (mode) => {
    const run = runs[mode];
    expect(server.requests.filter((r) => r.path.includes('lfs-canary'))).toEqual([]);
    expect(existsSync(join(canaries, 'lfs'))).toBe(false);
    // The pointer is read for what it is: three lines of text, not the model it points at.
    expect(skippedIn(run)['checkpoint.py']).toBeUndefined();
    expect(skippedIn(run)['model.safetensors']).toBe('binary');
    expect(recorder.viaPath().filter((name) => name !== 'git')).toEqual([]);
    expectInvariants(run);
  });

  it.each(MODES)('.gitmodules pointing at file:// or internal hosts: submodules listed, never fetched, an `update = !cmd` line harmless (%s)', (mode) => {
    const run = runs[mode];
    if (mode !== 'folder') expect(skippedIn(run)).toMatchObject({ 'vendor-lib': 'submodule', internal: 'submodule' });
    expect(server.requests.filter((r) => r.path.includes('/internal/'))).toEqual([]);
    expect(existsSync(join(canaries, 'submodule-update'))).toBe(false);
    expectInvariants(run);
  });

  it.each(MODES)('committed hooks, postinstall scripts and Makefiles: nothing from the repository is ever executed (%s)', (mode) => {
    // The full canary set and the spawn recorder are in test/hostile/canaries.test.ts.
    expect(existsSync(canaries) ? readdirSync(canaries) : []).toEqual([]);
    expect(new Set(recorder.spawned())).toEqual(new Set(['git']));
    expectInvariants(runs[mode]);
  });

  it.each(MODES)('archives (never extracted): skipped as binary, their members nowhere in the report (%s)', (mode) => {
    const run = runs[mode];
    expect(skippedIn(run)).toMatchObject({ 'data/corpus.tar': 'binary', 'data/corpus.tar.gz': 'binary', 'data/bundle.zip': 'binary' });
    expect(analysed(run).has('deepspeed')).toBe(false);
    expect(run.json).not.toContain('evil.py');
    expectInvariants(run);
  });

  it.each(['git repository', 'clone'] as const)('an empty repository and a README-only one: a short, honest report (%s)', async (mode) => {
    // Also test/review/hostile-repository.test.ts ("an empty repository and a README-only one").
    const empty = await makeGitRepo([]);
    const readme = await makeGitRepo({ 'README.md': '# My LLM project\nFine-tuned GPT-3 from scratch with transformers.\n' });
    try {
      const reviewOf = async (fixture: GitRepoFixture, name: string) => {
        if (mode === 'git repository') return hostileReview(fixture.dir, { limits });
        await server.addRepo(name, fixture.dir);
        return hostileReview(`https://github.com/${name}`, { limits, transport: { cloneUrl: server.url(name), allowHttp: true } });
      };
      const a = await reviewOf(empty, `octo/empty-${mode.length}`);
      expect(a.report!.target).toMatchObject({ commit: null, files: 0, limitsReached: ['the repository has no commits: there is nothing to review'] });
      expect(a.markdown).toContain('the repository has no commits');
      expectInvariants(a);
      const b = await reviewOf(readme, `octo/readme-${mode.length}`);
      expect(b.report!.target.files).toBe(1);
      expect(b.report!.stack.libraries).toEqual([]);
      expect(b.report!.findings.filter((f) => f.kind === 'strength')).toEqual([]);
      expectInvariants(b);
    } finally {
      await Promise.all([empty.cleanup(), readme.cleanup()]);
    }
  });
});

describe('Repository content: tens of thousands of small files', () => {
  it('listed in one pass, read up to the file-count cap, the rest named as skipped with the cap in limitsReached', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hostile-many-'));
    try {
      manyFilesRepo(dir, 20_000);
      const started = performance.now();
      const run = await hostileReview(dir, { limits: { ...limits, maxFiles: 2_000 } });
      const report = run.report!;
      expect(performance.now() - started).toBeLessThan(20_000);
      expect(report.target.files).toBe(2_000);
      expect(report.target.skipped.filter((s) => s.reason === 'limit')).toHaveLength(18_000);
      expect(report.target.limitsReached).toContain('file count cap of 2000 reached: 18000 more files not read');
      expect(run.markdown).toMatch(/and \d+ more skipped files/);
      expect(run.markdown.length).toBeLessThan(200_000);
      expectInvariants(run);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A git repository of `count` one-line Python files (one shared blob), made with fast-import: seconds, not minutes. */
function manyFilesRepo(dir: string, count: number): void {
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
  execFileSync('git', ['init', '--quiet', '--initial-branch=main', dir], { env });
  const stream = ['blob', 'mark :1', 'data 6', 'x = 1', '', 'commit refs/heads/main', 'committer C <c@example.com> 1700000000 +0000', 'data 5', 'many'];
  for (let i = 0; i < count; i++) stream.push(`M 100644 :1 pkg${i % 100}/mod_${i}.py`);
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, env, input: `${stream.join('\n')}\n` });
}

/** A ustar archive of plain files. */
function tarOf(members: Record<string, string>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, text] of Object.entries(members)) {
    const body = Buffer.from(text);
    const header = Buffer.alloc(512);
    const field = (value: string, at: number, length: number) => header.write(value.slice(0, length), at, 'ascii');
    field(name, 0, 100);
    field('0000644\0', 100, 8);
    field('0000000\0', 108, 8);
    field('0000000\0', 116, 8);
    field(`${body.length.toString(8).padStart(11, '0')}\0`, 124, 12);
    field(`${(1_700_000_000).toString(8).padStart(11, '0')}\0`, 136, 12);
    field('        ', 148, 8);
    field('0', 156, 1);
    field('ustar\x0000', 257, 8);
    let sum = 0;
    for (const byte of header) sum += byte;
    field(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
    blocks.push(header, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}
