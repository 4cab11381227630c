/**
 * Canaries: a repository full of things that would create a file if anything ran them — committed
 * hooks, a `postinstall`, a Makefile target, `conftest.py`, `setup.py`, and (for a local
 * repository) a `.git/config` whose fsmonitor, hooks, filters, textconv, pager, ssh command and
 * credential helper all point at canary scripts. Before the reviews, a few canaries are run by hand
 * to prove they work; after reviewing the repository as a folder, as a local git repository and as
 * a clone, no canary file exists, and the spawn recorder (Node's child_process wrapped, plus a
 * logging shim first on PATH, test/helpers/hostile.ts) has seen `git` and nothing else.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type Limits } from '../../src/types.js';
import { startGitHttpServer, type GitHttpServer } from '../helpers/git-http-server.js';
import { expectInvariants, hostileReview, recordChildProcesses, type ProcessRecorder, type ReviewRun } from '../helpers/hostile.js';
import { makeGitRepo, type GitRepoFixture } from '../helpers/make-git-repo.js';

const limits: Limits = { ...DEFAULT_LIMITS, cloneTimeoutMs: 20_000 };
const HOOKS = ['pre-commit', 'post-checkout', 'post-merge', 'post-rewrite', 'pre-push', 'reference-transaction', 'post-index-change', 'pre-auto-gc', 'fsmonitor-watchman', 'push-to-checkout'];

let scratch: string;
let canaries: string;
let server: GitHttpServer;
let repo: GitRepoFixture;
let recorder: ProcessRecorder;
const runs = {} as Record<'folder' | 'git repository' | 'clone', ReviewRun>;
const MODES = ['folder', 'git repository', 'clone'] as const;

/** Canary files created so far (none may exist after a review). */
const fired = () => (existsSync(canaries) ? readdirSync(canaries).sort() : []);

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'hostile-canaries-'));
  canaries = join(scratch, 'fired');
  mkdirSync(canaries);
  const touch = (name: string) => `touch '${join(canaries, name)}'`;
  const py = (name: string) => `open(${JSON.stringify(join(canaries, name))}, "w").close()\n`;
  // `#!/usr/bin/env sh` on purpose: a hook that did run would look `sh` up on PATH, where the shim logs it.
  const hook = (name: string) => ({ executable: `#!/usr/bin/env sh\n${touch(name)}\n` });

  repo = await makeGitRepo({
    'README.md': '# Take-home\n',
    'app.py': 'import peft\n',
    ...Object.fromEntries(HOOKS.map((name) => [`.githooks/${name}`, hook(`committed-${name}`)])),
    'hooks/post-checkout': hook('hooks-dir-post-checkout'),
    '.husky/pre-commit': hook('husky-pre-commit'),
    'package.json': JSON.stringify({
      name: 'take-home',
      scripts: Object.fromEntries(['preinstall', 'install', 'postinstall', 'prepare', 'test', 'start'].map((s) => [s, touch(`npm-${s}`)])),
    }),
    Makefile: `.DEFAULT_GOAL := all\nall:\n\t${touch('make-all')}\ninstall:\n\t${touch('make-install')}\n`,
    'conftest.py': py('conftest'),
    'setup.py': `${py('setup')}from setuptools import setup\nsetup(name="x", install_requires=["peft"])\n`,
    'sitecustomize.py': py('sitecustomize'),
    'noxfile.py': py('noxfile'),
    '.envrc': `${touch('direnv')}\n`,
    'Dockerfile': `FROM python:3.12\nRUN ${touch('docker-run')}\n`,
    '.gitattributes': '* filter=canary diff=canary\n',
  });

  // The local repository's own config and hooks: what `git` would run if it trusted the repository.
  const script = (name: string) => {
    const path = join(scratch, `canary-${name}.sh`);
    writeFileSync(path, `#!/bin/sh\n${touch(`git-config-${name}`)}\ncat >/dev/null 2>&1\nexit 0\n`);
    chmodSync(path, 0o755);
    return path;
  };
  for (const [key, value] of [
    ['core.fsmonitor', script('fsmonitor')],
    ['core.hooksPath', '.githooks'],
    ['core.pager', script('pager')],
    ['core.sshCommand', script('ssh')],
    ['core.gitProxy', script('git-proxy')],
    ['core.alternateRefsCommand', script('alternate-refs')],
    ['filter.canary.clean', script('filter-clean')],
    ['filter.canary.smudge', script('filter-smudge')],
    ['filter.canary.process', script('filter-process')],
    ['filter.canary.required', 'true'],
    ['diff.canary.textconv', script('textconv')],
    ['diff.external', script('diff-external')],
    ['credential.helper', `!${script('credential')}`],
    ['gpg.program', script('gpg')],
    ['log.showSignature', 'true'],
    ['pager.log', script('pager-log')],
    ['include.path', join(scratch, 'included.gitconfig')],
  ]) {
    repo.git('config', key!, value!);
  }
  writeFileSync(join(scratch, 'included.gitconfig'), `[core]\n\tfsmonitor = ${script('included-fsmonitor')}\n`);
  mkdirSync(join(repo.dir, '.git', 'hooks'), { recursive: true });
  for (const name of HOOKS) {
    writeFileSync(join(repo.dir, '.git', 'hooks', name), `#!/bin/sh\n${touch(`git-dir-${name}`)}\n`, { mode: 0o755 });
  }

  server = await startGitHttpServer();
  await server.addRepo('octo/canaries', repo.dir);
  const folder = join(scratch, 'folder');
  execFileSync('cp', ['-a', repo.dir, folder]);
  rmSync(join(folder, '.git'), { recursive: true, force: true });

  // Live canaries: run a few by hand, as a careless tool would, and see them fire (make and python3 where installed).
  const installed = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
  execFileSync(join(repo.dir, '.githooks', 'post-checkout'));
  execFileSync(join(scratch, 'canary-fsmonitor.sh'));
  const expected = ['committed-post-checkout', 'git-config-fsmonitor'];
  if (installed('make')) {
    execFileSync('make', ['-s', '-C', repo.dir], { stdio: 'ignore' });
    expected.push('make-all');
  }
  if (installed('python3')) {
    execFileSync('python3', [join(repo.dir, 'conftest.py')]);
    expected.push('conftest');
  }
  expect(fired()).toEqual(expected.sort());
  for (const name of fired()) rmSync(join(canaries, name));

  recorder = recordChildProcesses();
  runs.folder = await hostileReview(folder, { limits });
  runs['git repository'] = await hostileReview(repo.dir, { limits });
  runs.clone = await hostileReview('https://github.com/octo/canaries', { limits, transport: { cloneUrl: server.url('octo/canaries'), allowHttp: true } });
}, 60_000);

afterAll(async () => {
  recorder?.restore();
  await Promise.all([server?.close(), repo?.cleanup()]);
  rmSync(scratch, { recursive: true, force: true });
});

describe('Canaries: nothing from the repository is ever executed', () => {
  it.each(MODES)('the review completes (%s)', (mode) => {
    expect(runs[mode].report, String(runs[mode].error)).not.toBeNull();
    expect(runs[mode].report!.stack.libraries.map((l) => l.id)).toContain('peft');
    expectInvariants(runs[mode]);
  });

  it('a committed .git/hooks-style hook (.githooks/, hooks/, .husky/) never runs', () => {
    expect(fired().filter((name) => /committed-|hooks-dir-|husky-/.test(name))).toEqual([]);
  });

  it('a postinstall (or any other script) in package.json never runs', () => {
    expect(fired().filter((name) => name.startsWith('npm-'))).toEqual([]);
  });

  it('a Makefile target never runs', () => {
    expect(fired().filter((name) => name.startsWith('make-'))).toEqual([]);
  });

  it('conftest.py, setup.py, sitecustomize.py and noxfile.py never run (and setup.py is still read)', () => {
    expect(fired().filter((name) => ['conftest', 'setup', 'sitecustomize', 'noxfile'].includes(name))).toEqual([]);
    for (const mode of MODES) {
      expect(runs[mode].report!.stack.libraries.find((l) => l.id === 'peft')?.evidence.map((e) => e.path)).toContain('app.py');
    }
  });

  it('a local repository\'s own .git/config (fsmonitor, hooksPath, filters, textconv, pager, ssh, credential helper, gpg) and .git/hooks never run', () => {
    expect(fired().filter((name) => name.startsWith('git-config-') || name.startsWith('git-dir-'))).toEqual([]);
  });

  it('no canary file of any kind exists after the three reviews', () => {
    expect(fired()).toEqual([]);
  });

  it('a spawn wrapper records every child process: only git ever appears', () => {
    expect(recorder.spawned().length).toBeGreaterThan(3);
    expect(new Set(recorder.spawned())).toEqual(new Set(['git']));
    // Programs looked up on PATH by any descendant (a hook's `env sh`, git-lfs, ssh, make, npm …).
    expect(recorder.viaPath().length).toBeGreaterThan(3);
    expect(new Set(recorder.viaPath())).toEqual(new Set(['git']));
  });
});
