import { InputError, oneLine } from '../errors.js';
import { completeCheckRun, type CheckRunOutput } from '../publish/complete-check-run.js';
import type { Report } from '../report/build-report.js';
import type { Source } from '../source/parse-source.js';
import { isFetchable } from '../workspace/git/clone-remote.js';
import { applyConcurrency, type AppRuntime, type GitHubSession } from './app-deps.js';
import { describeGitHubFailure } from './describe-github-failure.js';
import { loadAppConfig } from './load-app-config.js';
import { neutralOutputs } from './neutral-outputs.js';
import { publishPullRequestReport } from './publish-pull-request-report.js';
import { pullRequestGroup, type PullRequestTarget } from './pull-request-target.js';
import { remoteSource } from './remote-source.js';
import { reviewOptions } from './review-options.js';

export interface PullRequestJob {
  target: PullRequestTarget;
  /** The check run created `in_progress` when the webhook arrived. */
  checkRunId: Promise<number>;
  /** Aborted when a newer head of the same pull request is queued. */
  signal: AbortSignal;
}

/**
 * One queued pull-request review: configuration from the default branch, the review of the head
 * against the PR base (a private repository cloned with a token scoped to it), then publishing.
 * Nothing is posted for a head that is no longer the pull request's head: a newer push wins and
 * the older check run completes as superseded. A GitHub refusal (401/403/404/410) stops the job
 * with one actionable log line.
 */
export async function runPullRequestReview(session: GitHubSession, runtime: AppRuntime, job: PullRequestJob): Promise<void> {
  const { octokit, log } = session;
  const { target, signal } = job;
  const name = pullRequestGroup(target);
  let checkRunId: number | undefined;
  const finish = (output: CheckRunOutput) =>
    completeCheckRun(octokit, { owner: target.owner, repo: target.repo, checkRunId: checkRunId! }, output, runtime.now);
  try {
    checkRunId = await job.checkRunId;
    if (signal.aborted) return await finish(neutralOutputs.superseded(target.headSha));
    const loaded = await loadAppConfig(octokit, target);
    if (loaded.problem) log.warn(`${name}: ${loaded.problem}`);
    await applyConcurrency(runtime, session, target.owner, loaded.config.concurrency);
    let source: Source;
    let report: Report;
    try {
      source = remoteSource(runtime.webHost, target.owner, target.repo);
      const cloneAuth = target.private ? await runtime.cloneAuth(octokit, { installationId: target.installationId, repositoryId: target.repositoryId }) : undefined;
      report = await runtime.review(
        source,
        reviewOptions(loaded.config, {
          base: target.baseSha,
          head: { commit: target.headSha, fetch: fetchRefs(target) },
          signal,
          claimDocuments: [{ origin: 'pull-request', path: 'pull request description', text: target.body }],
          ...(cloneAuth && { cloneAuth }),
          progress: (line) => log.debug(`${name}: ${line}`),
        }),
      );
    } catch (error) {
      if (signal.aborted) return await finish(neutralOutputs.superseded(target.headSha));
      if (!(error instanceof InputError)) throw error;
      log.info(`${name}: ${error.message}`);
      return await finish(neutralOutputs.failed(error.message));
    }

    if (signal.aborted || !(await isStillHead(session, target))) {
      log.info(`${name}: ${target.headSha.slice(0, 12)} was superseded by a newer push; nothing posted`);
      return await finish(neutralOutputs.superseded(target.headSha));
    }
    if (report.target.commit !== target.headSha) {
      log.warn(`${name}: the clone read ${report.target.commit ?? 'no commit'}, not the head ${target.headSha}; nothing posted`);
      return await finish(neutralOutputs.notAtHead(target.headSha, report.target.commit));
    }
    await publishPullRequestReport(session, runtime, { target, checkRunId, loaded, source, report, signal });
    log.info(`${name}: review of ${target.headSha.slice(0, 12)} published`);
  } catch (error) {
    const line = describeGitHubFailure(error);
    log[line ? 'warn' : 'error'](`${name}: ${line ?? `review failed: ${oneLine((error as Error)?.message ?? String(error))}`}`);
    if (checkRunId !== undefined) {
      await finish(neutralOutputs.failed(line ? 'GitHub refused a request the review needed; the app log says which.' : 'internal error; the app log has details.')).catch(
        () => undefined,
      );
    }
  }
}

/** The pull request's head is still this commit (a push during the review makes it stale). */
async function isStillHead(session: GitHubSession, target: PullRequestTarget): Promise<boolean> {
  const { data } = await session.octokit.rest.pulls.get({ owner: target.owner, repo: target.repo, pull_number: target.number });
  return data.head.sha === target.headSha;
}

/** The pull request's head (from a fork too: GitHub keeps `refs/pull/N/head` in the base repository) and its base branch. */
function fetchRefs(target: PullRequestTarget): string[] {
  const base = `refs/heads/${target.baseRef}`;
  return [`refs/pull/${target.number}/head`, ...(isFetchable(base) ? [base] : [])];
}
