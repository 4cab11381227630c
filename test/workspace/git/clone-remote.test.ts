import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { parseSource } from '../../../src/source/parse-source.js';
import { DEFAULT_LIMITS, type Limits } from '../../../src/types.js';
import { cloneRemote, type RemoteSource } from '../../../src/workspace/git/clone-remote.js';
import { startGitHttpServer, type GitHttpServer } from '../../helpers/git-http-server.js';
import { makeGitRepo, type GitRepoFixture } from '../../helpers/make-git-repo.js';

const TOKEN = 'ghs_SECRETTOKEN1234567890';
const big = Buffer.alloc(5000, 7);
const limits: Limits = { ...DEFAULT_LIMITS, cloneTimeoutMs: 20_000, cloneBlobLimitBytes: 1000 };

let server: GitHttpServer;
let fixture: GitRepoFixture;
let tempRoot: string;
const savedTmp = process.env.TMPDIR;

const source = (name: string) =>
  parseSource(`https://github.com/${name}`, { cwd: '/' }) as RemoteSource;

beforeAll(async () => {
  fixture = await makeGitRepo([
    { files: { 'README.md': 'first\n', 'old.py': 'x\n' } },
    {
      files: {
        'README.md': '# Take-home\n',
        'src/train.py': 'import torch\n',
        'model.safetensors': big,
        leak: { symlink: '/etc/passwd' },
        '.gitmodules': '[submodule "x"]\n\tpath = x\n\turl = file:///etc\n',
      },
    },
  ]);
  server = await startGitHttpServer({ tarpitIntervalMs: 200 });
  await server.addRepo('octo/take-home', fixture.dir);
  process.env.GITHUB_TOKEN = TOKEN;
});

afterAll(async () => {
  await server.close();
  await fixture.cleanup();
  delete process.env.GITHUB_TOKEN;
});

// Each clone's temporary folder goes under a private TMPDIR, to check that nothing is left behind.
beforeEach(async () => {
  tempRoot = await mkdtemp(join(tmpdir(), 'clone-remote-test-'));
  process.env.TMPDIR = tempRoot;
});
afterEach(async () => {
  process.env.TMPDIR = savedTmp;
  if (savedTmp === undefined) delete process.env.TMPDIR;
  await rm(tempRoot, { recursive: true, force: true });
});

const leftovers = () => readdirSync(tempRoot);

const failure = (promise: Promise<unknown>): Promise<Error> =>
  promise.then(
    () => {
      throw new Error('expected the clone to fail');
    },
    (error: unknown) => error as Error,
  );

describe('cloneRemote', () => {
  it('fetches up to cloneHistoryDepth commits, enough history for a take-home', async () => {
    const clone = await cloneRemote(source('octo/take-home'), {
      limits: { ...limits, cloneHistoryDepth: 50 },
      transport: { cloneUrl: server.url('octo/take-home'), allowHttp: true },
    });
    try {
      expect(clone.depth).toBe(50);
      const head = await clone.repo.resolveCommit('HEAD');
      const history = await clone.repo.history(head, 100);
      expect(history.commits.map((c) => c.sha)).toEqual([...fixture.commits].reverse());
    } finally {
      await clone.cleanup();
    }
  });

  it('clones without checkout and reads the tree from the object database', async () => {
    const clone = await cloneRemote(source('octo/take-home'), {
      limits: { ...limits, cloneHistoryDepth: 1 },
      transport: { cloneUrl: server.url('octo/take-home'), allowHttp: true },
    });
    try {
      const head = await clone.repo.resolveCommit('HEAD');
      expect(head).toBe(fixture.commits[1]);
      const entries = await clone.repo.listTree(head);
      const leak = entries.find((e) => e.path === 'leak')!;
      expect(leak.mode).toBe('120000');

      // Nothing is checked out: the symlink exists only as a blob holding its target.
      expect(readdirSync(clone.repo.dir)).toEqual(['.git']);
      const blobs = await clone.repo.readBlobs(entries.map((e) => e.oid));
      expect(blobs.get(leak.oid)?.toString()).toBe('/etc/passwd');
      expect(blobs.get(entries.find((e) => e.path === 'README.md')!.oid)?.toString()).toBe('# Take-home\n');

      // Shallow at depth 1: the first commit is not there.
      expect(clone.depth).toBe(1);
      await expect(clone.repo.resolveCommit('HEAD~1')).rejects.toThrow(InputError);

      // No submodule was cloned, no hook or template was installed.
      expect(existsSync(join(clone.repo.dir, 'x'))).toBe(false);
      expect(existsSync(join(clone.repo.dir, '.git', 'hooks'))).toBe(false);
    } finally {
      await clone.cleanup();
    }
    expect(leftovers()).toEqual([]);
    await clone.cleanup(); // idempotent
  });

  it('leaves blobs over the limit out and never fetches them later', async () => {
    const clone = await cloneRemote(source('octo/take-home'), {
      limits,
      transport: { cloneUrl: server.url('octo/take-home'), allowHttp: true },
    });
    try {
      const entries = await clone.repo.listTree(await clone.repo.resolveCommit('HEAD'));
      const model = entries.find((e) => e.path === 'model.safetensors')!;
      const readme = entries.find((e) => e.path === 'README.md')!;
      const requestsBefore = server.requests.length;

      const sizes = await clone.repo.blobSizes([model.oid, readme.oid]);
      expect(sizes.get(model.oid)).toBeNull();
      expect(sizes.get(readme.oid)).toBe(12);
      const blobs = await clone.repo.readBlobs([model.oid, readme.oid]);
      expect(blobs.has(model.oid)).toBe(false);
      expect(blobs.get(readme.oid)?.toString()).toBe('# Take-home\n');

      expect(server.requests.length).toBe(requestsBefore);
    } finally {
      await clone.cleanup();
    }
  });

  it('clones the whole history when asked', async () => {
    const clone = await cloneRemote(source('octo/take-home'), {
      limits,
      fullHistory: true,
      transport: { cloneUrl: server.url('octo/take-home'), allowHttp: true },
    });
    try {
      const [first, second] = fixture.commits as [string, string];
      expect(await clone.repo.resolveCommit('HEAD~1')).toBe(first);
      expect([...(await clone.repo.changedPaths(first, second))].sort()).toEqual([
        '.gitmodules',
        'README.md',
        'leak',
        'model.safetensors',
        'src/train.py',
      ]);
    } finally {
      await clone.cleanup();
    }
  });

  it('keeps no credentials in .git/config', async () => {
    const clone = await cloneRemote(source('octo/take-home'), {
      limits,
      transport: { cloneUrl: server.url('octo/take-home'), allowHttp: true },
    });
    try {
      const config = readFileSync(join(clone.repo.dir, '.git', 'config'), 'utf8');
      expect(config).not.toContain(TOKEN);
      expect(config).not.toMatch(/@|extraheader|password|token/i);
      expect(config).toContain(`url = ${server.url('octo/take-home')}`);
    } finally {
      await clone.cleanup();
    }
  });

  it('fails fast on a missing repository, without a prompt, and removes its folder', async () => {
    const started = Date.now();
    const error = await failure(
      cloneRemote(source('octo/missing'), {
        limits,
        transport: { cloneUrl: server.url('octo/missing'), allowHttp: true },
      }),
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe('could not clone https://github.com/octo/missing: repository not found (or private)');
    expect(error.message).not.toContain('127.0.0.1');
    expect(error.message).not.toContain(TOKEN);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(leftovers()).toEqual([]);
  });

  it('fails fast on a repository that asks for credentials, without a prompt', async () => {
    const started = Date.now();
    const error = await failure(
      cloneRemote(source('octo/take-home'), {
        limits,
        transport: { cloneUrl: server.privateUrl('octo/take-home'), allowHttp: true },
      }),
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      'could not clone https://github.com/octo/take-home: repository is private or needs authentication',
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(leftovers()).toEqual([]);
  });

  it('does not follow a redirect', async () => {
    const before = server.requests.length;
    const error = await failure(
      cloneRemote(source('octo/take-home'), {
        limits,
        transport: { cloneUrl: server.redirectUrl('octo/take-home'), allowHttp: true },
      }),
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(/^could not clone https:\/\/github\.com\/octo\/take-home: .*redirect/);
    const seen = server.requests.slice(before).map((r) => r.path);
    expect(seen.every((path) => path.startsWith('/redirect/'))).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it('kills a clone that trickles past the time limit, leaving no folder and no git process', async () => {
    const started = Date.now();
    const error = await failure(
      cloneRemote(source('octo/take-home'), {
        limits: { ...limits, cloneTimeoutMs: 1_000 },
        transport: { cloneUrl: server.tarpitUrl('octo/take-home'), allowHttp: true },
      }),
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe('could not clone https://github.com/octo/take-home: timed out after 1 s');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(leftovers()).toEqual([]);
    await expect.poll(() => gitProcessesMentioning(`127.0.0.1:${server.port}`), { timeout: 2_000 }).toEqual([]);
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const error = await failure(
      cloneRemote(source('octo/take-home'), {
        limits,
        signal: controller.signal,
        transport: { cloneUrl: server.tarpitUrl('octo/take-home'), allowHttp: true },
      }),
    );
    expect(error.message).toBe('could not clone https://github.com/octo/take-home: cancelled');
    expect(leftovers()).toEqual([]);
    await expect.poll(() => gitProcessesMentioning(`127.0.0.1:${server.port}`), { timeout: 2_000 }).toEqual([]);
  });

  it('refuses a test transport that is not http on 127.0.0.1', async () => {
    await expect(
      cloneRemote(source('octo/take-home'), {
        limits,
        transport: { cloneUrl: 'ext::sh -c touch% /tmp/pwned', allowHttp: true },
      }),
    ).rejects.toThrow(/127\.0\.0\.1/);
    expect(leftovers()).toEqual([]);
  });

  it('refuses a hand-made source whose URL was not rebuilt', async () => {
    const forged: RemoteSource = {
      kind: 'remote',
      host: 'github.com',
      owner: 'o',
      repo: 'r',
      url: 'https://github.com/o/r.git --upload-pack=touch /tmp/pwned',
      display: 'https://github.com/o/r',
    };
    await expect(cloneRemote(forged, { limits })).rejects.toThrow(InputError);
    expect(leftovers()).toEqual([]);
  });
});

/** Command lines of running processes that mention `text` (Linux /proc). */
function gitProcessesMentioning(text: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmdline.includes('git') && cmdline.includes(text)) found.push(cmdline);
    } catch {
      // the process ended meanwhile
    }
  }
  return found;
}
