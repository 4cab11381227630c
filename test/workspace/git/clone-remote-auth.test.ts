import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { review } from '../../../src/review.js';
import { parseSource } from '../../../src/source/parse-source.js';
import { DEFAULT_LIMITS, type Limits } from '../../../src/types.js';
import { cloneRemote, type RemoteSource } from '../../../src/workspace/git/clone-remote.js';
import { startGitHttpServer, type GitHttpServer } from '../../helpers/git-http-server.js';
import { makeGitRepo, type GitRepoFixture } from '../../helpers/make-git-repo.js';

// An installation token as GitHub issues them, and every form it could leak in.
const TOKEN = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a';
const BASIC = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');
const leaks = (text: string): string[] => [TOKEN, BASIC].filter((secret) => text.includes(secret));

const limits: Limits = { ...DEFAULT_LIMITS, cloneTimeoutMs: 20_000 };
const source = parseSource('https://github.com/octo/private-take-home', { cwd: '/' }) as RemoteSource;

let server: GitHttpServer;
let fixture: GitRepoFixture;

beforeAll(async () => {
  fixture = await makeGitRepo({ 'README.md': '# Private take-home\n', 'app.py': 'import chromadb\n' });
  server = await startGitHttpServer({ authorization: `Basic ${BASIC}`, tarpitIntervalMs: 200 });
  await server.addRepo('octo/private-take-home', fixture.dir);
});
afterAll(async () => {
  await server.close();
  await fixture.cleanup();
});

const transport = () => ({ cloneUrl: server.url('octo/private-take-home'), allowHttp: true as const });

const failure = (promise: Promise<unknown>): Promise<Error> =>
  promise.then(
    () => {
      throw new Error('expected the clone to fail');
    },
    (error: unknown) => error as Error,
  );

describe('cloneRemote with an installation token', () => {
  it('clones a repository that needs the token, and keeps the token out of .git/config', async () => {
    const before = server.requests.length;
    const clone = await cloneRemote(source, { limits, transport: transport(), auth: { token: TOKEN } });
    try {
      const entries = await clone.repo.listTree(await clone.repo.resolveCommit('HEAD'));
      expect(entries.map((e) => e.path).sort()).toEqual(['README.md', 'app.py']);
      const config = readFileSync(join(clone.repo.dir, '.git', 'config'), 'utf8');
      expect(leaks(config)).toEqual([]);
      expect(config).not.toMatch(/extraheader|authorization|x-access-token/i);
      expect(config).toContain(`url = ${server.url('octo/private-take-home')}`);
    } finally {
      await clone.cleanup();
    }
    const seen = server.requests.slice(before);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((request) => request.authorization)).toBe(true);
  });

  it('fails with one line when the token is missing, and sends no header at all', async () => {
    const before = server.requests.length;
    const error = await failure(cloneRemote(source, { limits, transport: transport() }));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      'could not clone https://github.com/octo/private-take-home: repository is private or needs authentication',
    );
    expect(server.requests.slice(before).some((request) => request.authorization)).toBe(false);
  });

  it('fails with one line that holds no secret when the token is refused', async () => {
    const wrong = `${TOKEN.slice(0, -1)}X`;
    const error = await failure(cloneRemote(source, { limits, transport: transport(), auth: { token: wrong } }));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      'could not clone https://github.com/octo/private-take-home: repository is private or needs authentication',
    );
    expect(error.message).not.toContain(wrong);
    expect(error.message).not.toContain(Buffer.from(`x-access-token:${wrong}`).toString('base64'));
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(wrong.slice(4));
  });

  it('refuses a token that could add a header line, without echoing it', async () => {
    const hostile = `${TOKEN}\r\nX-Evil: 1`;
    const error = await failure(cloneRemote(source, { limits, transport: transport(), auth: { token: hostile } }));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe('the clone token is not a valid GitHub token');
  });

  it('puts the header in the environment of git, never on a command line anyone can list', async () => {
    const controller = new AbortController();
    const running = failure(
      cloneRemote(source, {
        limits,
        signal: controller.signal,
        auth: { token: TOKEN },
        // answers slowly (regardless of the header), so the git processes can be inspected meanwhile
        transport: { cloneUrl: server.tarpitUrl('octo/private-take-home'), allowHttp: true },
      }),
    );
    try {
      const mention = `127.0.0.1:${server.port}/tarpit/`;
      await expect.poll(() => gitProcesses(mention).length, { timeout: 5_000 }).toBeGreaterThan(0);
      const processes = gitProcesses(mention);
      for (const { cmdline } of processes) expect(leaks(cmdline)).toEqual([]);
      expect(processes.map((p) => p.cmdline).join('\n')).toContain(
        '--config-env=http.extraHeader=CANDIDATE_REVIEW_HTTP_AUTHORIZATION',
      );
      // The header itself travels in the environment, readable only by the same user.
      const git = processes.find((p) => p.cmdline.includes('--config-env'))!;
      expect(git.environ).toContain(`CANDIDATE_REVIEW_HTTP_AUTHORIZATION=Authorization: Basic ${BASIC}`);
    } finally {
      controller.abort();
    }
    expect((await running).message).toBe('could not clone https://github.com/octo/private-take-home: cancelled');
  });

  it('reviews the private repository with no secret in the progress lines or the report', async () => {
    const progress: string[] = [];
    const report = await review(source, {
      limits,
      transport: transport(),
      cloneAuth: { token: TOKEN },
      progress: (line) => progress.push(line),
    });
    expect(report.target.files).toBeGreaterThan(0);
    expect(leaks(progress.join('\n'))).toEqual([]);
    expect(leaks(JSON.stringify(report))).toEqual([]);
  });
});

/** Running processes whose command line mentions `text`, with their environment (Linux /proc). */
function gitProcesses(text: string): { cmdline: string; environ: string }[] {
  const found: { cmdline: string; environ: string }[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (!cmdline.includes('git') || !cmdline.includes(text)) continue;
      found.push({ cmdline, environ: readFileSync(`/proc/${pid}/environ`, 'utf8').replace(/\0/g, '\n') });
    } catch {
      // the process ended meanwhile
    }
  }
  return found;
}
