import type { Context } from 'probot';
import type { AppRuntime } from './app-deps.js';
import { loadAppConfig } from './load-app-config.js';
import { reportFailure } from './report-failure.js';
import { startIssueReview } from './start-issue-review.js';

export type IssueEvent = 'issues.opened' | 'issues.labeled';

/** An issue opened with the trigger label, or given it → review the repositories linked in its body. */
export async function onIssue(context: Context<IssueEvent>, runtime: AppRuntime): Promise<void> {
  const { issue, installation, repository } = context.payload;
  if (!installation || issue.state !== 'open' || 'pull_request' in issue) return;
  try {
    const loaded = await loadAppConfig(context.octokit, { owner: repository.owner.login, repo: repository.name });
    const { label } = loaded.config;
    const asked =
      context.payload.action === 'labeled'
        ? context.payload.label?.name === label
        : (issue.labels ?? []).some((l) => l.name === label);
    if (!asked) return;
    await startIssueReview(context, runtime, { installationId: installation.id, owner: repository.owner.login, repo: repository.name, number: issue.number, body: issue.body ?? '' }, loaded);
  } catch (error) {
    reportFailure(context, error, `issue #${issue.number}`);
  }
}
