/**
 * Hostile cases, group "URLs and cloning" (team spec hostile-cases.md). Every case also asserts the
 * three invariants (alive, no planted secret anywhere, no temporary folder left): see
 * test/helpers/hostile.ts. The validator's full table of refused URLs is test/source/parse-source.test.ts,
 * the clone's own tests are test/workspace/git/clone-remote*.test.ts; here each case goes through
 * the CLI or the whole review, with credentials planted in the environment.
 */
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseIssueLinks } from '../../src/source/parse-issue-links.js';
import { DEFAULT_LIMITS, type Limits } from '../../src/types.js';
import { startGitHttpServer, type GitHttpServer } from '../helpers/git-http-server.js';
import { errorLine, expectInvariants, hostileCli, hostileReview, PLANTED_TOKEN, recordChildProcesses, type ProcessRecorder } from '../helpers/hostile.js';
import { makeGitRepo, type GitRepoFixture } from '../helpers/make-git-repo.js';

const limits: Limits = { ...DEFAULT_LIMITS, cloneTimeoutMs: 15_000 };
const BASIC = Buffer.from(`x-access-token:${PLANTED_TOKEN}`).toString('base64');

let fixture: GitRepoFixture;
let server: GitHttpServer;
/** Serves only requests that carry the planted token: the installing org's own private repository. */
let privateServer: GitHttpServer;
let scratch: string;

beforeAll(async () => {
  fixture = await makeGitRepo({ 'README.md': '# Take-home\n', 'app.py': 'import chromadb\n' });
  [server, privateServer] = await Promise.all([
    startGitHttpServer({ tarpitIntervalMs: 2_000 }),
    startGitHttpServer({ authorization: `Basic ${BASIC}` }),
  ]);
  await server.addRepo('octo/take-home', fixture.dir);
  await privateServer.addRepo('installing-org/private-notes', fixture.dir);
  scratch = mkdtempSync(join(tmpdir(), 'hostile-urls-'));
});
afterAll(async () => {
  await Promise.all([server.close(), privateServer.close(), fixture.cleanup()]);
  rmSync(scratch, { recursive: true, force: true });
});

/** Every child process of this file's tests: a refused source must not start a single one. */
let recorder: ProcessRecorder;

/** Runs the CLI and expects it refused with one line, before any process was started. */
async function refusedBeforeGit(argv: string[], message: RegExp) {
  const before = { spawned: recorder.spawned().length, viaPath: recorder.viaPath().length };
  const run = await hostileCli(argv, { cwd: scratch });
  expect(run.code).toBe(2);
  expect(errorLine(run)).toMatch(message);
  expectInvariants(run);
  expect(recorder.spawned().slice(before.spawned)).toEqual([]);
  expect(recorder.viaPath().slice(before.viaPath)).toEqual([]);
  return run;
}

describe('URLs and cloning', () => {
  beforeAll(() => {
    recorder = recordChildProcesses();
  });
  afterAll(() => recorder.restore());

  it.each([
    ['ext::sh -c touch% CANARY'],
    ['ext::git-remote-ext'],
    ['EXT::sh -c touch% CANARY'],
  ])('ext:: URLs: %j is refused before git runs, and nothing is executed', async (url) => {
    const canary = join(scratch, 'ext-canary');
    await refusedBeforeGit(['review', url.replace('CANARY', canary)], /^unsupported source ".*": only https:\/\/ URLs on github\.com or a local folder$/);
    expect(existsSync(canary)).toBe(false);
  });

  it.each([
    [['review', '--upload-pack=touch /tmp/pwned'], /unknown option/i],
    [['review', '-u', 'touch /tmp/pwned'], /unknown option/i],
    [['review', '-utouch'], /unknown option/i],
    [['review', '-cprotocol.ext.allow=always', 'https://github.com/o/r'], /unknown option/i],
    [['review', '--', '--upload-pack=touch /tmp/pwned'], /only https:\/\//],
    [['review', '--', '-u touch'], /only https:\/\//],
    [['review', '--', '--config=protocol.ext.allow=always'], /only https:\/\//],
    [['review', '--', '-c protocol.ext.allow=always'], /only https:\/\//],
    [['review', '--', '--exec=touch /tmp/pwned'], /only https:\/\//],
  ])('option-like text where a URL is expected: %j is refused before git runs', async (argv, message) => {
    await refusedBeforeGit(argv, message);
  });

  it.each([
    ['file:///etc', /only https:\/\//],
    ['file://github.com/o/r', /only https:\/\//],
    ['ssh://git@github.com/o/r.git', /only https:\/\//],
    ['git@github.com:o/r.git', /only https:\/\//],
    ['git://github.com/o/r.git', /only https:\/\//],
    ['http://github.com/o/r', /only https:\/\//],
  ])('file://, ssh://, git@…, git://, http:// — %j is refused before git runs', async (url, message) => {
    await refusedBeforeGit(['review', url], message);
  });

  it('bare local paths and .. where a URL is expected (an issue body, a payload) are refused; the CLI refuses a symlinked folder', async () => {
    for (const input of ['..', '.', '/etc', 'submission', '../../etc/passwd', '~/.ssh']) {
      const run = await hostileReview(input, { cwd: scratch, allowLocal: false });
      expect(run.error, input).toBeInstanceOf(InputError);
      expect((run.error as Error).message).toMatch(/only https:\/\/ URLs are accepted here|only https:\/\/ URLs on github\.com"/);
      expectInvariants(run);
    }
    // An issue body's relative links are not links to repositories at all.
    expect(parseIssueLinks('see ../../etc/passwd and /etc and ./src', { host: 'github.com' })).toEqual({ sources: [], ignored: [] });
    // On the CLI a local folder is the user's own, but a symbolic link to one is not followed.
    const link = join(scratch, 'link-to-etc');
    symlinkSync('/etc', link);
    await refusedBeforeGit(['review', link], /^no such folder: .* \(it is a symbolic link\)$/);
  });

  it.each([
    ['https://github.com@evil.test/o/r', /credentials/],
    ['https://github.com.evil.test/o/r', /host github\.com\.evil\.test is not allowed/],
    ['https://evil.test/github.com/o', /host evil\.test is not allowed/],
    ['https://127.0.0.1/o/r', /IP addresses/],
    ['https://[::1]/o/r', /IP addresses/],
    ['https://2130706433/o/r', /IP addresses/],
    ['https://gіthub.com/o/r', /plain ASCII/], // Cyrillic і
    ['https://xn--gthub-2qa.com/o/r', /is not allowed/], // the same look-alike, punycode
  ])('host confusion: %j is refused before git runs', async (url, message) => {
    await refusedBeforeGit(['review', url], message);
  });

  it('host confusion: a redirect to loopback is not followed', async () => {
    const before = server.requests.length;
    const run = await hostileReview('https://github.com/octo/take-home', { limits, transport: { cloneUrl: server.redirectUrl('octo/take-home'), allowHttp: true } });
    expect(run.error).toBeInstanceOf(InputError);
    expect((run.error as Error).message).toBe('could not clone https://github.com/octo/take-home: the server answered with a redirect, which is not followed');
    expect(server.requests.slice(before).every((request) => request.path.startsWith('/redirect/'))).toBe(true);
    expectInvariants(run);
  });

  it.each([
    [`https://x-access-token:${PLANTED_TOKEN}@github.com/o/r`, /credentials/],
    [`https://${PLANTED_TOKEN}@github.com/o/r`, /credentials/],
    [`https://github.com/o/r?access_token=${PLANTED_TOKEN}`, /query strings/],
    [`https://github.com/o/r#${PLANTED_TOKEN}`, /fragments/],
  ])('credentials, query strings or fragments in the URL: %j is refused and the credential is not echoed', async (url, message) => {
    const run = await refusedBeforeGit(['review', url], message);
    expect(errorLine(run)).toMatch(/^unsupported source "https:\/\/(…@)?github\.com\/o\/r[?#]?…?"/);
  });

  it('a link to the installing org\'s own private repository in an issue body: not read with the installation token', async () => {
    const body = 'My notes: https://github.com/installing-org/private-notes (and my CV)';
    const { sources } = parseIssueLinks(body, { host: 'github.com' });
    expect(sources.map((s) => s.display)).toEqual(['https://github.com/installing-org/private-notes']);
    const before = privateServer.requests.length;
    // The token is planted everywhere (environment, git config, askpass), but the review of an
    // issue link is given no cloneAuth: the private repository stays closed.
    const run = await hostileReview(sources[0]!, { limits, transport: { cloneUrl: privateServer.url('installing-org/private-notes'), allowHttp: true } });
    expect(run.error).toBeInstanceOf(InputError);
    expect((run.error as Error).message).toBe('could not clone https://github.com/installing-org/private-notes: repository is private or needs authentication');
    const seen = privateServer.requests.slice(before);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.some((request) => request.authorization)).toBe(false);
    expectInvariants(run);
  });

  it('hundreds of links: deduplicated, capped, the rest listed as ignored', () => {
    const links = Array.from({ length: 700 }, (_, i) => `https://github.com/cand/repo-${i % 300}`);
    const body = `${links.join(' and ')}\n${'github.com/Cand/Repo-1 '.repeat(50)}`;
    const started = performance.now();
    const { sources, ignored } = parseIssueLinks(body, { host: 'github.com' });
    expect(performance.now() - started).toBeLessThan(500);
    expect(sources.map((s) => s.display)).toEqual(Array.from({ length: 10 }, (_, i) => `https://github.com/cand/repo-${i}`));
    expect(sources.every((s) => s.url === `https://github.com/${s.owner}/${s.repo}.git`)).toBe(true);
    // Each distinct repository past the cap is listed once; past 500 links reading stops, and says so.
    expect(ignored.filter((i) => i.reason === 'only the first 10 repositories are reviewed')).toHaveLength(290);
    expect(ignored.at(-1)).toEqual({ text: '500+ links', reason: 'only the first 500 links are read' });
    expect(new Set(ignored.map((i) => i.text.toLowerCase())).size).toBe(ignored.length);
  });

  it.each([
    ['missing', () => server.url('octo/missing'), 'repository not found (or private)'],
    ['private', () => server.privateUrl('octo/take-home'), 'repository is private or needs authentication'],
  ])('a private or missing repository (%s): fails fast with one line, no prompt hangs', async (_kind, url, reason) => {
    const started = Date.now();
    const run = await hostileCli(['review', 'https://github.com/octo/take-home'], { cwd: scratch, limits, transport: { cloneUrl: url(), allowHttp: true } });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(run.code).toBe(2);
    expect(errorLine(run)).toBe(`could not clone https://github.com/octo/take-home: ${reason}`);
    expectInvariants(run);
  });

  it('a remote that trickles one byte every few seconds: killed by the time limit, no stray git process', async () => {
    const started = Date.now();
    const run = await hostileReview('https://github.com/octo/take-home', {
      limits: { ...limits, cloneTimeoutMs: 1_000 },
      transport: { cloneUrl: server.tarpitUrl('octo/take-home'), allowHttp: true },
    });
    expect((run.error as Error).message).toBe('could not clone https://github.com/octo/take-home: timed out after 1 s');
    expect(Date.now() - started).toBeLessThan(5_000);
    expectInvariants(run); // includes: no git process of this run still running
  });

  it.each([
    ['refused (401)', () => privateServer.url('installing-org/private-notes'), 'a-different-token-0000000000000000000000', 'repository is private or needs authentication'],
    ['missing (404)', () => server.url('octo/missing'), PLANTED_TOKEN, 'repository not found (or private)'],
    ['timed out', () => server.tarpitUrl('octo/take-home'), PLANTED_TOKEN, 'timed out after 1 s'],
  ])('a clone that fails with a token set (%s): the token appears nowhere', async (_kind, url, token, reason) => {
    const run = await hostileReview('https://github.com/installing-org/private-notes', {
      limits: { ...limits, cloneTimeoutMs: 1_000 },
      transport: { cloneUrl: url(), allowHttp: true },
      cloneAuth: { token },
      gitDebug: 'commands', // the verbose log's leak is its own case, below
    });
    expect((run.error as Error).message).toBe(`could not clone https://github.com/installing-org/private-notes: ${reason}`);
    expect(run.logs).toContain('--config-env=http.extraHeader=CANDIDATE_REVIEW_HTTP_AUTHORIZATION'); // the debug log was on and searched
    expect(run.logs).not.toContain(token);
    expectInvariants(run);
  });

  it('a clone that succeeds with a token set: the token is in no report, log or .git/config', async () => {
    const run = await hostileReview('https://github.com/installing-org/private-notes', {
      limits,
      transport: { cloneUrl: privateServer.url('installing-org/private-notes'), allowHttp: true },
      cloneAuth: { token: PLANTED_TOKEN },
      gitDebug: 'commands',
    });
    expect(run.report?.stack.vectorStores.map((v) => v.id)).toEqual(['chroma']);
    expect(run.gitState).toContain('[remote "origin"]'); // .git/config was read while the clone existed
    expectInvariants(run);
  });

  // KNOWN LEAK (reported to the lead, not fixed here: src/workspace/git/ is not this suite's to
  // edit). With `DEBUG=simple-git:*` (or `DEBUG=*`), simple-git logs each command's spawn options
  // with `%O`, environment included, so the `Authorization: Basic …` header behind
  // `--config-env=http.extraHeader=CANDIDATE_REVIEW_HTTP_AUTHORIZATION` is printed to stderr.
  // When the fix lands (an env object whose util.inspect.custom hides the header), this test
  // fails: turn `it.fails` into `it`.
  it('a clone with a token set and simple-git\'s verbose debug log on: the header is not logged', async () => {
    const run = await hostileReview('https://github.com/installing-org/private-notes', {
      limits,
      transport: { cloneUrl: privateServer.url('installing-org/private-notes'), allowHttp: true },
      cloneAuth: { token: PLANTED_TOKEN },
      gitDebug: 'everything',
    });
    expect(run.report).not.toBeNull();
    expect(run.logs).toContain('[SPAWN]');
    expectInvariants(run);
  });
});
