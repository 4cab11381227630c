import { CHECK_RUN_NAME, findOrCreateCheckRun } from '../publish/find-or-create-check-run.js';
import type { JobHandler, ReviewPayload } from '../queue/queue-backend.js';
import type { AppRuntime, GitHubSession } from './app-deps.js';
import { loadAppConfig } from './load-app-config.js';
import type { PullRequestTarget } from './pull-request-target.js';
import { runIssueReview } from './run-issue-review.js';
import { runPullRequestReview } from './run-pull-request-review.js';

/** A GitHub session for an installation, opened by the worker (`probot.auth(installationId)`). */
export type SessionFor = (installationId: number) => Promise<GitHubSession>;

/**
 * The worker side of a queued review: opens the installation's session, then runs the same code
 * as the in-process queue. A pull request's check run is found or created here (once per head,
 * also when a crashed worker's job is retried); a superseded head completes it as superseded.
 * Publishing is find-or-create, so a retried job updates what an earlier run posted; a retried job
 * whose earlier run already completed the head's check run (its worker died just after) stops there.
 */
export function runReviewJob(sessionFor: SessionFor, runtime: AppRuntime): JobHandler<ReviewPayload> {
  return async (payload, run) => {
    const session = await sessionFor(payload.target.installationId);
    if (payload.kind === 'issue') {
      const loaded = await loadAppConfig(session.octokit, payload.target);
      return runIssueReview(session, runtime, payload.target, loaded);
    }
    const { target } = payload;
    if (run.attempt > 1 && (await publishedBefore(session, target))) {
      session.log.info(`${run.key}: an earlier run of this job published its result before its worker stopped; nothing more to do`);
      return;
    }
    const checkRunId = findOrCreateCheckRun(
      session.octokit,
      { owner: target.owner, repo: target.repo, headSha: target.headSha },
      { now: runtime.now, ...(runtime.wait && { wait: runtime.wait }) },
    );
    checkRunId.catch(() => undefined); // runPullRequestReview reports it
    // The queue's "a newer head was queued" is a hint (a late redelivery of an old head also counts): GitHub decides.
    const superseded = run.superseded && !(await isHead(session, target));
    const signal = superseded ? AbortSignal.abort() : run.signal;
    return runPullRequestReview(session, runtime, { target, checkRunId, signal });
  };
}

/**
 * A retried job's earlier run got as far as completing the head's check run: none is open, one is
 * completed. (A re-run whose first attempt died before creating its check run reads as done too:
 * the head keeps its previous result, and the Re-run button works again.)
 */
async function publishedBefore(session: GitHubSession, target: PullRequestTarget): Promise<boolean> {
  const list = (status: 'in_progress' | 'completed') =>
    session.octokit.rest.checks.listForRef({ owner: target.owner, repo: target.repo, ref: target.headSha, check_name: CHECK_RUN_NAME, status, filter: 'latest', per_page: 10 });
  const [open, completed] = await Promise.all([list('in_progress'), list('completed')]);
  const at = (runs: { head_sha: string; status: string }[], done: boolean) => runs.some((r) => r.head_sha === target.headSha && (r.status === 'completed') === done);
  return !at(open.data.check_runs, false) && at(completed.data.check_runs, true);
}

/** The pull request's head on GitHub is still this commit. */
async function isHead(session: GitHubSession, target: PullRequestTarget): Promise<boolean> {
  const { data } = await session.octokit.rest.pulls.get({ owner: target.owner, repo: target.repo, pull_number: target.number });
  return data.head.sha === target.headSha;
}
