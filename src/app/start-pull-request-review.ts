import { completeCheckRun } from '../publish/complete-check-run.js';
import { findOrCreateCheckRun } from '../publish/find-or-create-check-run.js';
import { laneOf, type AppRuntime, type GitHubSession } from './app-deps.js';
import { describeGitHubFailure } from './describe-github-failure.js';
import { enqueueReview, type QueueUnavailable } from './enqueue-review.js';
import { neutralOutputs } from './neutral-outputs.js';
import { pullRequestGroup, pullRequestKey, type PullRequestTarget } from './pull-request-target.js';
import { runPullRequestReview } from './run-pull-request-review.js';

/** A head reviewed less than this long ago is not reviewed again (a double `/review`, a quick reopen). */
export const RECENTLY_REVIEWED_MS = 60_000;

/**
 * Queues the review of a pull request head and shows it at once as an `in_progress` check run.
 * One job per head: a head already waiting, running or (unless `rerun`, the check run's own
 * Re-run button) reviewed a moment ago is not queued again; a new head supersedes the pull
 * request's older one. Returns without waiting for the review; with a shared
 * queue, once the job is stored there (else it throws {@link QueueUnavailable}: the delivery fails).
 */
export async function startPullRequestReview(session: GitHubSession, runtime: AppRuntime, target: PullRequestTarget, options: { rerun?: boolean } = {}): Promise<void> {
  const key = pullRequestKey(target);
  if (runtime.backend) {
    // A worker (maybe on another machine) creates the check run when it takes the job.
    const job = { key, group: pullRequestGroup(target), lane: laneOf(target.owner), payload: { kind: 'pull-request' as const, target } };
    await enqueueReview(session, runtime.backend, options.rerun ? { ...job, rerun: true } : job, runtime.enqueueTimeoutMs);
    return;
  }
  const { queue } = runtime;
  if (queue.has(key) || (!options.rerun && queue.finishedWithin(key, RECENTLY_REVIEWED_MS))) {
    session.log.info(`${key}: already queued or just reviewed; this delivery adds nothing`);
    return;
  }
  // Nothing is awaited between the check above and enqueue: two deliveries cannot both pass it.
  const checkRunId = findOrCreateCheckRun(session.octokit, { owner: target.owner, repo: target.repo, headSha: target.headSha }, { now: runtime.now, ...(runtime.wait && { wait: runtime.wait }) });
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
async function finishAs(session: GitHubSession, runtime: AppRuntime, target: PullRequestTarget, checkRunId: Promise<number>, reason: 'superseded' | 'queueFull'): Promise<void> {
  try {
    const id = await checkRunId;
    const output = reason === 'superseded' ? neutralOutputs.superseded(target.headSha) : neutralOutputs.queueFull();
    await completeCheckRun(session.octokit, { owner: target.owner, repo: target.repo, checkRunId: id }, output, runtime.now);
  } catch (error) {
    session.log.warn(`${pullRequestKey(target)}: ${describeGitHubFailure(error) ?? `could not complete the check run: ${(error as Error).message}`}`);
  }
}
