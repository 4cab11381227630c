/**
 * Hostile cases, group "GitHub API" (team spec hostile-cases.md): the real server (startApp) on
 * 127.0.0.1 in front of the loopback fake GitHub API (test/helpers/fake-github-api.ts), whose
 * answers each case scripts — a secondary or primary rate limit, a 502 or a dropped connection
 * after a create that did succeed, 403/401/404/410 refusals, 5xx and dropped connections on reads,
 * slow answers, a push during a review. test/app/github-faults.test.ts proves the same rules one
 * request at a time (nock); these run them over HTTP through the app's own Octokit and logger.
 *
 * Each case asserts its expectation and the invariants that apply to the app: alive (no unhandled
 * rejection, `/ping` answers), no secret in any log line (the app's pino logger at trace level),
 * and no check run left in progress. Waits are scaled (`retry-after: 1` waits 50 ms); the review
 * is a stand-in returning a real report.
 */
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readEnv } from '../../src/app/env.js';
import { neutralOutputs } from '../../src/app/neutral-outputs.js';
import { startApp, type RunningApp } from '../../src/app/server.js';
import type { Report } from '../../src/report/build-report.js';
import { startFakeGitHubApi, type FakeGitHubApi, type FakeRequest, type Fault } from '../helpers/fake-github-api.js';
import { reviewFixture } from '../helpers/review-fixture.js';
import { fastAppOctokit, heldReview, loopbackAppEnvironment, signDelivery } from '../helpers/loopback-app.js';

const APP_ID = 4208;
const SECRET = 'hostile-github-api-secret-4c2b9e17aa';
const TOKEN = 'ghs_HostileGitHubApiInstallationTok3n042';
const { privateKey: PEM, publicKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const b64 = (text: string) => Buffer.from(text).toString('base64');
const SECRET_FORMS = [SECRET, b64(SECRET), TOKEN, b64(TOKEN), b64(`x-access-token:${TOKEN}`), PEM.split('\n')[1]!, b64(PEM).slice(0, 60)];

const OWNER = 'Codertocat';
/** Reports in the check run (the default). */
const CHECKED = 'Checked';
/** Reports in a PR comment (its config says so). */
const COMMENTED = 'Commented';
const head = (n: number, version = 0) => createHmac('sha1', 'github-api').update(`${n}:${version}`).digest('hex');

const FastAppOctokit = fastAppOctokit(50);

let report: Report;
let api: FakeGitHubApi;
let app: RunningApp;
const output: string[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
const reviewed: string[] = [];
const held = new Map<string, () => void>();
const pulls: Record<string, { headSha: string }> = {};
for (let n = 1; n < 40; n++) for (const repo of [CHECKED, COMMENTED]) pulls[`${OWNER}/${repo}#${n}`] = { headSha: head(n) };
/** The fault script of the running case (none: every answer is right). */
let script: (request: FakeRequest) => Fault | undefined = () => undefined;

beforeAll(async () => {
  report = await reviewFixture('prompt-only-openai');
  process.on('unhandledRejection', onUnhandled);
  api = await startFakeGitHubApi({
    appId: APP_ID,
    publicKey,
    installationToken: TOKEN,
    cloneToken: 'ghs_HostileGitHubApiUnusedCloneTok3n0042',
    pulls,
    configs: { [`${OWNER}/${COMMENTED}`]: 'report:\n  target: pr-comment\n' },
    fault: (request) => script(request),
  });
  const destination = new PassThrough();
  destination.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  const review = heldReview(report, reviewed, held);
  app = await startApp(
    readEnv(
      loopbackAppEnvironment({ appId: APP_ID, privateKey: PEM, secret: SECRET, apiPort: api.port }, { LOG_LEVEL: 'trace', LOG_FORMAT: 'json' }),
    ),
    { logDestination: destination, Octokit: FastAppOctokit, deps: { review, wait: async () => undefined } },
  );
}, 30_000);

afterAll(async () => {
  await app?.close(2_000);
  await api?.close();
  process.off('unhandledRejection', onUnhandled);
});

let logFrom = 0;
beforeEach(() => {
  script = () => undefined;
  logFrom = output.length;
});

/** `level message` for each line the app logged during the running case. */
function logged(): string[] {
  const names: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
  return output
    .slice(logFrom)
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const { level, msg } = JSON.parse(line) as { level: number; msg?: string };
      return `${names[level] ?? level} ${msg ?? ''}`;
    });
}
const problems = () => logged().filter((line) => /^(warn|error|fatal) /.test(line));

const sign = (body: string) => signDelivery(body, SECRET);
let deliveries = 0;
async function deliverPullRequest(repo: string, n: number, version = 0): Promise<void> {
  const payload = JSON.parse(readFileSync(new URL('../fixtures/events/pull_request.opened.json', import.meta.url), 'utf8'));
  payload.action = version ? 'synchronize' : 'opened';
  payload.repository = { ...payload.repository, name: repo, full_name: `${OWNER}/${repo}` };
  payload.number = n;
  payload.pull_request = {
    ...payload.pull_request,
    number: n,
    updated_at: new Date(Date.UTC(2026, 2, 5, 10, version)).toISOString(),
    head: { ...payload.pull_request.head, sha: head(n, version) },
    base: { ...payload.pull_request.base, sha: 'b'.repeat(40), ref: 'main' },
  };
  const body = JSON.stringify(payload);
  const response = await fetch(`${app.url}/api/github/webhooks`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': `0000a91e-0000-4000-8000-${String(++deliveries).padStart(12, '0')}`, 'x-hub-signature-256': sign(body) },
  });
  await response.arrayBuffer();
  expect(response.status).toBe(200);
}

/** Faults `fault` into the first `times` requests that match. */
function first(times: number, matches: (request: FakeRequest) => boolean, fault: Fault): (request: FakeRequest) => Fault | undefined {
  let left = times;
  return (request) => (left > 0 && matches(request) ? (left--, fault) : undefined);
}
const is = (method: string, path: RegExp) => (request: FakeRequest) => request.method === method && path.test(request.path);

async function settle(): Promise<void> {
  await delay(30);
  await app.queue.onIdle();
  await expect.poll(() => api.checkRuns.filter((run) => run.status !== 'completed').length, { timeout: 10_000 }).toBe(0);
}
const runsAt = (n: number, version = 0) => api.checkRuns.filter((run) => run.head_sha === head(n, version));
const commentsOn = (n: number) => api.comments.filter((comment) => comment.issue === `${OWNER}/${COMMENTED}#${n}`);
const reviewsOf = (n: number, version = 0) => reviewed.filter((line) => line.endsWith(head(n, version)));
const REPORT_TITLE = /^openai · /;

async function expectInvariants(): Promise<void> {
  expect(unhandled).toEqual([]);
  expect(await (await fetch(`${app.url}/ping`)).text()).toBe('PONG');
  const all = output.join('');
  expect(SECRET_FORMS.filter((secret) => all.includes(secret))).toEqual([]);
  expect(api.checkRuns.filter((run) => run.status !== 'completed')).toEqual([]);
}

describe('GitHub API', () => {
  it('secondary rate limit with retry-after on the comment: one comment in the end, not zero, not two', async () => {
    script = first(2, is('POST', /\/issues\/1\/comments$/), { kind: 'secondary-limit', value: 1 });
    await deliverPullRequest(COMMENTED, 1);
    await settle();
    expect(commentsOn(1)).toHaveLength(1);
    expect(runsAt(1)).toHaveLength(1);
    expect(runsAt(1)[0]!.output?.title).toBe('Report posted as a comment');
    expect(problems()).toEqual([
      'warn GitHub secondary rate limit on POST /repos/{owner}/{repo}/issues/{issue_number}/comments: retrying in 1 s',
      'warn GitHub secondary rate limit on POST /repos/{owner}/{repo}/issues/{issue_number}/comments: retrying in 1 s',
    ]);
    await expectInvariants();
  });

  it('primary limit exhausted: the request waits for the reset, then the report is published', async () => {
    const reset = () => String(Math.ceil(Date.now() / 1000) + 1);
    let limitedAt = 0;
    script = (request) => {
      if (limitedAt || !is('GET', /\/pulls\/2$/)(request)) return undefined;
      limitedAt = performance.now();
      return { kind: 'answer', answer: { status: 403, message: 'API rate limit exceeded for installation ID 1.', headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset() } } };
    };
    await deliverPullRequest(CHECKED, 2);
    await settle();
    const asked = api.requests.filter(is('GET', /\/pulls\/2$/));
    expect(asked).toHaveLength(2); // the limited one, then once after the reset
    expect(runsAt(2)).toHaveLength(1);
    expect(runsAt(2)[0]!.output?.title).toMatch(REPORT_TITLE);
    expect(problems()).toEqual([expect.stringMatching(/^warn GitHub rate limit exhausted on GET \/repos\/\{owner\}\/\{repo\}\/pulls\/\{pull_number\}: retrying after the reset in \d s$/)]);
    await expectInvariants();
  });

  it('a 502 on a check-run create that actually succeeded: the existing run is found, no duplicate', async () => {
    script = first(1, is('POST', /\/Checked\/check-runs$/), { kind: '502', phase: 'after' });
    await deliverPullRequest(CHECKED, 3);
    await settle();
    expect(api.requests.filter(is('POST', /\/Checked\/check-runs$/)).filter((r) => (r.body as { head_sha?: string }).head_sha === head(3))).toHaveLength(1);
    expect(runsAt(3)).toHaveLength(1);
    expect(runsAt(3)[0]).toMatchObject({ status: 'completed', conclusion: 'neutral' });
    expect(runsAt(3)[0]!.output?.title).toMatch(REPORT_TITLE);
    expect(problems()).toEqual([]);
    await expectInvariants();
  });

  it('a dropped connection after a comment create that succeeded: one comment, found rather than posted again', async () => {
    script = first(1, is('POST', /\/issues\/4\/comments$/), { kind: 'drop', phase: 'after' });
    await deliverPullRequest(COMMENTED, 4);
    await settle();
    expect(api.requests.filter(is('POST', /\/issues\/4\/comments$/))).toHaveLength(1);
    expect(commentsOn(4)).toHaveLength(1);
    expect(runsAt(4)[0]!.output?.summary).toContain(commentsOn(4)[0]!.html_url);
    await expectInvariants();
  });

  it('403 "resource not accessible": stops cleanly with one actionable log line, no review', async () => {
    script = (request) =>
      is('POST', /\/check-runs$/)(request) && JSON.stringify(request.body).includes(head(5))
        ? { kind: 'answer', answer: { status: 403, message: 'Resource not accessible by integration' } }
        : undefined;
    await deliverPullRequest(CHECKED, 5);
    await settle();
    expect(reviewsOf(5)).toEqual([]);
    expect(runsAt(5)).toEqual([]);
    expect(problems()).toEqual([
      'warn codertocat/checked#5: GitHub answered 403 to POST /api/v3/repos/Codertocat/Checked/check-runs (Resource not accessible by integration): the app lacks a permission or this repository is not in the installation: compare the installation permissions with app.yml (checks write, contents read, issues write, pull requests read)',
    ]);
    await expectInvariants();
  });

  it('401 after the app was uninstalled: stops cleanly with one actionable log line, no review', async () => {
    script = (request) =>
      /\/Checked\/contents\//.test(request.path) || is('PATCH', /\/check-runs\//)(request)
        ? { kind: 'answer', answer: { status: 401, message: 'Bad credentials' } }
        : undefined;
    await deliverPullRequest(CHECKED, 6);
    await delay(30);
    await app.queue.onIdle();
    script = () => undefined;
    // The run it could not complete stays as GitHub has it (an uninstalled app's run: out of the invariants); one attempt, nothing more.
    const [stuck] = runsAt(6);
    api.checkRuns.splice(api.checkRuns.indexOf(stuck!), 1);
    expect(api.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith(`/check-runs/${stuck!.id}`))).toHaveLength(1);
    expect(reviewsOf(6)).toEqual([]);
    // @octokit/auth-app first retries a 401 on a token minted seconds ago (GitHub's replication delay): its lines, then the app's one line.
    const lines = problems().filter((line) => !line.startsWith('warn [@octokit/auth-app] Retrying after 401'));
    expect(lines).toEqual([
      expect.stringMatching(
        /^warn codertocat\/checked#6: GitHub answered 401 to GET \/api\/v3\/repos\/Codertocat\/Checked\/contents\/\.github%2Fcandidate-review\.yml \(.*\): the app credentials were refused: was the app uninstalled, or its private key rotated\? Check APP_ID and PRIVATE_KEY$/,
      ),
    ]);
    await expectInvariants();
  }, 20_000);

  it('404 (the pull request is gone) and 410 (issues turned off): one actionable line each, the run completes neutral', async () => {
    script = (request) =>
      is('GET', /\/Checked\/pulls\/7$/)(request)
        ? { kind: 'answer', answer: { status: 404, message: 'Not Found' } }
        : is('GET', /\/issues\/8\/comments/)(request)
          ? { kind: 'answer', answer: { status: 410, message: 'Issues are disabled for this repo' } }
          : undefined;
    await deliverPullRequest(CHECKED, 7);
    await deliverPullRequest(COMMENTED, 8);
    await settle();
    expect(problems().sort()).toEqual([
      expect.stringMatching(/^warn codertocat\/checked#7: GitHub answered 404 to GET \/api\/v3\/repos\/Codertocat\/Checked\/pulls\/7 \(Not Found\): not found: /),
      expect.stringMatching(/^warn codertocat\/commented#8: GitHub answered 410 to GET \/api\/v3\/repos\/Codertocat\/Commented\/issues\/8\/comments \(Issues are disabled for this repo\): gone: /),
    ]);
    for (const run of [...runsAt(7), ...runsAt(8)]) expect(run.output?.title).toBe(neutralOutputs.failed('').title);
    expect(commentsOn(8)).toEqual([]);
    await expectInvariants();
  });

  it('5xx and dropped connections on reads and on the completing update: retried, one run completed with the report', async () => {
    const faults = new Map<string, Fault>([
      ['GET check-runs', { kind: '502' }],
      ['GET contents', { kind: 'drop' }],
      ['GET pulls', { kind: '502' }],
      ['PATCH check-runs', { kind: 'drop', phase: 'after' }],
    ]);
    script = (request) => {
      if (!request.path.includes('/Checked/') || (!request.path.includes(head(9)) && !/pulls\/9$|contents|check-runs\/\d+$/.test(request.path))) return undefined;
      const kind = `${request.method} ${/check-runs/.test(request.path) ? 'check-runs' : /contents/.test(request.path) ? 'contents' : /pulls/.test(request.path) ? 'pulls' : '?'}`;
      const fault = faults.get(kind);
      faults.delete(kind);
      return fault;
    };
    await deliverPullRequest(CHECKED, 9);
    await settle();
    expect([...faults.keys()]).toEqual([]); // every fault was met
    expect(runsAt(9)).toHaveLength(1);
    expect(runsAt(9)[0]!.output?.title).toMatch(REPORT_TITLE);
    expect(problems()).toEqual([]);
    await expectInvariants();
  });

  it('slow answers (every request 300 ms): the webhook is still answered at once, the review completes', async () => {
    script = (request) => (request.path.includes('/Checked/') ? { kind: 'slow', value: 300 } : undefined);
    const started = performance.now();
    await deliverPullRequest(CHECKED, 10);
    expect(performance.now() - started).toBeLessThan(500);
    await settle();
    expect(runsAt(10)).toHaveLength(1);
    expect(runsAt(10)[0]!.output?.title).toMatch(REPORT_TITLE);
    await expectInvariants();
  });

  it('a force-push or new push during a review: nothing posted to the stale SHA, the new head gets the report', async () => {
    // A push whose delivery never came: the head moved while the review ran.
    held.set(head(11), () => undefined);
    await deliverPullRequest(CHECKED, 11);
    await expect.poll(() => reviewsOf(11).length).toBe(1);
    pulls[`${OWNER}/${CHECKED}#11`] = { headSha: 'f'.repeat(40) };
    held.get(head(11))!();
    // A push whose synchronize delivery arrives during the review (comment-reporting repository).
    held.set(head(12), () => undefined);
    await deliverPullRequest(COMMENTED, 12);
    await expect.poll(() => reviewsOf(12).length).toBe(1);
    pulls[`${OWNER}/${COMMENTED}#12`] = { headSha: head(12, 1) };
    await deliverPullRequest(COMMENTED, 12, 1);
    held.get(head(12))!();
    held.clear();
    await settle();

    const superseded = neutralOutputs.superseded(head(11)).title;
    expect(runsAt(11)).toHaveLength(1);
    expect(runsAt(11)[0]!.output?.title).toBe(superseded);
    expect(runsAt(11)[0]!.history.some((h) => JSON.stringify(h).includes('openai'))).toBe(false);
    expect(runsAt(12)[0]!.output?.title).toBe(superseded);
    expect(runsAt(12, 1)[0]!.output?.title).toBe('Report posted as a comment');
    expect(commentsOn(12)).toHaveLength(1);
    expect(commentsOn(12)[0]!.history).toHaveLength(1); // only the new head's report was ever written
    expect(commentsOn(12)[0]!.body).toContain(head(12, 1).slice(0, 12));
    await expectInvariants();
  });
});
