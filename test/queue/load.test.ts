/**
 * Load over loopback: 200 signed deliveries (100 pull-request heads, each delivered to both
 * receivers) to two receivers sharing one Redis, two workers, one of them killed midway (its
 * GitHub calls and reviews freeze, its job locks stop being renewed, as when a process dies).
 * Every head ends with exactly one completed check run and one completed job; one summary line.
 */
import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProbotOctokit } from 'probot';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReviewFunction } from '../../src/app/app-deps.js';
import { AppOctokit } from '../../src/app/app-octokit.js';
import { readEnv } from '../../src/app/env.js';
import { startApp, type RunningApp } from '../../src/app/server.js';
import { startWorker, type RunningWorker } from '../../src/app/worker.js';
import { BullMQBackend } from '../../src/queue/bullmq-backend.js';
import type { ReviewPayload } from '../../src/queue/queue-backend.js';
import type { Report } from '../../src/report/build-report.js';
import { reportAt } from '../app/fake-review.js';
import { captureLog } from '../helpers/capture-log.js';
import { startFakeGitHubApi, type FakeGitHubApi } from '../helpers/fake-github-api.js';
import { REPO_ROOT, reviewFixture } from '../helpers/review-fixture.js';
import { startRedis } from './redis-server.js';

const APP_ID = 515151;
const SECRET = 'load-webhook-secret-3c9a1e';
const TOKEN = 'ghs_loadINSTALLATIONtoken0123456789abcd';
const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const HEADS = 100;
const { privateKey, publicKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

const redis = await startRedis();
const cleanup: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
  if ('stop' in redis) await redis.stop();
}, 20_000);

const headOf = (i: number) => createHmac('sha1', 'head').update(String(i)).digest('hex');
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** A throttling group that does not space requests (production spaces writes 1 s apart per worker: GitHub's own guidance). */
const unpaced = { key: () => ({ schedule: async (_options: unknown, task: (...args: unknown[]) => unknown, ...args: unknown[]) => task(...args) }) };

/** A never-settling promise: what a dead process's pending work looks like from outside. */
const forever = () => new Promise<never>(() => undefined);

describe.skipIf('skipped' in redis)('the app on Redis under load', () => {
  it('200 deliveries, 2 receivers, 2 workers, one killed midway: every head reviewed and completed exactly once', async () => {
    const url = 'url' in redis ? redis.url : '';
    const report: Report = await reviewFixture('prompt-only-openai');
    const pulls: Record<string, { headSha: string }> = {};
    for (let i = 1; i <= HEADS; i++) pulls[`${OWNER}/${REPO}#${i}`] = { headSha: headOf(i) };
    const api: FakeGitHubApi = await startFakeGitHubApi({ appId: APP_ID, publicKey, installationToken: TOKEN, cloneToken: TOKEN, pulls });
    cleanup.push(() => api.close());
    const env = readEnv({
      APP_ID: String(APP_ID),
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: SECRET,
      GHE_HOST: `localhost:${api.port}`,
      GHE_PROTOCOL: 'http',
      HOST: '127.0.0.1',
      PORT: '0',
      REDIS_URL: url,
    });
    const name = `load-${randomUUID()}`;
    const backend = (lock = 30_000) => new BullMQBackend<ReviewPayload>({ url, name, concurrency: 4, lockDurationMs: lock, stalledIntervalMs: 300, backoffMs: 100 });

    // Two receivers: they only queue.
    const receiverLogs = [captureLog(), captureLog()];
    const receivers: RunningApp[] = [];
    for (const logged of receiverLogs) {
      const app = await startApp(env, { log: logged.log, worker: false, deps: { backend: backend() } });
      cleanup.push(() => app.close(1_000));
      receivers.push(app);
    }

    // Two workers; the first one can be "killed": its GitHub calls and reviews never settle again.
    let killed = false;
    const reviewsBy: Record<string, string[]> = {};
    const attempts: number[] = [];
    const workers: Array<{ worker: RunningWorker; backend: BullMQBackend<ReviewPayload> }> = [];
    for (const who of ['doomed', 'survivor'] as const) {
      const doomed = who === 'doomed';
      const review: ReviewFunction = async (source, options) => {
        if (doomed && killed) return forever();
        await new Promise((r) => setTimeout(r, 20));
        if (doomed && killed) return forever();
        const commit = options.head?.commit ?? null;
        (reviewsBy[commit ?? ''] ??= []).push(who);
        return reportAt(report, source, commit, options.base ?? null);
      };
      const fetchUnlessKilled: typeof fetch = (input, init) => (doomed && killed ? forever() : fetch(input, init));
      const Octokit = AppOctokit.defaults((options: NonNullable<ConstructorParameters<typeof ProbotOctokit>[0]>) => ({
        ...options,
        request: { ...options.request, fetch: fetchUnlessKilled },
        throttle: { ...options.throttle, write: unpaced, notifications: unpaced },
      })) as typeof ProbotOctokit;
      const b = backend(doomed ? 800 : 30_000);
      const work = b.work.bind(b);
      b.work = (handler) => work((payload, run) => (attempts.push(run.attempt), handler(payload, run)));
      const worker = startWorker(env, b, { log: captureLog().log, deps: { review }, Octokit });
      cleanup.push(() => b.close({ force: true }));
      workers.push({ worker, backend: b });
    }

    const template = JSON.parse(readFileSync(join(REPO_ROOT, 'test/fixtures/events/pull_request.opened.json'), 'utf8'));
    const deliveries: Array<{ receiver: RunningApp; body: string }> = [];
    for (let i = 1; i <= HEADS; i++) {
      const event = structuredClone(template);
      event.number = i;
      event.pull_request.number = i;
      event.pull_request.head.sha = headOf(i);
      event.repository.private = false;
      const body = JSON.stringify(event);
      deliveries.push({ receiver: receivers[0]!, body }, { receiver: receivers[1]!, body });
    }

    const started = performance.now();
    const times: number[] = [];
    const statuses: number[] = [];
    const send = async ({ receiver, body }: { receiver: RunningApp; body: string }) => {
      const t = performance.now();
      const response = await fetch(`${receiver.url}/api/github/webhooks`, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          'x-github-event': 'pull_request',
          'x-github-delivery': randomUUID(),
          'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
        },
      });
      await response.arrayBuffer();
      times.push(performance.now() - t);
      statuses.push(response.status);
    };
    const completedRuns = () => api.checkRuns.filter((run) => run.status === 'completed').length;
    const sending = (async () => {
      for (let i = 0; i < deliveries.length; i += 20) await Promise.all(deliveries.slice(i, i + 20).map(send));
    })();
    // Midway: the first worker dies with jobs in hand.
    const end = Date.now() + 40_000;
    while (completedRuns() < HEADS * 0.4 && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
    killed = true;
    const inHand = await workers[0]!.backend.counts();
    await workers[0]!.backend.close({ force: true });
    await sending;
    while (((await workers[1]!.backend.counts()).completed ?? 0) < HEADS && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    const total = performance.now() - started;

    const counts = await workers[1]!.backend.counts();
    const duplicates = receiverLogs.flatMap((l) => l.lines).filter((line) => line.includes('already queued or just reviewed')).length;
    const retried = attempts.filter((a) => a > 1).length;
    const sorted = [...times].sort((a, b) => a - b);
    process.stdout.write(
      `load: ${deliveries.length} deliveries → ${counts.completed} reviews, ${duplicates} duplicates avoided, ${retried} retried jobs ` +
        `(one worker killed with ${inHand.active} jobs active), webhook p50 ${percentile(sorted, 50).toFixed(1)} ms / p95 ${percentile(sorted, 95).toFixed(1)} ms, ` +
        `total ${(total / 1000).toFixed(2)} s\n`,
    );

    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(counts).toMatchObject({ completed: HEADS, failed: 0, active: 0, waiting: 0 });
    expect(duplicates).toBe(deliveries.length - HEADS);
    expect(retried).toBeGreaterThan(0); // the killed worker had jobs in hand
    // Exactly one check run per head, completed once with the review, whichever worker finished it.
    expect(api.checkRuns).toHaveLength(HEADS);
    expect(new Set(api.checkRuns.map((run) => run.head_sha)).size).toBe(HEADS);
    for (const run of api.checkRuns) {
      expect(run.status).toBe('completed');
      const completions = run.history.filter((body) => (body as { conclusion?: string }).conclusion !== undefined);
      expect(completions.length, run.head_sha).toBe(1);
    }
    expect(api.unexpected).toEqual([]);
  }, 60_000);
});
