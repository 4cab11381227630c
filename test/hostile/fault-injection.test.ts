/**
 * Fault injection for the app (team spec hostile-cases.md, groups "GitHub API" and "Webhooks";
 * issue 7): the real server (startApp) behind correctly signed deliveries, in front of the loopback
 * fake GitHub API (test/helpers/fake-github-api.ts) answering at random — seeded — with 502s,
 * 403 secondary rate limits with `retry-after: 1`, slow answers and dropped connections, before or
 * after a write took effect.
 *
 * 100 pull_request deliveries for 20 pull requests in two repositories (one reports in the check
 * run, one in a PR comment): every PR opened, most pushed to once or twice (`synchronize` to a
 * newer head), and the rest of the 100 duplicates — redeliveries of the same delivery id, or the
 * same event under a new id, some arriving after a newer push (stale).
 *
 * The rule that makes the expectation well-defined: a fault is never injected into a request whose
 * previous attempt (same method, path and head) was itself faulted, so one retry always gets
 * through; installation-token requests are never faulted; and the 403s are secondary rate limits
 * with `retry-after` only (a 403 without it — "resource not accessible", or a limit that does not
 * lift — stops a job cleanly by design, github-api.test.ts covers those). Under that rule nothing may be lost:
 * afterwards every PR has exactly one check run at its newest head, completed with the report (or
 * the link to the report comment); older heads have at most one run each, none left in progress,
 * and none completed with a report once a newer head's review had begun (an older head may keep
 * the report it got before the push arrived); one comment per PR of the
 * comment-reporting repository; no duplicate check run or comment anywhere.
 *
 * Waits are scaled: `retry-after: 1` waits 100 ms, the retry plugin's back-off is in milliseconds,
 * writes are not spaced a second apart (production's throttling is unchanged).
 */
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from '../../src/app/env.js';
import { neutralOutputs } from '../../src/app/neutral-outputs.js';
import { startApp, type RunningApp } from '../../src/app/server.js';
import type { Report } from '../../src/report/build-report.js';
import { reportAt } from '../app/fake-review.js';
import { captureLog } from '../helpers/capture-log.js';
import { startFakeGitHubApi, type FakeGitHubApi, type FakeRequest, type Fault } from '../helpers/fake-github-api.js';
import { reviewFixture } from '../helpers/review-fixture.js';
import { fastAppOctokit, loopbackAppEnvironment, signDelivery } from '../helpers/loopback-app.js';

/** Fixed in CI; `FAULT_INJECTION_SEED=<n>` replays another schedule and fault pattern. */
const SEED = Number(process.env.FAULT_INJECTION_SEED ?? 0x5eed_0007);
const DELIVERIES = 100;
const PULL_REQUESTS = 20;
const FAULT_RATE = 0.2;

const APP_ID = 77;
const SECRET = 'fault-injection-webhook-secret-0007';
const TOKEN = 'ghs_faultInjectionInstallationToken0007';
const { privateKey, publicKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

/** mulberry32: a small seeded PRNG, so the schedule and the faults replay from SEED. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The app's Octokit (its retry and secondary-limit handlers) with waits scaled down and writes unpaced. */
const FastAppOctokit = fastAppOctokit(100);

interface Pr {
  owner: string;
  repo: string;
  number: number;
  heads: string[];
}

interface Delivery {
  id: string;
  pr: Pr;
  /** Index into `pr.heads`. */
  version: number;
  body: string;
}

const sha = (pr: number, version: number) => createHmac('sha1', 'heads').update(`${pr}:${version}`).digest('hex');

/** 20 PRs (10 per repository) with 1–3 heads each, and 100 deliveries: each head's first delivery in push order, duplicates anywhere after their original. */
function schedule(random: () => number): { prs: Pr[]; deliveries: Delivery[] } {
  const prs: Pr[] = [];
  for (let i = 0; i < PULL_REQUESTS; i++) {
    const versions = 1 + Math.floor(random() * 3);
    prs.push({ owner: 'octo', repo: i % 2 ? 'beta' : 'alpha', number: 1 + Math.floor(i / 2), heads: Array.from({ length: versions }, (_, v) => sha(i, v)) });
  }
  const originals = new Map<Pr, Delivery[]>(prs.map((pr) => [pr, pr.heads.map((_, version) => delivery(pr, version, `${pr.repo}-${pr.number}-${version}`))]));
  const deliveries: Delivery[] = [];
  const next = new Map<Pr, number>(prs.map((pr) => [pr, 0]));
  const total = prs.reduce((n, pr) => n + pr.heads.length, 0);
  for (let sent = 0; sent < total; ) {
    const pr = prs[Math.floor(random() * prs.length)]!;
    const version = next.get(pr)!;
    if (version >= pr.heads.length) continue;
    next.set(pr, version + 1);
    deliveries.push(originals.get(pr)![version]!);
    sent++;
  }
  // Duplicates: a redelivery (same id) or the same event under a new id, inserted after their original.
  let copies = 0;
  while (deliveries.length < DELIVERIES) {
    const at = Math.floor(random() * deliveries.length);
    const original = deliveries[at]!;
    const copy = random() < 0.5 ? original : { ...original, id: `${original.id}-again-${++copies}` };
    const where = at + 1 + Math.floor(random() * (deliveries.length - at));
    deliveries.splice(where, 0, copy);
  }
  return { prs, deliveries };
}

function delivery(pr: Pr, version: number, id: string): Delivery {
  // The webhooks-examples delivery (not through test/helpers/probot.ts, which loads nock).
  const payload = JSON.parse(readFileSync(new URL('../fixtures/events/pull_request.opened.json', import.meta.url), 'utf8'));
  payload.action = version === 0 ? 'opened' : 'synchronize';
  payload.number = pr.number;
  payload.repository = { ...payload.repository, name: pr.repo, full_name: `${pr.owner}/${pr.repo}`, owner: { ...payload.repository.owner, login: pr.owner }, private: false };
  payload.pull_request = {
    ...payload.pull_request,
    number: pr.number,
    updated_at: new Date(Date.UTC(2026, 2, 5, 10, version)).toISOString(),
    head: { ...payload.pull_request.head, sha: pr.heads[version] },
    base: { ...payload.pull_request.base, sha: 'b'.repeat(40), ref: 'main' },
  };
  if (version > 0) Object.assign(payload, { before: pr.heads[version - 1], after: pr.heads[version] });
  return { id, pr, version, body: JSON.stringify(payload) };
}

const key = (pr: Pr) => `${pr.owner}/${pr.repo}#${pr.number}`;
/** What makes two requests the same request (for "was it tried again"): method, path, and the head of a check-run create. */
const identity = (request: FakeRequest) => `${request.method} ${request.path} ${String((request.body as { head_sha?: unknown } | null)?.head_sha ?? '')}`;

let report: Report;
let api: FakeGitHubApi;
let app: RunningApp;
let plan: ReturnType<typeof schedule>;
let headOf: Map<string, Pr>;
const logged = captureLog();
const faulted: { request: FakeRequest; fault: Fault }[] = [];
/** The heads GitHub (the fake) has now, by `owner/repo#n`. */
const pulls: Record<string, { headSha: string }> = {};
/** Check runs completed with a report after a newer head's review had begun. */
const stalePosts: string[] = [];
/** The newest head version whose review has started, per PR. */
const reviewStarted = new Map<Pr, number>();

beforeAll(async () => {
  report = await reviewFixture('prompt-only-openai');
  const random = prng(SEED);
  plan = schedule(random);
  const faultRandom = prng(SEED ^ 0xfa17);
  const lastFaulted = new Map<string, boolean>();
  headOf = new Map(plan.prs.flatMap((pr) => pr.heads.map((head) => [head, pr] as const)));
  const completions = new Set<string>();

  api = await startFakeGitHubApi({
    appId: APP_ID,
    publicKey,
    installationToken: TOKEN,
    cloneToken: 'ghs_unusedCloneToken00000000000000000007',
    pulls,
    configs: { 'octo/beta': 'report:\n  target: pr-comment\n' },
    fault: (request) => {
      // A report completion for a head, sent after a newer head's review began: a stale post (the queue runs one job per PR at a time).
      const done = /\/check-runs\/(\d+)$/.exec(request.path);
      const body = request.body as { status?: string; output?: { title?: string } } | null;
      if (done && body?.status === 'completed' && !NEUTRAL_TITLES.has(body.output?.title ?? '') && !completions.has(done[1]!)) {
        completions.add(done[1]!);
        const head = api.checkRuns.find((run) => run.id === Number(done[1]))?.head_sha;
        const pr = head ? headOf.get(head) : undefined;
        if (pr && (reviewStarted.get(pr) ?? 0) > pr.heads.indexOf(head!)) stalePosts.push(`${key(pr)}@${head}`);
      }
      const id = identity(request);
      const previous = lastFaulted.get(id) ?? false;
      let fault: Fault | undefined;
      if (!previous && faultRandom() < FAULT_RATE) {
        const roll = faultRandom();
        const write = request.method !== 'GET';
        const phase = write && faultRandom() < 0.5 ? 'after' : 'before';
        fault =
          roll < 0.35 ? { kind: '502', phase } : roll < 0.55 ? { kind: 'secondary-limit', value: 1 } : roll < 0.8 ? { kind: 'slow', value: 100 + Math.floor(faultRandom() * 300) } : { kind: 'drop', phase };
        if (fault.kind !== 'slow') faulted.push({ request, fault });
      }
      lastFaulted.set(id, fault !== undefined && fault.kind !== 'slow');
      return fault;
    },
  });

  const env = readEnv(
    loopbackAppEnvironment({ appId: APP_ID, privateKey, secret: SECRET, apiPort: api.port }, { REVIEW_CONCURRENCY: '4', LOG_LEVEL: 'info' }),
  );
  const reviewRandom = prng(SEED ^ 0x7e57);
  app = await startApp(env, {
    log: logged.log,
    Octokit: FastAppOctokit,
    deps: {
      // A real report, quickly, as the review of the head it was asked for.
      review: async (source, options) => {
        const pr = options.head ? headOf.get(options.head.commit) : undefined;
        if (pr) reviewStarted.set(pr, Math.max(reviewStarted.get(pr) ?? 0, pr.heads.indexOf(options.head!.commit)));
        await delay(5 + Math.floor(reviewRandom() * 40));
        return reportAt(report, source, options.head?.commit ?? null, options.base ?? null);
      },
      wait: (ms) => delay(ms / 100),
    },
  });
}, 30_000);

afterAll(async () => {
  await app?.close(5_000);
  await api?.close();
});

const NEUTRAL_TITLES = new Set([neutralOutputs.superseded('').title, neutralOutputs.failed('').title, neutralOutputs.queueFull().title, neutralOutputs.withheld('').title]);

const sign = (body: string) => signDelivery(body, SECRET);

async function deliver(d: Delivery): Promise<number> {
  const response = await fetch(`${app.url}/api/github/webhooks`, {
    method: 'POST',
    body: d.body,
    headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': d.id, 'x-hub-signature-256': sign(d.body) },
  });
  await response.arrayBuffer();
  return response.status;
}

describe('fault injection', () => {
  it('100 deliveries for 20 PRs through 502s, secondary rate limits, slow answers and dropped connections: one completed check run with the report at each newest head, no duplicates', { timeout: 60_000 }, async () => {
    const started = performance.now();
    const newest = new Map<Pr, number>();
    for (const d of plan.deliveries) {
      // GitHub moves the PR's head before it sends the synchronize delivery; a stale duplicate moves nothing.
      if ((newest.get(d.pr) ?? -1) < d.version) {
        newest.set(d.pr, d.version);
        pulls[key(d.pr)] = { headSha: d.pr.heads[d.version]! };
      }
      expect(await deliver(d)).toBe(200);
      await delay(Math.floor(Math.random() * 15));
    }
    await app.queue.onIdle();
    // A discarded job completes its run after its check-run create settles: wait until nothing is in progress.
    await expect.poll(() => api.checkRuns.filter((run) => run.status !== 'completed').length, { timeout: 10_000 }).toBe(0);

    expect(api.unexpected).toEqual([]);
    const distinctHeads = plan.prs.reduce((n, pr) => n + pr.heads.length, 0);
    const errors = logged.lines.filter((line) => /^(error|fatal) /.test(line));
    expect(errors).toEqual([]);

    // No duplicates: one check run per head SHA, one comment per PR.
    const runHeads = api.checkRuns.map((run) => run.head_sha);
    const duplicateRuns = runHeads.length - new Set(runHeads).size;
    const commentIssues = api.comments.map((comment) => comment.issue);
    const duplicateComments = commentIssues.length - new Set(commentIssues).size;
    expect(duplicateRuns).toBe(0);
    expect(duplicateComments).toBe(0);
    expect(api.checkRuns).toHaveLength(distinctHeads);
    expect(stalePosts).toEqual([]);

    // Every PR: its newest head has exactly one completed check run carrying the report (or its link).
    let completed = 0;
    for (const pr of plan.prs) {
      const head = pr.heads.at(-1)!;
      const runs = api.checkRuns.filter((run) => run.head_sha === head);
      expect(runs, `${key(pr)}@${head}`).toHaveLength(1);
      const run = runs[0]!;
      expect(run, `${key(pr)}`).toMatchObject({ status: 'completed', conclusion: 'neutral' });
      if (pr.repo === 'beta') {
        const comments = api.comments.filter((comment) => comment.issue === key(pr));
        expect(comments).toHaveLength(1);
        expect(run.output?.title).toBe('Report posted as a comment');
        expect(run.output?.summary).toContain(comments[0]!.html_url);
        expect(comments[0]!.body).toContain(`**Commit:** \`${head.slice(0, 12)}\``);
      } else {
        expect(NEUTRAL_TITLES.has(run.output?.title ?? ''), `${key(pr)}: ${run.output?.title}`).toBe(false);
        expect(run.output?.summary ?? '').toContain('## ');
      }
      completed++;
    }
    expect(api.comments.every((comment) => comment.issue.startsWith('octo/beta#'))).toBe(true);

    // What the faults did: each non-slow fault was either tried again, or was a lost create found by the list.
    const retried = faulted.filter(({ request }) => {
      const at = api.requests.indexOf(request);
      return api.requests.slice(at + 1).some((later) => identity(later) === identity(request));
    });
    const lostCreates = faulted.filter((entry) => !retried.includes(entry) && entry.request.method === 'POST' && entry.fault.phase === 'after');
    expect(retried.length + lostCreates.length).toBe(faulted.length);
    const count = (kind: Fault['kind']) => api.faults.filter((fault) => fault.kind === kind).length;
    const byKind = { '502': count('502'), limited: count('secondary-limit'), slow: count('slow'), dropped: count('drop') };
    expect(byKind['502'] + byKind.limited + byKind.dropped).toBe(faulted.length);
    expect(byKind['502'] * byKind.limited * byKind.slow * byKind.dropped).toBeGreaterThan(0); // every kind happened
    expect(logged.lines.filter((line) => line.includes('secondary rate limit on')).length).toBe(byKind.limited);

    const duplicatesAvoided = DELIVERIES - api.checkRuns.length;
    expect(duplicatesAvoided).toBe(DELIVERIES - distinctHeads);
    expect(completed).toBe(PULL_REQUESTS);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `fault-injection: ${plan.deliveries.length} deliveries, ${duplicatesAvoided} duplicates avoided, ${api.faults.length} API faults injected ` +
        `(${byKind['502']}×502, ${byKind.limited}×403 retry-after, ${byKind.slow} slow, ${byKind.dropped} dropped), ${retried.length} retries, ` +
        `${lostCreates.length} lost creates found, ${completed} reviews completed, ${duplicateRuns + duplicateComments} duplicates (${seconds} s, seed 0x${SEED.toString(16)})`,
    );
    expect(plan.deliveries).toHaveLength(DELIVERIES);
  });
});
