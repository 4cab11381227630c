/**
 * Load over loopback: 200 signed deliveries (100 pull-request heads, each delivered to both
 * receivers) to two receiver processes sharing one Redis, and two worker processes, one of them
 * killed with SIGKILL midway while it holds jobs (its locks lapse; the other worker runs them again).
 * Every head ends with exactly one completed check run and one completed job; one summary line.
 * The processes are real Node processes running src/ through test/queue/load-process.ts.
 */
import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BullMQBackend } from '../../src/queue/bullmq-backend.js';
import type { ReviewPayload } from '../../src/queue/queue-backend.js';
import { startFakeGitHubApi, type FakeGitHubApi } from '../helpers/fake-github-api.js';
import { REPO_ROOT, reviewFixture } from '../helpers/review-fixture.js';
import type { LoadProcessOptions } from './load-process.js';
import { startRedis } from './redis-server.js';
import { spawnLoadProcess, type LoadProcess } from './spawn-load-process.js';

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
}, 30_000);

const headOf = (i: number) => createHmac('sha1', 'head').update(String(i)).digest('hex');
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

describe.skipIf('skipped' in redis)('the app on Redis under load', () => {
  it('200 deliveries, 2 receiver processes, 2 worker processes, one SIGKILLed midway: every head reviewed and completed exactly once', async () => {
    const url = 'url' in redis ? redis.url : '';
    const pulls: Record<string, { headSha: string }> = {};
    for (let i = 1; i <= HEADS; i++) pulls[`${OWNER}/${REPO}#${i}`] = { headSha: headOf(i) };
    const api: FakeGitHubApi = await startFakeGitHubApi({ appId: APP_ID, publicKey, installationToken: TOKEN, cloneToken: TOKEN, pulls });
    cleanup.push(() => api.close());
    // The report every review returns (a worker would clone the head from GitHub), written below while the processes start.
    const dir = mkdtempSync(join(tmpdir(), 'load-report-'));
    cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
    const reportFile = join(dir, 'report.json');

    const env = {
      APP_ID: String(APP_ID),
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: SECRET,
      GHE_HOST: `localhost:${api.port}`,
      GHE_PROTOCOL: 'http',
      HOST: '127.0.0.1',
      PORT: '0',
      REDIS_URL: url,
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
    };
    const name = `load-${randomUUID()}`;
    const queue = (lockDurationMs = 30_000): LoadProcessOptions['queue'] => ({ name, concurrency: 4, lockDurationMs, stalledIntervalMs: 300, backoffMs: 100 });
    const spawned = (label: string, options: LoadProcessOptions) => {
      const child = spawnLoadProcess(label, options, env);
      cleanup.push(() => child.stop(5_000));
      return child;
    };
    // Two receivers (they only queue) and two workers; the doomed one's locks lapse 3 s after it dies.
    const receivers = [spawned('receiver 1', { role: 'receiver', queue: queue() }), spawned('receiver 2', { role: 'receiver', queue: queue() })];
    const doomed = spawned('doomed worker', { role: 'worker', queue: queue(3_000), report: reportFile, reviewMs: 20 });
    const survivor = spawned('surviving worker', { role: 'worker', queue: queue(), report: reportFile, reviewMs: 20 });
    writeFileSync(reportFile, JSON.stringify(await reviewFixture('prompt-only-openai')));
    const urls = (await Promise.all(receivers.map((r) => r.ready))).map((r) => r.url ?? '');
    await Promise.all([doomed.ready, survivor.ready]);
    const observer = new BullMQBackend<ReviewPayload>({ url, name });
    cleanup.push(() => observer.close({ force: true }));

    // Which jobs each worker holds, and every attempt, from what the workers tell.
    const attempts: Array<{ key: string; attempt: number; by: LoadProcess }> = [];
    const inHand = new Set<string>();
    for (const worker of [doomed, survivor]) {
      worker.onMessage((message) => {
        if ('started' in message) attempts.push({ key: message.started, attempt: message.attempt, by: worker });
        if (worker !== doomed) return;
        if ('started' in message) inHand.add(message.started);
        if ('finished' in message) inHand.delete(message.finished);
      });
    }
    const completedRuns = () => api.checkRuns.filter((run) => run.status === 'completed').length;
    // Midway (40 heads completed), the doomed worker is killed as soon as it starts its next job: it dies with jobs in hand.
    const killed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the doomed worker never held a job after ${HEADS * 0.4} heads were completed`)), 40_000).unref();
      doomed.onMessage((message) => {
        if (!('started' in message) || completedRuns() < HEADS * 0.4 || doomed.child.killed) return;
        clearTimeout(timer);
        doomed.child.kill('SIGKILL');
        resolve(doomed.closed);
      });
    });
    killed.catch(() => undefined);

    const template = JSON.parse(readFileSync(join(REPO_ROOT, 'test/fixtures/events/pull_request.opened.json'), 'utf8'));
    const deliveries: Array<{ receiver: string; body: string }> = [];
    for (let i = 1; i <= HEADS; i++) {
      const event = structuredClone(template);
      event.number = i;
      event.pull_request.number = i;
      event.pull_request.head.sha = headOf(i);
      event.repository.private = false;
      const body = JSON.stringify(event);
      deliveries.push({ receiver: urls[0]!, body }, { receiver: urls[1]!, body });
    }

    const start = performance.now();
    const times: number[] = [];
    const statuses: number[] = [];
    const send = async ({ receiver, body }: { receiver: string; body: string }) => {
      const t = performance.now();
      const response = await fetch(`${receiver}/api/github/webhooks`, {
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
    for (let i = 0; i < deliveries.length; i += 20) await Promise.all(deliveries.slice(i, i + 20).map(send));
    const death = await killed;
    const end = Date.now() + 40_000;
    while (((await observer.counts()).completed ?? 0) < HEADS && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    const total = performance.now() - start;
    const counts = await observer.counts();

    // Graceful stops (SIGTERM) of the others; their logs are then complete.
    const stops = await Promise.all([...receivers, survivor].map((p) => p.stop()));
    const duplicates = receivers.flatMap((r) => r.lines).filter((line) => line.includes('already queued or just reviewed')).length;
    const retried = attempts.filter((a) => a.attempt > 1);
    const sorted = [...times].sort((a, b) => a - b);
    process.stdout.write(
      `load: ${deliveries.length} deliveries → ${counts.completed} reviews, ${duplicates} duplicates avoided, ${retried.length} retried jobs, ` +
        `worker killed with SIGKILL (${inHand.size} jobs active), webhook p50 ${percentile(sorted, 50).toFixed(1)} ms / p95 ${percentile(sorted, 95).toFixed(1)} ms, ` +
        `total ${(total / 1000).toFixed(2)} s\n`,
    );

    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(counts).toMatchObject({ completed: HEADS, failed: 0, active: 0, waiting: 0 });
    expect(duplicates).toBe(deliveries.length - HEADS);
    expect(death).toEqual({ code: null, signal: 'SIGKILL' });
    expect(stops).toEqual([...receivers, survivor].map(() => ({ code: 0, signal: null })));
    // The killed worker died holding jobs; the survivor ran each of them again.
    expect(inHand.size).toBeGreaterThan(0);
    const retriedBySurvivor = new Set(retried.filter((a) => a.by === survivor).map((a) => a.key));
    for (const key of inHand) expect(retriedBySurvivor.has(key), key).toBe(true);
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
