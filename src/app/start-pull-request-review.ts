import { completeCheckRun } from '../publish/complete-check-run.js';
import { findOrCreateCheckRun } from '../publish/find-or-create-check-run.js';
import { laneOf, type AppRuntime, type GitHubSession } from './app-deps.js';
import { describeGitHubFailure } from './describe-github-failure.js';
import type { BackendJob, EnqueueResult, ReviewPayload } from '../queue/queue-backend.js';
import { enqueueReview, type QueueUnavailable } from './enqueue-review.js';
import { neutralOutputs } from './neutral-outputs.js';
import { pullRequestGroup, pullRequestKey, type PullRequestTarget } from './pull-request-target.js';
import { runPullRequestReview } from './run-pull-request-review.js';

/** A head reviewed less than this long ago is not reviewed again (a double `/review`, a quick reopen). */
export const RECENTLY_REVIEWED_MS = 60_000;

/**
 * Queues the review of a pull request head and shows it at once as an `in_progress` check run
 * (with a shared queue too: the receiver creates it just before the job is stored).
 * One job per head: a head already waiting, running or (unless `rerun`, the check run's own
 * Re-run button) reviewed a moment ago is not queued again; a new head supersedes the pull
 * request's older one. Returns without waiting for the review; with a shared
 * queue, once the job is stored there (else it throws {@link QueueUnavailable}: the delivery fails).
 */
export async function startPullRequestReview(session: GitHubSession, runtime: AppRuntime, target: PullRequestTarget, options: { rerun?: boolean } = {}): Promise<void> {
  const key = pullRequestKey(target);
  const createCheckRun = () => findOrCreateCheckRun(session.octokit, { owner: target.owner, repo: target.repo, headSha: target.headSha }, { now: runtime.now, ...(runtime.wait && { wait: runtime.wait }) });
  if (runtime.backend) {
    let checkRunId: Promise<number> | undefined;
    const job: BackendJob<ReviewPayload> = {
      key,
      group: pullRequestGroup(target),
      lane: laneOf(target.owner),
      payload: { kind: 'pull-request', target },
      ...(options.rerun && { rerun: true }),
      // Shown while the job waits; the worker that takes it finds this run (or, if creating failed, creates one).
      prepare: () => {
        checkRunId = createCheckRun();
        return checkRunId.then(
          () => undefined,
          (error: unknown) => session.log.warn(`${key}: ${describeGitHubFailure(error) ?? `could not create the check run: ${(error as Error).message}`}; the worker tries again`),
        );
      },
    };
    let result: EnqueueResult;
    try {
      result = await enqueueReview(session, runtime.backend, job, runtime.enqueueTimeoutMs);
    } catch (error) {
      if (checkRunId) void finishAs(session, runtime, target, checkRunId, 'queueUnavailable');
      throw error;
    }
    if (result === 'full') void finishAs(session, runtime, target, createCheckRun(), 'queueFull');
    return;
  }
  const { queue } = runtime;
  if (queue.has(key) || (!options.rerun && queue.finishedWithin(key, RECENTLY_REVIEWED_MS))) {
    session.log.info(`${key}: already queued or just reviewed; this delivery adds nothing`);
    return;
  }
  // Nothing is awaited between the check above and enqueue: two deliveries cannot both pass it.
  const checkRunId = createCheckRun();
  checkRunId.catch(() => undefined); // a job still waiting in the queue reports the failure when it runs
  const result = queue.enqueue({
    key,
    group: pullRequestGroup(target),
    lane: laneOf(target.owner),
    run: (signal) => runPullRequestReview(session, runtime, { target, checkRunId, signal }),
    discarded: () => finishAs(session, runtime, target, checkRunId, 'superseded'),
  });
  if (result === 'full') {
    session.log.warn(`${key}: the review queue is full; not queued`);
    void finishAs(session, runtime, target, checkRunId, 'queueFull');
  }
}

/** Completes the check run of a job that will not run, with a neutral reason. */
async function finishAs(session: GitHubSession, runtime: AppRuntime, target: PullRequestTarget, checkRunId: Promise<number>, reason: 'superseded' | 'queueFull' | 'queueUnavailable'): Promise<void> {
  try {
    const id = await checkRunId;
    const output = reason === 'superseded' ? neutralOutputs.superseded(target.headSha) : neutralOutputs[reason]();
    await completeCheckRun(session.octokit, { owner: target.owner, repo: target.repo, checkRunId: id }, output, runtime.now);
  } catch (error) {
    session.log.warn(`${pullRequestKey(target)}: ${describeGitHubFailure(error) ?? `could not complete the check run: ${(error as Error).message}`}`);
  }
}
