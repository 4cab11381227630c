/**
 * `npm start` with REDIS_URL: one process receives deliveries, queues them in Redis and works them
 * too. A pull-request head and a labelled issue each go through Redis and are published once.
 */
import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEnv } from '../../src/app/env.js';
import { startApp } from '../../src/app/server.js';
import { startWorker } from '../../src/app/worker.js';
import { BullMQBackend } from '../../src/queue/bullmq-backend.js';
import type { ReviewPayload } from '../../src/queue/queue-backend.js';
import { reportAt } from '../app/fake-review.js';
import { captureLog } from '../helpers/capture-log.js';
import { startFakeGitHubApi } from '../helpers/fake-github-api.js';
import { REPO_ROOT, reviewFixture } from '../helpers/review-fixture.js';
import { startRedis } from './redis-server.js';

const APP_ID = 626262;
const SECRET = 'redis-app-webhook-secret-5b2e';
const TOKEN = 'ghs_redisAPPinstallationTOKEN0123456789';
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });

const redis = await startRedis();
afterAll(async () => {
  if ('stop' in redis) await redis.stop();
});

const event = (name: string) => JSON.parse(readFileSync(join(REPO_ROOT, `test/fixtures/events/${name}.json`), 'utf8'));

describe.skipIf('skipped' in redis)('the app with REDIS_URL (receiver and worker in one process)', () => {
  it('a pull request head and a labelled issue are queued in Redis, reviewed, and published once each', async () => {
    const report = await reviewFixture('prompt-only-openai');
    const api = await startFakeGitHubApi({
      appId: APP_ID,
      publicKey,
      installationToken: TOKEN,
      cloneToken: TOKEN,
      pulls: { 'Codertocat/Hello-World#2': { headSha: HEAD } },
      configs: { 'Codertocat/Hello-World': 'concurrency: 1\n' },
    });
    const env = readEnv({
      APP_ID: String(APP_ID),
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: SECRET,
      GHE_HOST: `localhost:${api.port}`,
      GHE_PROTOCOL: 'http',
      HOST: '127.0.0.1',
      PORT: '0',
      REDIS_URL: 'url' in redis ? redis.url : '',
    });
    const logged = captureLog();
    const reviewed: string[] = [];
    const app = await startApp(env, {
      log: logged.log,
      deps: {
        review: async (source, options) => {
          reviewed.push(options.head?.commit ?? source.display);
          return reportAt(report, source, options.head?.commit ?? null, options.base ?? null);
        },
      },
    });
    try {
      expect(app.backend?.kind).toBe('bullmq');
      const pr = event('pull_request.opened');
      pr.pull_request.head.sha = HEAD;
      pr.repository.private = false;
      const issue = event('issues.opened');
      issue.issue.labels = [{ name: 'candidate-review' }];
      issue.issue.body = 'No links here.';
      const deliver = (name: string, body: string) =>
        fetch(`${app.url}/api/github/webhooks`, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json', 'x-github-event': name, 'x-github-delivery': randomUUID(), 'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}` },
        }).then((r) => r.status);
      const prBody = JSON.stringify(pr);
      // The same head twice (a redelivery): one job.
      expect(await Promise.all([deliver('pull_request', prBody), deliver('pull_request', prBody), deliver('issues', JSON.stringify(issue))])).toEqual([200, 200, 200]);
      // The repository's `concurrency: 1` may make the issue's review wait for the pull request's (5–10 s).
      const end = Date.now() + 25_000;
      while ((api.checkRuns[0]?.status !== 'completed' || api.comments.length === 0) && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
      expect(api.checkRuns).toHaveLength(1);
      expect(api.checkRuns[0]).toMatchObject({ head_sha: HEAD, status: 'completed' });
      expect(reviewed).toEqual([HEAD]);
      expect(api.comments).toHaveLength(1);
      expect(api.comments[0]!.body).toContain('No GitHub repository links were found in this issue');
      expect(logged.lines.some((line) => line.includes('already queued or just reviewed'))).toBe(true);
      // The organisation's `concurrency: 1` now caps its lane for every worker of the deployment.
      await app.backend!.onIdle();
      expect(await (app.backend as BullMQBackend<ReviewPayload>).lane('codertocat')).toEqual({ cap: 1, holders: [] });
    } finally {
      await app.close(2_000);
      await api.close();
    }
  });

  it('each receiver shows its head as a check run while it waits; a late delivery of an old head does not supersede the current head: GitHub decides', async () => {
    const OLD = 'a'.repeat(40);
    const report = await reviewFixture('prompt-only-openai');
    const api = await startFakeGitHubApi({ appId: APP_ID, publicKey, installationToken: TOKEN, cloneToken: TOKEN, pulls: { 'Codertocat/Hello-World#2': { headSha: HEAD } } });
    const url = 'url' in redis ? redis.url : '';
    const env = readEnv({ APP_ID: String(APP_ID), PRIVATE_KEY: privateKey, WEBHOOK_SECRET: SECRET, GHE_HOST: `localhost:${api.port}`, GHE_PROTOCOL: 'http', HOST: '127.0.0.1', PORT: '0', REDIS_URL: url });
    const name = `late-${randomUUID()}`;
    const receivers = [
      await startApp(env, { log: captureLog().log, worker: false, deps: { backend: new BullMQBackend<ReviewPayload>({ url, name }) } }),
      await startApp(env, { log: captureLog().log, worker: false, deps: { backend: new BullMQBackend<ReviewPayload>({ url, name }) } }),
    ];
    const workerBackend = new BullMQBackend<ReviewPayload>({ url, name, concurrency: 1 });
    try {
      const delivery = (sha: string, updatedAt: string) => {
        const pr = event('pull_request.synchronize');
        pr.pull_request.head.sha = sha;
        pr.pull_request.updated_at = updatedAt;
        pr.repository.private = false;
        return JSON.stringify(pr);
      };
      const post = (at: string, body: string) =>
        fetch(`${at}/api/github/webhooks`, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': randomUUID(), 'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}` },
        }).then((r) => r.status);
      // The current head at one receiver, then a late redelivery of the older head at the other.
      expect(await post(receivers[0]!.url, delivery(HEAD, '2026-11-29T12:00:00Z'))).toBe(200);
      let end = Date.now() + 5_000;
      while (((await workerBackend.counts()).waiting ?? 0) < 1 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      expect(await post(receivers[1]!.url, delivery(OLD, '2026-11-29T11:00:00Z'))).toBe(200);
      end = Date.now() + 5_000;
      while ((((await workerBackend.counts()).waiting ?? 0) < 2 || api.checkRuns.length < 2) && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      // No worker yet: each receiver has shown its head as a check run in progress while it waits.
      expect(api.checkRuns.map((run) => `${run.head_sha} ${run.status}`).sort()).toEqual([`${HEAD} in_progress`, `${OLD} in_progress`].sort());
      const reviewed: string[] = [];
      startWorker(env, workerBackend, {
        log: captureLog().log,
        deps: { review: async (source, options) => (reviewed.push(options.head!.commit), reportAt(report, source, options.head!.commit, options.base ?? null)) },
      });
      end = Date.now() + 15_000;
      while ((api.checkRuns.length < 2 || api.checkRuns.some((run) => run.status !== 'completed')) && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
      expect(api.checkRuns).toHaveLength(2); // the worker found the receivers' runs and completed them
      const byHead = Object.fromEntries(api.checkRuns.map((run) => [run.head_sha, run]));
      expect(reviewed[0]).toBe(HEAD); // the queue's hint said "superseded"; GitHub said it is the head
      expect(byHead[HEAD]).toMatchObject({ status: 'completed' });
      expect(byHead[HEAD]!.output?.title ?? '').not.toMatch(/superseded/i);
      expect(byHead[OLD]).toMatchObject({ status: 'completed' });
      expect(byHead[OLD]!.output?.summary ?? byHead[OLD]!.output?.title ?? '').toMatch(/newer|superseded/i);
    } finally {
      await workerBackend.close({ force: true });
      for (const receiver of receivers) await receiver.close(1_000);
      await api.close();
    }
  });
  it('Redis down: the delivery fails with 503 within the time-out; once Redis is back, GitHub’s redelivery (same id) is queued once', async () => {
    const own = await startRedis();
    if ('skipped' in own) throw new Error(own.skipped);
    const port = Number(new URL(own.url).port);
    const env = readEnv({ APP_ID: String(APP_ID), PRIVATE_KEY: privateKey, WEBHOOK_SECRET: SECRET, GHE_HOST: 'localhost:1', GHE_PROTOCOL: 'http', HOST: '127.0.0.1', PORT: '0', REDIS_URL: own.url });
    const backend = new BullMQBackend<ReviewPayload>({ url: own.url, name: `down-${randomUUID()}` });
    const logged = captureLog();
    const receiver = await startApp(env, { log: logged.log, worker: false, deps: { backend, enqueueTimeoutMs: 1_000 } });
    let restarted: Awaited<ReturnType<typeof startRedis>> | undefined;
    try {
      const pr = event('pull_request.opened');
      pr.pull_request.head.sha = HEAD;
      const body = JSON.stringify(pr);
      const id = randomUUID();
      const post = () =>
        fetch(`${receiver.url}/api/github/webhooks`, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': id, 'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}` },
        });
      await own.stop();
      const started = Date.now();
      const failed = await post();
      expect(failed.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(logged.lines.some((line) => line.includes(`codertocat/hello-world#2@${HEAD}: could not queue the review`))).toBe(true);

      restarted = await startRedis(port);
      if ('skipped' in restarted) throw new Error(restarted.skipped);
      let redelivered = 0;
      const end = Date.now() + 15_000;
      while (redelivered !== 200 && Date.now() < end) {
        redelivered = (await post()).status; // the client reconnects in its own time: GitHub's redelivery may also come early
        if (redelivered !== 200) await new Promise((r) => setTimeout(r, 200));
      }
      expect(redelivered).toBe(200);
      expect(logged.lines.some((line) => line.includes('seen before'))).toBe(false);
      const job = await backend.job(`codertocat/hello-world#2@${HEAD}`);
      expect(job?.data.payload).toMatchObject({ kind: 'pull-request', target: { headSha: HEAD } });
      expect((await backend.counts()).waiting).toBe(1);
    } finally {
      await receiver.close(1_000);
      await backend.close({ force: true });
      if (restarted && 'stop' in restarted) await restarted.stop();
    }
  }, 30_000);
});
