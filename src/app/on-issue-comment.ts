import type { Context } from 'probot';
import type { AppRuntime } from './app-deps.js';
import { canTriggerReview } from './can-trigger-review.js';
import { hasReviewCommand } from './has-review-command.js';
import { loadAppConfig } from './load-app-config.js';
import { pullRequestTarget } from './pull-request-target.js';
import { reportFailure } from './report-failure.js';
import { startIssueReview } from './start-issue-review.js';
import { startPullRequestReview } from './start-pull-request-review.js';

/**
 * `/review` in a new comment → re-run the review of the pull request's current head, or of the
 * issue's links (an issue that carries the trigger label). Bots (the app itself among them) are
 * ignored, and only users with write permission may ask.
 */
export async function onIssueComment(context: Context<'issue_comment.created'>, runtime: AppRuntime): Promise<void> {
  const { comment, issue, installation, repository } = context.payload;
  const user = comment.user;
  if (!installation || !user || context.isBot || user.type === 'Bot' || !hasReviewCommand(comment.body)) return;
  const at = { owner: repository.owner.login, repo: repository.name };
  try {
    if (!(await canTriggerReview(context.octokit, at, user.login))) {
      context.log.info(`/review on #${issue.number} by ${user.login} ignored: it needs write permission on ${at.owner}/${at.repo}`);
      return;
    }
    if (issue.pull_request) {
      const { data: pr } = await context.octokit.rest.pulls.get({ ...at, pull_number: issue.number });
      if (pr.state !== 'open') return;
      await startPullRequestReview(context, runtime, pullRequestTarget(installation.id, repository, pr));
      return;
    }
    const loaded = await loadAppConfig(context.octokit, at);
    if (issue.state !== 'open' || !(issue.labels ?? []).some((l) => l.name === loaded.config.label)) return;
    await startIssueReview(context, runtime, { installationId: installation.id, ...at, number: issue.number, body: issue.body ?? '' }, loaded);
  } catch (error) {
    reportFailure(context, error, `/review on #${issue.number}`);
  }
}
