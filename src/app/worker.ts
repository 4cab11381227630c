import { setTimeout as delay } from 'node:timers/promises';
import { Probot, type Logger, type ProbotOctokit } from 'probot';
import { InputError, oneLine } from '../errors.js';
import { BullMQBackend } from '../queue/bullmq-backend.js';
import type { QueueBackend, ReviewPayload } from '../queue/queue-backend.js';
import { resolveAppDeps, type AppDeps } from './app-deps.js';
import { AppOctokit } from './app-octokit.js';
import type { AppEnv } from './env.js';
import { productionReview } from './production-review.js';
import { runReviewJob } from './run-review-job.js';
import { runUntilSignalled, type MainIo } from './run-until-signalled.js';
import { appLogger } from './app-logger.js';

/** A worker taking reviews from the queue. */
export interface RunningWorker {
  backend: QueueBackend<ReviewPayload>;
  /** Stops taking jobs and waits up to `graceMs` for the running ones; past it, they are left to another worker. */
  close(graceMs?: number): Promise<void>;
}

export interface StartWorkerOptions {
  log: Logger;
  /** Replace parts of the wiring (tests: the review function). */
  deps?: AppDeps;
  /** The Octokit class (default {@link AppOctokit}). */
  Octokit?: typeof ProbotOctokit;
}

/** Time a stopping worker gives its running reviews; Docker's own stop timeout is 10 s by default. */
const STOP_GRACE_MS = 8_000;

/** The shared queue on REDIS_URL, its worker running REVIEW_CONCURRENCY reviews at once. */
export function redisBackend(env: AppEnv & { redisUrl: string }, logError: (line: string) => void): BullMQBackend<ReviewPayload> {
  return new BullMQBackend<ReviewPayload>({
    url: env.redisUrl,
    concurrency: env.concurrency,
    onError: (error, key) => logError(`${key ?? 'queue'}: ${oneLine((error as Error)?.message ?? String(error))}`),
  });
}

/**
 * Makes this process a review worker on `backend`: each job opens its installation's session with
 * the app's own credentials (`probot.auth`), then reviews and publishes as the in-process app does.
 */
export function startWorker(env: AppEnv, backend: QueueBackend<ReviewPayload>, options: StartWorkerOptions): RunningWorker {
  const { log } = options;
  const probot = new Probot({ appId: env.appId, privateKey: env.privateKey, baseUrl: env.github.apiUrl, Octokit: options.Octokit ?? AppOctokit, log });
  const engine = options.deps?.review ? undefined : productionReview(env, () => log);
  // The backend is the runtime's too: an organisation's `concurrency` caps its lane there, across workers.
  const runtime = resolveAppDeps({ ...options.deps, backend, ...(engine && { review: engine.review }), webHost: options.deps?.webHost ?? env.github.webHost }, log);
  backend.work(runReviewJob(async (installationId) => ({ octokit: await probot.auth(installationId), log }), runtime));
  log.info(`candidate-review worker taking reviews from the ${backend.kind} queue`);
  return {
    backend,
    close: async (graceMs = STOP_GRACE_MS) => {
      const closing = backend.close();
      const done = await Promise.race([closing.then(() => true), delay(graceMs, false, { ref: false })]);
      if (!done) {
        log.warn(`did not stop within ${graceMs} ms (reviews still running, or Redis unreachable); another worker runs any unfinished review again`);
        if (backend instanceof BullMQBackend) await backend.close({ force: true });
      }
      await engine?.close();
    },
  };
}

/**
 * `npm run worker`: a worker only (no webhook server), taking reviews from REDIS_URL. Returns 2
 * after one line on stderr when the environment is invalid or REDIS_URL is not set; resolves 0
 * once started; SIGTERM or SIGINT stop it gracefully.
 */
export function workerMain(environment: Readonly<Record<string, string | undefined>>, io: MainIo): Promise<number> {
  return runUntilSignalled('candidate-review-worker', environment, io, async (env) => {
    const { redisUrl } = env;
    if (redisUrl === undefined) throw new InputError('REDIS_URL is not set: a separate worker takes reviews from Redis (without it, `npm start` runs them in its own process)');
    const log = await appLogger(env);
    const worker = startWorker(env, redisBackend({ ...env, redisUrl }, (line) => log.error(line)), { log });
    return { log, close: () => worker.close() };
  });
}
