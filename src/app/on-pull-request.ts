import type { Context } from 'probot';
import type { AppRuntime } from './app-deps.js';
import { pullRequestGroup, pullRequestTarget } from './pull-request-target.js';
import { startPullRequestReview } from './start-pull-request-review.js';

export type PullRequestEvent = 'pull_request.opened' | 'pull_request.reopened' | 'pull_request.synchronize' | 'pull_request.ready_for_review';

/**
 * A pull request opened, reopened, pushed to or marked ready → review its head (drafts wait until
 * ready). A delivery older than one already seen for a newer head of the same pull request is
 * ignored: it would otherwise supersede the newer head's review.
 */
export async function onPullRequest(context: Context<PullRequestEvent>, runtime: AppRuntime): Promise<void> {
  const { pull_request: pr, installation, repository } = context.payload;
  if (!installation || pr.state !== 'open' || pr.draft) return;
  const target = pullRequestTarget(installation.id, repository, pr);
  if (!runtime.heads.current(pullRequestGroup(target), target.headSha, pr.updated_at)) {
    context.log.info(`${pullRequestGroup(target)}: ${target.headSha.slice(0, 12)} is older than a head already seen; this delivery adds nothing`);
    return;
  }
  await startPullRequestReview(context, runtime, target);
}
