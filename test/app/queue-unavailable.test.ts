/**
 * With a shared queue (REDIS_URL), a delivery is answered only once its review is stored there. A
 * queue that does not answer makes the delivery fail with 503 (GitHub lists it as failed, and it
 * can be redelivered); the redelivery, under the same delivery id, is then queued like a new one.
 */
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEnv } from '../../src/app/env.js';
import { startApp } from '../../src/app/server.js';
import type { BackendJob, EnqueueResult, QueueBackend, ReviewPayload } from '../../src/queue/queue-backend.js';
import { PassThrough } from 'node:stream';
import { startFakeGitHubApi } from '../helpers/fake-github-api.js';
import { REPO_ROOT } from '../helpers/review-fixture.js';

const SECRET = 'queue-unavailable-webhook-secret-71c0';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });

/** A shared queue that answers only when the test says so. */
function controllableBackend() {
  const jobs: BackendJob<ReviewPayload>[] = [];
  let answer: (job: BackendJob<ReviewPayload>) => Promise<EnqueueResult> = () => new Promise(() => undefined);
  const backend: QueueBackend<ReviewPayload> = {
    kind: 'bullmq',
    enqueue: (job) => answer(job),
    setLaneLimit: () => Promise.resolve(),
    work: () => undefined,
    onIdle: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
  return {
    backend,
    jobs,
    hang: () => (answer = () => new Promise(() => undefined)),
    refuse: (message: string) => (answer = () => Promise.reject(new Error(message))),
    /** Starts the job's `prepare` (the check run), then fails to store the job, as a Redis that dies mid-add does. */
    failAfterPrepare: (message: string) =>
      (answer = (job) => {
        void job.prepare?.();
        return Promise.reject(new Error(message));
      }),
    work: () => (answer = async (job) => (jobs.push(job), 'queued')),
  };
}

async function appWith(queue: ReturnType<typeof controllableBackend>, github: Record<string, string> = {}) {
  const env = readEnv({ APP_ID: '4242', PRIVATE_KEY: privateKey, WEBHOOK_SECRET: SECRET, HOST: '127.0.0.1', PORT: '0', REDIS_URL: 'redis://127.0.0.1:1', LOG_FORMAT: 'json', ...github });
  // The app's own logger (pino, as in production), its JSON lines kept.
  const destination = new PassThrough();
  const lines: string[] = [];
  let rest = '';
  destination.on('data', (chunk: Buffer) => {
    const parts = (rest + chunk.toString()).split('\n');
    rest = parts.pop()!;
    lines.push(...parts);
  });
  const app = await startApp(env, { logDestination: destination, worker: false, deps: { backend: queue.backend, enqueueTimeoutMs: 200 } });
  const logged = { lines, settle: () => new Promise((resolve) => setTimeout(resolve, 50)) };
  const pr = JSON.parse(readFileSync(join(REPO_ROOT, 'test/fixtures/events/pull_request.opened.json'), 'utf8'));
  const body = JSON.stringify(pr);
  const deliver = (id: string) =>
    fetch(`${app.url}/api/github/webhooks`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': id, 'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}` },
    });
  return { app, logged, deliver, headSha: pr.pull_request.head.sha as string };
}

describe('a delivery the shared queue cannot take', () => {
  it('is answered 503 when the queue does not answer in time, and its redelivery is queued once the queue is back', async () => {
    const queue = controllableBackend();
    const { app, logged, deliver, headSha } = await appWith(queue);
    try {
      const failed = await deliver('d-4001');
      expect(failed.status).toBe(503);
      expect(await failed.text()).toContain('could not queue the review (no answer from the queue in 200 ms)');
      await logged.settle();
      const key = `codertocat/hello-world#2@${headSha}`;
      expect(logged.lines.some((line) => JSON.parse(line).msg === `${key}: could not queue the review (no answer from the queue in 200 ms); the delivery fails with 503 so that it can be redelivered`)).toBe(true);
      // Probot logs the failed handler too: by delivery id, without the candidate's pull request in full.
      const failures = logged.lines.filter((line) => line.includes('could not queue'));
      expect(failures.some((line) => line.includes('"id":"d-4001"'))).toBe(true);
      expect(failures.join('\n')).not.toContain('This is a pretty simple change');

      queue.work();
      const redelivered = await deliver('d-4001');
      expect(redelivered.status).toBe(200);
      expect(queue.jobs.map((job) => job.key)).toEqual([key]);
      expect(logged.lines.some((line) => line.includes('seen before'))).toBe(false);
      // Handled once it succeeded: the same id again is a repeat.
      expect((await deliver('d-4001')).status).toBe(200);
      expect(queue.jobs).toHaveLength(1);
      await logged.settle();
      expect(logged.lines.some((line) => line.includes('delivery d-4001 seen before; ignored'))).toBe(true);
    } finally {
      await app.close(500);
    }
  });

  it('a check run created for a job the queue then failed to store is completed, saying how the review will start', async () => {
    const token = 'ghs_queueUnavailableTOKEN0123456789ab';
    const api = await startFakeGitHubApi({ appId: 4242, publicKey, installationToken: token, cloneToken: token, pulls: {} });
    const queue = controllableBackend();
    queue.failAfterPrepare("READONLY You can't write against a read only replica.");
    const { app, deliver, headSha } = await appWith(queue, { GHE_HOST: `localhost:${api.port}`, GHE_PROTOCOL: 'http' });
    try {
      expect((await deliver('d-4003')).status).toBe(503);
      const end = Date.now() + 5_000;
      while (api.checkRuns[0]?.status !== 'completed' && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      expect(api.checkRuns).toHaveLength(1);
      expect(api.checkRuns[0]).toMatchObject({ head_sha: headSha, status: 'completed', conclusion: 'neutral', output: { title: 'Review not started: the queue could not be reached' } });
    } finally {
      await app.close(500);
      await api.close();
    }
  });

  it('is answered 503 when the queue refuses, saying why in one line', async () => {
    const queue = controllableBackend();
    queue.refuse('connect ECONNREFUSED 127.0.0.1:6379\n    at TCPConnectWrap');
    const { app, logged, deliver } = await appWith(queue);
    try {
      const failed = await deliver('d-4002');
      expect(failed.status).toBe(503);
      await logged.settle();
      const line = logged.lines.find((l) => l.includes('could not queue the review'))!;
      expect(line).toContain('(connect ECONNREFUSED 127.0.0.1:6379 at TCPConnectWrap)');
    } finally {
      await app.close(500);
    }
  });
});
