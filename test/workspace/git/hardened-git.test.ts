import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hardenedGit } from '../../../src/workspace/git/hardened-git.js';
import { makeGitRepo, type GitRepoFixture } from '../../helpers/make-git-repo.js';

let origin: GitRepoFixture;
let root: string;
let clone: string;
let home: string;
let marker: string;
let missingBlob: string;

// A local partial clone whose promisor remote runs a command: what a hostile submission folder can hold.
beforeAll(async () => {
  origin = await makeGitRepo({ 'small.txt': 'small\n', 'big.bin': Buffer.alloc(4000, 1) });
  origin.git('config', 'uploadpack.allowFilter', 'true');
  root = await mkdtemp(join(tmpdir(), 'hardened-git-test-'));
  home = join(root, 'home');
  await mkdir(home);
  clone = join(root, 'clone');
  marker = join(root, 'pwned');
  const env = { PATH: process.env.PATH, HOME: root, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env, encoding: 'utf8' });
  git('-c', 'protocol.file.allow=always', 'clone', '--quiet', '--no-checkout', '--filter=blob:limit=1000',
    `file://${origin.dir}`, clone);
  git('-C', clone, 'config', 'remote.origin.url', `ext::sh -c touch% ${marker}`);
  git('-C', clone, 'config', 'protocol.ext.allow', 'always');
  git('-C', clone, 'config', 'core.fsmonitor', `touch ${marker}`);
  missingBlob = origin.git('rev-parse', 'HEAD:big.bin');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await origin.cleanup();
});

const readGit = (input?: string) =>
  hardenedGit({
    mode: 'read',
    cwd: join(clone, '.git'),
    gitDir: join(clone, '.git'),
    home,
    timeoutMs: 10_000,
    ...(input !== undefined ? { input } : {}),
  });

describe('hardenedGit in read mode', () => {
  it('never fetches a missing object, even when git tries to', async () => {
    const { git, done } = readGit(`${missingBlob}\n`);
    try {
      await expect(git.raw(['cat-file', '--batch-check'])).rejects.toThrow();
    } finally {
      done();
    }
    expect(existsSync(marker)).toBe(false);
  });

  it('ignores the ambient git environment and the user config', async () => {
    const saved = { ...process.env };
    const userHome = join(root, 'user-home');
    await mkdir(userHome, { recursive: true });
    await writeFile(join(userHome, '.gitconfig'), '[user]\n\tname = from-user-config\n');
    Object.assign(process.env, {
      HOME: userHome,
      GIT_DIR: '/nonexistent',
      GIT_CONFIG_PARAMETERS: "'user.name'='from-env'",
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'user.email',
      GIT_CONFIG_VALUE_0: 'from-env',
    });
    const { git, done } = readGit();
    try {
      const config = await git.raw(['config', '--list', '--show-origin']);
      expect(config).not.toMatch(/from-user-config|from-env/);
      expect(config).toContain('protocol.allow=never');
    } finally {
      done();
      process.env = saved;
    }
  });
});
