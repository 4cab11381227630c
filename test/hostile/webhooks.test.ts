/**
 * Hostile cases, group "Webhooks" (team spec hostile-cases.md), and the logging rule of issue 7:
 * the real server (startApp) on 127.0.0.1 in front of the loopback fake GitHub API
 * (test/helpers/fake-github-api.ts), deliveries over HTTP, and the app's own pino logger at trace
 * level writing JSON into the test (plus every stdout/stderr write of the run).
 *
 * Every case asserts its expectation and the invariants that apply to the app: alive (no unhandled
 * rejection, `/ping` still answers) and no secret — the webhook secret, the private key, the
 * installation token, in clear or base64 — in anything captured. The review is a stand-in
 * returning a real report (no clone, so no temporary folder to leave behind; the engine groups
 * cover those).
 */
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { PassThrough } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { readEnv } from '../../src/app/env.js';
import { REDACTED, secretCensor } from '../../src/app/log-redaction.js';
import { startApp, type RunningApp } from '../../src/app/server.js';
import type { Report } from '../../src/report/build-report.js';
import { startFakeGitHubApi, type FakeGitHubApi } from '../helpers/fake-github-api.js';
import { reviewFixture } from '../helpers/review-fixture.js';
import { fastAppOctokit, heldReview, loopbackAppEnvironment, signDelivery } from '../helpers/loopback-app.js';

const APP_ID = 4207;
const SECRET = 'hostile-webhooks-secret-9c1e7a55d0';
const TOKEN = 'ghs_HostileWebhooksInstallationTok3n0042';
const CLONE_TOKEN = 'ghs_HostileWebhooksScopedCloneTok3n0042';
const { privateKey: PEM, publicKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const b64 = (text: string) => Buffer.from(text).toString('base64');
/** Every planted secret in every form it could leak in. */
const SECRET_FORMS = [
  SECRET,
  b64(SECRET),
  TOKEN,
  b64(TOKEN),
  b64(`x-access-token:${TOKEN}`),
  CLONE_TOKEN,
  b64(`x-access-token:${CLONE_TOKEN}`),
  PEM.split('\n')[1]!,
  PEM.split('\n')[10]!,
  b64(PEM).slice(0, 60),
  b64(PEM.trim()).slice(0, 60),
];

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const FULL = `${OWNER}/${REPO}`;
const head = (n: number) => createHmac('sha1', 'webhooks').update(String(n)).digest('hex');

const FastAppOctokit = fastAppOctokit(50);

let report: Report;
let api: FakeGitHubApi;
let app: RunningApp;
/** Every line the app's logger wrote, and every stdout/stderr write of the run. */
const output: string[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
let spies: MockInstance[] = [];
/** What the stand-in review was asked to review (`<source> @ <head or ->`). */
const reviewed: string[] = [];
/** Pull request heads whose review is held until released. */
const held = new Map<string, () => void>();

const pulls: Record<string, { headSha: string }> = {};
for (let n = 100; n < 130; n++) pulls[`${FULL}#${n}`] = { headSha: head(n) };

beforeAll(async () => {
  report = await reviewFixture('prompt-only-openai');
  process.on('unhandledRejection', onUnhandled);
  const capture = (stream: NodeJS.WriteStream) => {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    return vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      output.push(String(chunk));
      return write(chunk, ...rest);
    }) as never);
  };
  spies = [capture(process.stdout), capture(process.stderr)];

  api = await startFakeGitHubApi({
    appId: APP_ID,
    publicKey,
    installationToken: TOKEN,
    cloneToken: CLONE_TOKEN,
    pulls,
    permissions: { [`${FULL}:maintainer`]: 'write', [`${FULL}:candidate`]: 'read' },
  });
  const destination = new PassThrough();
  destination.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  const review = heldReview(report, reviewed, held);
  app = await startApp(
    readEnv(
      loopbackAppEnvironment({ appId: APP_ID, privateKey: PEM, secret: SECRET, apiPort: api.port }, { LOG_LEVEL: 'trace', LOG_FORMAT: 'json' }),
    ),
    { logDestination: destination, Octokit: FastAppOctokit, deps: { review, webHost: 'github.com', wait: async () => undefined } },
  );
}, 30_000);

afterAll(async () => {
  await app?.close(2_000);
  await api?.close();
  for (const spy of spies) spy.mockRestore();
  process.off('unhandledRejection', onUnhandled);
});

/** A payload from test/fixtures/events/ with `overrides` merged in (objects key by key). Not test/helpers/probot.ts: loading nock would sit between the raw sockets of the 413 case and the server. */
function event<T = Record<string, unknown>>(name: string, overrides: object = {}): T {
  const merge = (base: unknown, over: unknown): unknown => {
    if (!isObject(base) || !isObject(over)) return over;
    const out: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(over)) out[key] = key in out ? merge(out[key], value) : value;
    return out;
  };
  return merge(JSON.parse(readFileSync(new URL(`../fixtures/events/${name}.json`, import.meta.url), 'utf8')), overrides) as T;
}
const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

const sign = (body: string, secret = SECRET) => signDelivery(body, secret);
let deliveries = 0;

/** POSTs a delivery; signed with the app's secret unless `signature` says otherwise (null: no header). */
async function deliver(name: string, payload: unknown, options: { id?: string; signature?: string | null } = {}): Promise<{ status: number; ms: number }> {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const signature = options.signature === undefined ? sign(body) : options.signature;
  const started = performance.now();
  const response = await fetch(`${app.url}/api/github/webhooks`, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/json',
      'x-github-event': name,
      'x-github-delivery': options.id ?? `0000beef-0000-4000-8000-${String(++deliveries).padStart(12, '0')}`,
      ...(signature === null ? {} : { 'x-hub-signature-256': signature }),
    },
  });
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

const pullRequest = (n: number, overrides: object = {}) =>
  event('pull_request.opened', { number: n, pull_request: { number: n, head: { sha: head(n) }, base: { sha: 'b'.repeat(40), ref: 'main' }, ...overrides } });
const issue = (n: number, action: 'opened' | 'labeled') =>
  event(`issues.${action}`, {
    issue: { number: n, body: 'My take-home: https://github.com/jane-doe/rag-take-home', labels: [{ name: 'candidate-review' }] },
    ...(action === 'labeled' && { label: { name: 'candidate-review' } }),
  });
function comment(n: number, body: string, user: { login: string; type?: string } = { login: 'maintainer' }, overrides: object = {}) {
  const payload = event<Record<string, any>>('issue_comment.created.pull-request', { issue: { number: n }, comment: { body, user: { login: user.login, type: user.type ?? 'User' } }, ...overrides });
  payload.sender = { ...payload.sender, login: user.login, type: user.type ?? 'User' };
  return payload;
}

/** Waits for the queue, then for every check run to be completed. */
async function settle(): Promise<void> {
  await delay(30);
  await app.queue.onIdle();
  await expect.poll(() => api.checkRuns.filter((run) => run.status !== 'completed').length, { timeout: 5_000 }).toBe(0);
}

const requestsFor = (n: number) => api.requests.filter((r) => r.path.includes(`/${n}`) || JSON.stringify(r.body ?? '').includes(head(n)));
const runsAt = (n: number) => api.checkRuns.filter((run) => run.head_sha === head(n));
const reviewsOf = (n: number) => reviewed.filter((line) => line.endsWith(head(n)));

/** Alive (no unhandled rejection, /ping answers) and no planted secret in anything captured so far. */
async function expectInvariants(): Promise<void> {
  expect(unhandled).toEqual([]);
  const ping = await fetch(`${app.url}/ping`);
  expect(await ping.text()).toBe('PONG');
  const all = output.join('');
  expect(SECRET_FORMS.filter((secret) => all.includes(secret))).toEqual([]);
}

describe('Webhooks', () => {
  it('missing signature: rejected with a 400, no handler runs', async () => {
    expect((await deliver('pull_request', pullRequest(100), { signature: null })).status).toBe(400);
    await settle();
    expect(requestsFor(100)).toEqual([]);
    expect(reviewsOf(100)).toEqual([]);
    await expectInvariants();
  });

  it('malformed signature (not hex, short, sha1, empty): rejected with a 400, no handler runs', async () => {
    const payload = pullRequest(101);
    const body = JSON.stringify(payload);
    const sha1 = `sha1=${createHmac('sha1', SECRET).update(body).digest('hex')}`;
    for (const signature of ['sha256=zz', sign(body).slice(0, -1), sha1, '', `${sign(body).slice(0, -1)}g`, sign(body).toUpperCase()]) {
      expect((await deliver('pull_request', body, { signature })).status, signature).toBe(400);
    }
    await settle();
    expect(requestsFor(101)).toEqual([]);
    expect(reviewsOf(101)).toEqual([]);
    await expectInvariants();
  });

  it('wrong signature (Probot’s development secret, another body): rejected with a 400 and one log line, no handler runs', async () => {
    const body = JSON.stringify(pullRequest(102));
    const before = output.length;
    expect((await deliver('pull_request', body, { signature: sign(body, 'development') })).status).toBe(400);
    expect((await deliver('pull_request', body, { signature: sign(JSON.stringify(pullRequest(103))) })).status).toBe(400);
    await settle();
    expect(requestsFor(102)).toEqual([]);
    expect(reviewsOf(102)).toEqual([]);
    const refused = output.slice(before).join('').split('\n').filter((line) => line.includes('refused (400)'));
    expect(refused).toHaveLength(2);
    expect(refused.join('\n')).not.toContain('Hello-World'); // the payload anyone can send is not logged
    await expectInvariants();
  });

  it('the same delivery twice: one review, one check run', async () => {
    const payload = pullRequest(104);
    const id = '0000dead-0000-4000-8000-000000000104';
    expect((await deliver('pull_request', payload, { id })).status).toBe(200);
    expect((await deliver('pull_request', payload, { id })).status).toBe(200);
    expect((await deliver('pull_request', payload)).status).toBe(200); // and once more under a new id
    await settle();
    expect(reviewsOf(104)).toHaveLength(1);
    expect(runsAt(104)).toHaveLength(1);
    expect(runsAt(104)[0]).toMatchObject({ status: 'completed', conclusion: 'neutral' });
    expect(output.join('')).toContain('delivery 0000dead-0000-4000-8000-000000000104 seen before; ignored');
    await expectInvariants();
  });

  it('a redelivery of an older push after a newer one (stale delivery): supersedes nothing, adds no check run', async () => {
    const older = pullRequest(116, { updated_at: '2026-03-05T10:00:00Z' });
    const newerHead = head(1160);
    pulls[`${FULL}#116`] = { headSha: newerHead };
    const newer = { ...pullRequest(116, { updated_at: '2026-03-05T10:05:00Z', head: { sha: newerHead } }), action: 'synchronize' };
    expect((await deliver('pull_request', newer)).status).toBe(200);
    await settle();
    expect((await deliver('pull_request', older)).status).toBe(200); // redelivered by hand, or simply late
    await settle();
    expect(runsAt(116)).toEqual([]);
    expect(api.checkRuns.filter((run) => run.head_sha === newerHead)).toEqual([expect.objectContaining({ status: 'completed', conclusion: 'neutral' })]);
    expect(api.checkRuns.find((run) => run.head_sha === newerHead)!.output?.title).toMatch(/^openai · /);
    expect(output.join('')).toContain(`${head(116).slice(0, 12)} is older than a head already seen; this delivery adds nothing`);
    await expectInvariants();
  });

  it('`opened` then `labeled` for one issue: one review, one comment', async () => {
    expect((await deliver('issues', issue(105, 'opened'))).status).toBe(200);
    expect((await deliver('issues', issue(105, 'labeled'))).status).toBe(200);
    await settle();
    const comments = api.comments.filter((c) => c.issue === `${FULL}#105`);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.history).toHaveLength(1);
    expect(comments[0]!.body).toContain('jane-doe/rag-take-home');
    expect(reviewed.filter((line) => line.includes('jane-doe/rag-take-home'))).toHaveLength(1);
    await expectInvariants();
  });

  it('`/review` twice in a minute: one review', async () => {
    expect((await deliver('issue_comment', comment(106, '/review'))).status).toBe(200);
    await settle();
    expect((await deliver('issue_comment', comment(106, '/review'))).status).toBe(200);
    await settle();
    expect(reviewsOf(106)).toHaveLength(1);
    expect(runsAt(106)).toHaveLength(1);
    await expectInvariants();
  });

  it('a slow review: the webhook is answered in well under a second while the review keeps running', async () => {
    held.set(head(107), () => undefined);
    const { status, ms } = await deliver('pull_request', pullRequest(107));
    expect(status).toBe(200);
    expect(ms).toBeLessThan(500);
    await expect.poll(() => reviewsOf(107).length).toBe(1);
    expect(runsAt(107)[0]?.status).toBe('in_progress');
    held.get(head(107))!();
    held.delete(head(107));
    await settle();
    expect(runsAt(107)[0]).toMatchObject({ status: 'completed', conclusion: 'neutral' });
    await expectInvariants();
  });

  it('`/review` from the candidate (read permission, or no collaborator at all): ignored', async () => {
    expect((await deliver('issue_comment', comment(108, '/review', { login: 'candidate' }))).status).toBe(200);
    expect((await deliver('issue_comment', comment(108, '/review', { login: 'stranger' }))).status).toBe(200);
    await settle();
    expect(reviewsOf(108)).toEqual([]);
    expect(runsAt(108)).toEqual([]);
    expect(api.requests.filter((r) => /\/collaborators\/(candidate|stranger)\/permission/.test(r.path))).toHaveLength(2);
    await expectInvariants();
  });

  it('`/review` from a bot, or from the app itself: ignored without a request', async () => {
    const before = api.requests.length;
    expect((await deliver('issue_comment', comment(109, '/review', { login: 'dependabot[bot]', type: 'Bot' }))).status).toBe(200);
    expect((await deliver('issue_comment', comment(109, '/review', { login: 'candidate-review[bot]', type: 'Bot' }))).status).toBe(200);
    await settle();
    expect(api.requests.slice(before)).toEqual([]);
    expect(reviewsOf(109)).toEqual([]);
    await expectInvariants();
  });

  it('`/review` in an edited comment: ignored', async () => {
    const before = api.requests.length;
    expect((await deliver('issue_comment', { ...comment(110, '/review'), action: 'edited', changes: { body: { from: 'lgtm' } } })).status).toBe(200);
    await settle();
    expect(api.requests.slice(before)).toEqual([]);
    expect(reviewsOf(110)).toEqual([]);
    await expectInvariants();
  });

  it('`/review` inside a quote or a code fence: ignored', async () => {
    const before = api.requests.length;
    for (const body of ['> /review', 'as they said:\n>/review', '```\n/review\n```', '~~~md\n/review\n~~~', '<!--\n/review\n-->', 'please /review this']) {
      expect((await deliver('issue_comment', comment(111, body))).status).toBe(200);
    }
    await settle();
    expect(api.requests.slice(before)).toEqual([]);
    expect(reviewsOf(111)).toEqual([]);
    await expectInvariants();
  });

  it('an oversized body: refused with a 413 before it is read, no handler runs', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(app.port, '127.0.0.1');
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString('latin1');
        if (text.includes('\r\n\r\n')) socket.destroy(); // the answer's head is enough
      });
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
      socket.write(
        `POST /api/github/webhooks HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-GitHub-Event: pull_request\r\n` +
          `X-Hub-Signature-256: sha256=${'0'.repeat(64)}\r\nContent-Length: ${26 * 1024 * 1024}\r\n\r\n${JSON.stringify(pullRequest(112))}`,
      );
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    // Without a declared length (chunked): 411, also unread.
    const chunked = await new Promise<string>((resolve, reject) => {
      const socket = connect(app.port, '127.0.0.1');
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString('latin1');
        if (text.includes('\r\n\r\n')) socket.destroy(); // the answer's head is enough
      });
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
      socket.write(
        `POST /api/github/webhooks HTTP/1.1\r\nHost: 127.0.0.1\r\nX-GitHub-Event: pull_request\r\nX-Hub-Signature-256: ${sign('{}')}\r\n` +
          `Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n2\r\n{}\r\n0\r\n\r\n`,
      );
    });
    expect(chunked).toMatch(/^HTTP\/1\.1 411 /);
    await settle();
    expect(requestsFor(112)).toEqual([]);
    await expectInvariants();
  }, 10_000);

  it('an unknown event or action, and a signed body that is not JSON: answered, nothing done, still alive', async () => {
    const before = api.requests.length;
    expect((await deliver('fork', { action: 'created', forkee: { id: 1 }, installation: { id: 1 } })).status).toBeLessThan(300);
    expect((await deliver('pull_request', { ...pullRequest(113), action: 'assigned' })).status).toBe(200);
    expect((await deliver('x-made-up-event', { hello: 'world' })).status).toBeLessThan(300);
    expect((await deliver('pull_request', '{"action": "opened", "pull_request": ')).status).toBeGreaterThanOrEqual(400);
    await settle();
    expect(api.requests.slice(before)).toEqual([]);
    await expectInvariants();
  });

  it('a payload with hostile strings (markup, bidi controls, a token-like string, 1 MB of text, wrong types): reviewed or refused, never a crash or a leak', async () => {
    const planted = 'ghp_PayloadPlantedPersonalTok3n000000042';
    const hostile = `<script>alert(1)</script> \u202eevil\u202c @org/team &#64;user ](javascript:alert(1)) ${planted} ${'A'.repeat(1_000_000)}`;
    const payload = pullRequest(114, { title: hostile, body: hostile, user: { login: `x\u0000y\n${planted}` } });
    expect((await deliver('pull_request', payload)).status).toBe(200);
    // Wrong types where the app reads fields: refused by the handler, the server lives on.
    const wrong = { ...pullRequest(115), pull_request: { number: 'NaN', head: null, base: 7, state: 'open' } };
    expect((await deliver('pull_request', wrong)).status).toBeGreaterThanOrEqual(200);
    await settle();
    expect(runsAt(114)).toHaveLength(1);
    expect(runsAt(114)[0]).toMatchObject({ status: 'completed', conclusion: 'neutral' });
    expect(output.join('')).not.toContain(planted);
    expect(output.join('')).not.toContain('A'.repeat(10_000));
    await expectInvariants();
  });
});

describe('Logging (issue 7): structured pino logs with redaction', () => {
  it('the app’s logger censors tokens, authorization headers, private keys, JWTs and the webhook secret, even when handed them', async () => {
    const before = output.length;
    const jwt = `eyJhbGciOiJSUzI1NiJ9.${b64('{"iss":4207}').replace(/=+$/, '')}.c2lnbmF0dXJlc2lnbmF0dXJl`;
    const error = Object.assign(new Error(`clone of https://x-access-token:${TOKEN}@github.com/o/r failed`), {
      request: { headers: { authorization: `token ${TOKEN}` } },
      config: { privateKey: PEM, webhookSecret: SECRET },
    });
    app.log.error({ err: error, headers: { authorization: `Bearer ${jwt}` } }, `request failed with ${SECRET}`);
    app.log.child({ token: TOKEN }).warn('%s and %s', b64(`x-access-token:${TOKEN}`), `Basic ${b64(`x-access-token:${CLONE_TOKEN}`)}`);
    app.log.trace({ env: { PRIVATE_KEY: PEM, WEBHOOK_SECRET: SECRET } }, `key ${PEM}`);
    app.log.info(`a pasted PAT github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz and ${jwt}`);
    await delay(50);
    const lines = output.slice(before).join('');
    expect(lines.split('\n').filter((line) => line.includes(REDACTED)).length).toBeGreaterThanOrEqual(4);
    for (const secret of [...SECRET_FORMS, jwt, 'github_pat_11ABCDEFG', 'BEGIN RSA PRIVATE KEY']) expect(lines).not.toContain(secret);
    await expectInvariants();
  });

  it('the censor stays linear on hostile text that reaches a log line (a payload, an error message)', () => {
    const censor = secretCensor({ webhookSecret: SECRET, privateKey: PEM });
    const inputs = [
      `-----BEGIN RSA PRIVATE KEY-----${'-'.repeat(60_000)}`,
      `-----BEGIN ${'A'.repeat(60_000)}`,
      `token ${'a'.repeat(60_000)} `,
      'ghs_'.repeat(15_000),
      'Basic '.repeat(10_000),
      `${'A'.repeat(59_999)}!`,
      'eyJ'.repeat(20_000),
    ];
    for (const input of inputs) {
      const started = performance.now();
      const out = censor(input);
      expect(performance.now() - started, input.slice(0, 40)).toBeLessThan(200);
      expect(out.length).toBeLessThanOrEqual(input.length + 1);
    }
    expect(censor(`x ${TOKEN} y ${b64(`x-access-token:${TOKEN}`)} z`)).toBe(`x ${REDACTED} y ${REDACTED} z`);
    expect(censor('commit 0123456789abcdef0123456789abcdef01234567 reviewed')).toBe('commit 0123456789abcdef0123456789abcdef01234567 reviewed');
  });

  it('all output of the run, logged at trace level, holds no secret in any form', async () => {
    const all = output.join('');
    const levels = new Set([...all.matchAll(/"level":(\d+)/g)].map((match) => Number(match[1])));
    expect([...levels].some((level) => level <= 20)).toBe(true); // trace/debug lines really were written
    expect(all).toContain('listening on');
    expect(SECRET_FORMS.filter((secret) => all.includes(secret))).toEqual([]);
    expect(api.tokenRequests.length).toBeGreaterThan(0); // the installation token was issued and used
    await expectInvariants();
  });
});
