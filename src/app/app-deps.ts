import type { Context } from 'probot';
import { oneLine } from '../errors.js';
import type { Report } from '../report/build-report.js';
import { review, type ReviewOptions } from '../review.js';
import type { Source } from '../source/parse-source.js';
import type { QueueBackend, ReviewPayload } from '../queue/queue-backend.js';
import { ENQUEUE_TIMEOUT_MS } from './enqueue-review.js';
import { LatestHeads } from './latest-heads.js';
import { RecentDeliveries } from './recent-deliveries.js';
import { ReviewQueue } from './review-queue.js';
import { scopedCloneToken, type CloneAuthProvider } from './scoped-clone-token.js';

/** The review pipeline as the app calls it (`review` from src/review.ts unless a test swaps it). */
export type ReviewFunction = (source: Source, options: ReviewOptions) => Promise<Report>;

/** What tests (and the server) swap; everything has a default. */
export interface AppDeps {
  review?: ReviewFunction;
  /** The clock for check-run times and the "reviewed a moment ago" check. */
  now?: () => Date;
  /** Reviews running at once across all installations (default 2); ignored when `queue` is given. */
  concurrency?: number;
  /** A queue to share (tests await `queue.onIdle()`). */
  queue?: ReviewQueue;
  /** A shared queue (Redis, REDIS_URL): reviews are enqueued there as plain payloads, not run in `queue`. */
  backend?: QueueBackend<ReviewPayload>;
  /** Credentials for cloning a private take-home repository of the installation. */
  cloneAuth?: CloneAuthProvider;
  /** The GitHub web host sources live on: `github.com`, or a GitHub Enterprise Server host. */
  webHost?: string;
  /** Waits between create attempts after a lost response (tests pass an instant one). */
  wait?: (ms: number) => Promise<void>;
  /** How long a delivery waits for the shared queue to store its review (default {@link ENQUEUE_TIMEOUT_MS}). */
  enqueueTimeoutMs?: number;
}

/** AppDeps with every default filled in, plus the app's own bounded memory of deliveries. */
export interface AppRuntime {
  review: ReviewFunction;
  now: () => Date;
  queue: ReviewQueue;
  backend: QueueBackend<ReviewPayload> | undefined;
  cloneAuth: CloneAuthProvider;
  webHost: string;
  wait: ((ms: number) => Promise<void>) | undefined;
  enqueueTimeoutMs: number;
  deliveries: RecentDeliveries;
  /** The newest head seen per pull request, so a stale delivery supersedes nothing. */
  heads: LatestHeads;
}

/** The GitHub side of one webhook: its authenticated client and its logger. */
export interface GitHubSession {
  octokit: Context['octokit'];
  log: Context['log'];
}

export const DEFAULT_CONCURRENCY = 2;

/** The lane of an installation's owner: the reviews of one organisation share its `concurrency` cap. */
export function laneOf(owner: string): string {
  return owner.toLowerCase();
}

/**
 * Applies an organisation's `concurrency` setting (read with each review; no setting, no cap) to
 * the queue its reviews run in: the shared one, across every worker, when there is one. A queue
 * that cannot store it is a warning; the review goes on.
 */
export async function applyConcurrency(runtime: AppRuntime, session: GitHubSession, owner: string, limit: number | undefined): Promise<void> {
  try {
    if (runtime.backend) await runtime.backend.setLaneLimit(laneOf(owner), limit);
    else runtime.queue.setLaneLimit(laneOf(owner), limit);
  } catch (error) {
    session.log.warn(`${owner}: the configured concurrency (${limit ?? 'none'}) could not be applied to the queue (${oneLine((error as Error)?.message ?? String(error))}); the review goes on`);
  }
}

export function resolveAppDeps(deps: AppDeps, log: Context['log']): AppRuntime {
  const now = deps.now ?? (() => new Date());
  return {
    review: deps.review ?? review,
    now,
    queue:
      deps.queue ??
      new ReviewQueue({
        concurrency: deps.concurrency ?? DEFAULT_CONCURRENCY,
        now: () => now().getTime(),
        onError: (error, key) => log.error(`review ${key} failed: ${(error as Error)?.message ?? String(error)}`),
      }),
    backend: deps.backend,
    cloneAuth: deps.cloneAuth ?? scopedCloneToken,
    webHost: (deps.webHost ?? 'github.com').toLowerCase(),
    wait: deps.wait,
    enqueueTimeoutMs: deps.enqueueTimeoutMs ?? ENQUEUE_TIMEOUT_MS,
    deliveries: new RecentDeliveries(),
    heads: new LatestHeads(),
  };
}
