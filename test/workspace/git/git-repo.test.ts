import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { openGitRepo, type GitRepo } from '../../../src/workspace/git/git-repo.js';
import { makeGitRepo, type GitRepoFixture } from '../../helpers/make-git-repo.js';

const binary = Buffer.from([0, 1, 2, 255, 10, 13, 10, 0, 0x89, 0x50, 0x4e, 0x47]);

let fixture: GitRepoFixture;
let repo: GitRepo;

beforeAll(async () => {
  fixture = await makeGitRepo([
    {
      files: {
        'README.md': '# Take-home\n',
        'src/train.py': 'import torch\n',
        'src/old.py': 'x = 1\n',
        'weights.bin': binary,
        'empty.txt': '',
        'dir with space/ü.txt': 'unicode\n',
        leak: { symlink: '/etc/passwd' },
        'run.sh': { executable: '#!/bin/sh\necho hi\n' },
        vendor: { submodule: 'a'.repeat(40) },
      },
    },
    {
      message: 'second',
      files: { 'src/train.py': 'import torch\nimport peft\n', 'src/old.py': null, 'src/new.py': 'y = 2\n' },
    },
  ]);
  const opened = await openGitRepo(fixture.dir);
  if (!opened) throw new Error('fixture should open');
  repo = opened;
});
afterAll(() => fixture.cleanup());

describe('openGitRepo', () => {
  it('opens a folder with a real .git directory', () => {
    expect(repo.dir).toBe(fixture.dir);
  });

  it('returns null when .git is missing, a file or a symlink', async () => {
    const root = await mkdtemp(join(tmpdir(), 'git-repo-test-'));
    try {
      await mkdir(join(root, 'plain'));
      expect(await openGitRepo(join(root, 'plain'))).toBeNull();

      await mkdir(join(root, 'gitfile'));
      await writeFile(join(root, 'gitfile', '.git'), `gitdir: ${fixture.dir}/.git\n`);
      expect(await openGitRepo(join(root, 'gitfile'))).toBeNull();

      await mkdir(join(root, 'gitlink'));
      await symlink(join(fixture.dir, '.git'), join(root, 'gitlink', '.git'));
      expect(await openGitRepo(join(root, 'gitlink'))).toBeNull();

      await mkdir(join(root, 'broken', '.git'), { recursive: true });
      expect(await openGitRepo(join(root, 'broken'))).toBeNull();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('resolveCommit', () => {
  it.each(['HEAD', 'main', 'refs/heads/main', 'HEAD~1', 'HEAD^'])('resolves %s to a full commit id', async (ref) => {
    const sha = await repo.resolveCommit(ref);
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    expect(sha).toBe(ref.startsWith('HEAD~') || ref.endsWith('^') ? fixture.commits[0] : fixture.commits[1]);
  });

  it('resolves an abbreviated commit id', async () => {
    expect(await repo.resolveCommit(fixture.commits[0]!.slice(0, 10))).toBe(fixture.commits[0]);
  });

  it.each([
    '--output=/tmp/x',
    '-c',
    '-cprotocol.ext.allow=always',
    '--upload-pack=touch /tmp/x',
    'HEAD;rm',
    'HEAD rm',
    'a..b',
    'HEAD...main',
    'main@{1}',
    '@{-1}',
    'HEAD:README.md',
    ':/message',
    '.hidden',
    'main.lock',
    '',
    'x'.repeat(300),
    'HEAD\n--output=/tmp/x',
  ])('rejects %j with an InputError', async (ref) => {
    await expect(repo.resolveCommit(ref)).rejects.toThrow(InputError);
    expect(existsSync('/tmp/x')).toBe(false);
  });

  it('rejects an unknown ref with an InputError', async () => {
    await expect(repo.resolveCommit('no-such-branch')).rejects.toThrow(/unknown ref "no-such-branch"/);
    await expect(repo.resolveCommit('HEAD~5')).rejects.toThrow(InputError);
  });

  it('says so when HEAD has no commit', async () => {
    const empty = await makeGitRepo([]);
    try {
      const opened = await openGitRepo(empty.dir);
      await expect(opened!.resolveCommit('HEAD')).rejects.toThrow(/no commit at HEAD/);
    } finally {
      await empty.cleanup();
    }
  });
});

describe('listTree', () => {
  it('lists every entry with its mode; symlinks and submodules are not followed', async () => {
    const entries = await repo.listTree(fixture.commits[0]!);
    const byPath = Object.fromEntries(entries.map((e) => [e.path, `${e.mode} ${e.type}`]));
    expect(byPath).toEqual({
      'README.md': '100644 blob',
      'dir with space/ü.txt': '100644 blob',
      'empty.txt': '100644 blob',
      leak: '120000 blob',
      'run.sh': '100755 blob',
      'src/old.py': '100644 blob',
      'src/train.py': '100644 blob',
      vendor: '160000 commit',
      'weights.bin': '100644 blob',
    });
    expect(entries.find((e) => e.path === 'vendor')?.oid).toBe('a'.repeat(40));
  });

  it('refuses anything but a full commit id', async () => {
    await expect(repo.listTree('HEAD')).rejects.toThrow(InputError);
    await expect(repo.listTree('--output=/tmp/x')).rejects.toThrow(InputError);
  });
});

describe('changedPaths', () => {
  it('lists added and modified paths between two commits, not deleted ones', async () => {
    const changed = await repo.changedPaths(fixture.commits[0]!, fixture.commits[1]!);
    expect([...changed].sort()).toEqual(['src/new.py', 'src/train.py']);
  });

  it('is empty between a commit and itself', async () => {
    expect((await repo.changedPaths(fixture.commits[1]!, fixture.commits[1]!)).size).toBe(0);
  });
});

describe('blobSizes and readBlobs', () => {
  it('reads text, binary and empty blobs, and a symlink as its target text', async () => {
    const entries = await repo.listTree(fixture.commits[0]!);
    const oid = (path: string) => entries.find((e) => e.path === path)!.oid;
    const missing = 'b'.repeat(40);
    const wanted = ['README.md', 'weights.bin', 'empty.txt', 'leak', 'dir with space/ü.txt'].map(oid);

    const sizes = await repo.blobSizes([...wanted, missing, oid('README.md')]);
    expect(sizes.get(oid('README.md'))).toBe(12);
    expect(sizes.get(oid('weights.bin'))).toBe(binary.length);
    expect(sizes.get(oid('empty.txt'))).toBe(0);
    expect(sizes.get(missing)).toBeNull();

    const blobs = await repo.readBlobs([...wanted, missing]);
    expect(blobs.get(oid('README.md'))?.toString()).toBe('# Take-home\n');
    expect(blobs.get(oid('weights.bin'))).toEqual(binary);
    expect(blobs.get(oid('empty.txt'))?.length).toBe(0);
    expect(blobs.get(oid('leak'))?.toString()).toBe('/etc/passwd');
    expect(blobs.get(oid('dir with space/ü.txt'))?.toString()).toBe('unicode\n');
    expect(blobs.has(missing)).toBe(false);
  });

  it('streams many blobs (more than one cat-file batch)', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 2100; i++) files[`f/${i}.txt`] = `file ${i}\n`.repeat((i % 7) + 1);
    const many = await makeGitRepo(files);
    try {
      const opened = (await openGitRepo(many.dir))!;
      const entries = await opened.listTree(await opened.resolveCommit('HEAD'));
      expect(entries).toHaveLength(2100);
      const blobs = await opened.readBlobs(entries.map((e) => e.oid));
      for (const entry of entries) {
        const i = Number(/(\d+)\.txt$/.exec(entry.path)![1]);
        expect(blobs.get(entry.oid)?.toString()).toBe(`file ${i}\n`.repeat((i % 7) + 1));
      }
    } finally {
      await many.cleanup();
    }
  });

  it('refuses anything but full object ids', async () => {
    await expect(repo.readBlobs(['HEAD:README.md'])).rejects.toThrow(InputError);
    await expect(repo.blobSizes(['--batch-all-objects'])).rejects.toThrow(InputError);
  });
});

describe('a local partial clone whose promisor remote is hostile', () => {
  it('reports the missing blob as null and never runs the remote', async () => {
    const { execFileSync } = await import('node:child_process');
    const origin = await makeGitRepo({ 'small.txt': 'small\n', 'big.bin': Buffer.alloc(4000, 1) });
    const root = await mkdtemp(join(tmpdir(), 'git-repo-partial-'));
    const marker = join(root, 'pwned');
    const env = { PATH: process.env.PATH, HOME: root, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env, stdio: 'ignore' });
    try {
      origin.git('config', 'uploadpack.allowFilter', 'true');
      git('-c', 'protocol.file.allow=always', 'clone', '--quiet', '--no-checkout', '--filter=blob:limit=1000',
        `file://${origin.dir}`, 'clone');
      // The candidate's own .git/config: lazily fetching would run this command.
      git('-C', 'clone', 'config', 'remote.origin.url', `ext::sh -c touch% ${marker}`);
      git('-C', 'clone', 'config', 'protocol.ext.allow', 'always');

      const partial = (await openGitRepo(join(root, 'clone')))!;
      const entries = await partial.listTree(await partial.resolveCommit('HEAD'));
      const oid = (path: string) => entries.find((e) => e.path === path)!.oid;
      const sizes = await partial.blobSizes([oid('big.bin'), oid('small.txt')]);
      expect(sizes.get(oid('big.bin'))).toBeNull();
      expect(sizes.get(oid('small.txt'))).toBe(6);
      const blobs = await partial.readBlobs([oid('big.bin'), oid('small.txt')]);
      expect([...blobs.keys()]).toEqual([oid('small.txt')]);
      expect(existsSync(marker)).toBe(false);
    } finally {
      await rm(root, { recursive: true, force: true });
      await origin.cleanup();
    }
  });
});

describe('history', () => {
  it('reads commits newest first with authors, co-authors, times and touched paths, bounded', async () => {
    const repo = await makeGitRepo([
      { files: { 'a.py': 'x = 1\n' }, message: 'start' },
      { files: { 'b.py': 'y = 2\n', 'a.py': 'x = 3\n' }, message: 'add b\n\nCo-authored-by: Ada <ada@example.com>' },
      { files: { 'c.py': 'z\n' }, message: 'third' },
    ]);
    try {
      const git = await openGitRepo(repo.dir);
      const head = await git!.resolveCommit('HEAD');
      const all = await git!.history(head, 10);
      expect(all.commits.map((c) => [c.subject, c.files])).toEqual([['third', ['c.py']], ['add b', ['a.py', 'b.py']], ['start', ['a.py']]]);
      expect(all.commits[1]!.coAuthors).toEqual(['Ada <ada@example.com>']);
      expect(all).toMatchObject({ truncated: false, shallow: false });
      const two = await git!.history(head, 2);
      expect(two.commits).toHaveLength(2);
      expect(two.truncated).toBe(true);
    } finally {
      await repo.cleanup();
    }
  });
});
