import { laneOf, type AppRuntime, type GitHubSession } from './app-deps.js';
import { enqueueReview, type QueueUnavailable } from './enqueue-review.js';
import { issueKey, type IssueTarget } from './issue-target.js';
import type { LoadedAppConfig } from './load-app-config.js';
import { runIssueReview } from './run-issue-review.js';
import { RECENTLY_REVIEWED_MS } from './start-pull-request-review.js';

/**
 * Queues the review of the repositories an issue links to. One job per issue: `opened` and
 * `labeled` for the same new issue, a redelivery, or a second `/review` within a minute add nothing.
 * With a shared queue it returns once the job is stored there, or throws {@link QueueUnavailable}.
 */
export async function startIssueReview(session: GitHubSession, runtime: AppRuntime, target: IssueTarget, loaded: LoadedAppConfig): Promise<void> {
  const key = issueKey(target);
  // The worker reads the configuration again when it takes the job.
  if (runtime.backend) {
    await enqueueReview(session, runtime.backend, { key, lane: laneOf(target.owner), payload: { kind: 'issue', target } }, runtime.enqueueTimeoutMs);
    return;
  }
  const { queue } = runtime;
  if (queue.has(key) || queue.finishedWithin(key, RECENTLY_REVIEWED_MS)) {
    session.log.info(`${key}: already queued or just reviewed; this delivery adds nothing`);
    return;
  }
  const result = queue.enqueue({ key, lane: laneOf(target.owner), run: () => runIssueReview(session, runtime, target, loaded) });
  if (result === 'full') session.log.warn(`${key}: the review queue is full; not queued (comment /review later)`);
}
