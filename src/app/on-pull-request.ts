import type { Context } from 'probot';
import type { AppRuntime } from './app-deps.js';
import { pullRequestTarget } from './pull-request-target.js';
import { startPullRequestReview } from './start-pull-request-review.js';

export type PullRequestEvent = 'pull_request.opened' | 'pull_request.reopened' | 'pull_request.synchronize' | 'pull_request.ready_for_review';

/** A pull request opened, reopened, pushed to or marked ready → review its head (drafts wait until ready). */
export function onPullRequest(context: Context<PullRequestEvent>, runtime: AppRuntime): void {
  const { pull_request: pr, installation, repository } = context.payload;
  if (!installation || pr.state !== 'open' || pr.draft) return;
  startPullRequestReview(context, runtime, pullRequestTarget(installation.id, repository, pr));
}
