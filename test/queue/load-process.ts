/**
 * One process of the queue load test (test/queue/load.test.ts), started by `spawnLoadProcess`
 * (spawn-load-process.ts) as `node --import exit-with-parent.mjs --import register-ts.mjs
 * test/queue/load-process.ts '<LoadProcessOptions as JSON>'` with the app's own environment
 * (APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, GHE_HOST, REDIS_URL, LOG_FORMAT…), read by the real
 * `readEnv` and run by the real `runUntilSignalled`, as `npm start` and `npm run worker` are:
 *
 * - `receiver`: the real `startApp` with `worker: false` (it queues deliveries in Redis and creates
 *   their check runs), its GitHub writes not spaced 1 s apart (production's pacing per process);
 * - `worker`: the real `startWorker`, with two swaps the real `npm run worker` cannot take: the
 *   review returns a report reviewed once by the parent (the pipeline would clone from GitHub),
 *   and GitHub writes are not spaced either.
 *
 * Both log as the app does (the app's logger, on stdout) and stop gracefully on SIGTERM. They tell
 * the parent over the IPC channel when they are ready and, for a worker, when each job starts and
 * finishes; a process whose parent is gone (its IPC channel closes) exits (exit-with-parent.mjs).
 */
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import type { ProbotOctokit } from 'probot';
import type { ReviewFunction } from '../../src/app/app-deps.js';
import { appLogger } from '../../src/app/app-logger.js';
import { AppOctokit } from '../../src/app/app-octokit.js';
import type { AppEnv } from '../../src/app/env.js';
import { runUntilSignalled, type Started } from '../../src/app/run-until-signalled.js';
import { startApp } from '../../src/app/server.js';
import { startWorker } from '../../src/app/worker.js';
import { oneLine } from '../../src/errors.js';
import { BullMQBackend, type BullMQBackendOptions } from '../../src/queue/bullmq-backend.js';
import type { ReviewPayload } from '../../src/queue/queue-backend.js';
import type { Report } from '../../src/report/build-report.js';
import { reportAt } from '../app/fake-review.js';

/** What the parent asks of one process (its first argument, as JSON). */
export interface LoadProcessOptions {
  role: 'receiver' | 'worker';
  /** The shared queue's settings (REDIS_URL gives the URL). */
  queue: Omit<BullMQBackendOptions, 'url' | 'onError' | 'now'>;
  /** worker: the JSON file of the report every review returns (as of the reviewed head), read at the first review. */
  report?: string;
  /** worker: how long each review takes. */
  reviewMs?: number;
}

/** What a process tells its parent. */
export type LoadProcessMessage = { ready: true; url?: string } | { started: string; attempt: number } | { finished: string };

const tell = (message: LoadProcessMessage) => process.send?.(message);

/** A throttling group that does not space requests (production spaces writes 1 s apart per worker: GitHub's own guidance). */
const unpaced = { key: () => ({ schedule: async (_options: unknown, task: (...args: unknown[]) => unknown, ...args: unknown[]) => task(...args) }) };

const UnpacedOctokit = AppOctokit.defaults((options: NonNullable<ConstructorParameters<typeof ProbotOctokit>[0]>) => ({
  ...options,
  throttle: { ...options.throttle, write: unpaced, notifications: unpaced },
})) as typeof ProbotOctokit;

async function start(options: LoadProcessOptions, env: AppEnv): Promise<Started & { url?: string }> {
  const log = await appLogger(env);
  const backend = new BullMQBackend<ReviewPayload>({
    ...options.queue,
    url: env.redisUrl ?? '',
    onError: (error, key) => log.error(`${key ?? 'queue'}: ${oneLine((error as Error)?.message ?? String(error))}`),
  });
  if (options.role === 'receiver') return startApp(env, { log, worker: false, deps: { backend }, Octokit: UnpacedOctokit });

  let report: Report | undefined; // read at the first review: the parent writes it while this process starts
  const review: ReviewFunction = async (source, reviewOptions) => {
    await delay(options.reviewMs ?? 0);
    report ??= JSON.parse(readFileSync(options.report ?? '', 'utf8')) as Report;
    return reportAt(report, source, reviewOptions.head?.commit ?? null, reviewOptions.base ?? null);
  };
  // Each job's start and end, for the parent (which jobs this process holds when it is killed).
  const work = backend.work.bind(backend);
  backend.work = (handler) =>
    work(async (payload, run) => {
      tell({ started: run.key, attempt: run.attempt });
      try {
        await handler(payload, run);
      } finally {
        tell({ finished: run.key });
      }
    });
  const worker = startWorker(env, backend, { log, deps: { review }, Octokit: UnpacedOctokit });
  return { log, close: () => worker.close() };
}

const options = JSON.parse(process.argv[2] ?? '{}') as LoadProcessOptions;
if (!process.connected) throw new Error('load-process: start me with an IPC channel (stdio "ipc"), and exit-with-parent.mjs');
let url: string | undefined;
const code = await runUntilSignalled(`load-${options.role}`, process.env, { stderr: process.stderr, exit: (c) => process.exit(c), signals: process }, async (env) => {
  const running = await start(options, env);
  url = running.url;
  return running;
});
if (code !== 0) process.exit(code);
tell(url === undefined ? { ready: true } : { ready: true, url });
