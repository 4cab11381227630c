import type { Context } from 'probot';
import { CHECK_RUN_NAME } from '../publish/find-or-create-check-run.js';
import type { AppRuntime } from './app-deps.js';
import { pullRequestTarget } from './pull-request-target.js';
import { reportFailure } from './report-failure.js';
import { startPullRequestReview } from './start-pull-request-review.js';

/** "Re-run" on the app's check run → review the pull request again, if that commit is still its head. */
export async function onCheckRunRerequested(context: Context<'check_run.rerequested'>, runtime: AppRuntime): Promise<void> {
  const { check_run: run, installation, repository } = context.payload;
  if (!installation || run.name !== CHECK_RUN_NAME) return;
  const at = { owner: repository.owner.login, repo: repository.name };
  try {
    const number = run.pull_requests[0]?.number ?? (await openPullRequestAt(context, at, run.head_sha));
    if (number === undefined) {
      context.log.info(`re-run of ${run.head_sha.slice(0, 12)} ignored: no open pull request has it as its head`);
      return;
    }
    const { data: pr } = await context.octokit.rest.pulls.get({ ...at, pull_number: number });
    if (pr.state !== 'open' || pr.head.sha !== run.head_sha) {
      context.log.info(`re-run of ${run.head_sha.slice(0, 12)} ignored: it is no longer the head of #${number}`);
      return;
    }
    await startPullRequestReview(context, runtime, pullRequestTarget(installation.id, repository, pr), { rerun: true });
  } catch (error) {
    reportFailure(context, error, `re-run of ${run.head_sha.slice(0, 12)}`);
  }
}

/** The open pull request whose head is `sha` (a check run of a fork's PR lists none). */
async function openPullRequestAt(context: Context<'check_run.rerequested'>, at: { owner: string; repo: string }, sha: string): Promise<number | undefined> {
  const { data } = await context.octokit.rest.repos.listPullRequestsAssociatedWithCommit({ ...at, commit_sha: sha, per_page: 10 });
  return data.find((pr) => pr.state === 'open' && pr.head.sha === sha)?.number;
}
