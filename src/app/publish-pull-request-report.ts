import { buildAnnotations } from '../publish/build-annotations.js';
import { commentMarker } from '../publish/comment-marker.js';
import { completeCheckRun, type CheckRunOutput } from '../publish/complete-check-run.js';
import { composeComment } from '../publish/compose-comment.js';
import { upsertComment } from '../publish/upsert-comment.js';
import { upsertIssue } from '../publish/upsert-issue.js';
import { permalinkBase } from '../render/permalink-base.js';
import { renderCheckRunSummary } from '../render/render-check-run-summary.js';
import type { Report } from '../report/build-report.js';
import type { Source } from '../source/parse-source.js';
import type { AppRuntime, GitHubSession } from './app-deps.js';
import type { LoadedAppConfig } from './load-app-config.js';
import { neutralOutputs } from './neutral-outputs.js';
import type { PullRequestTarget } from './pull-request-target.js';
import { reportSection } from './report-section.js';

export interface PullRequestReport {
  target: PullRequestTarget;
  checkRunId: number;
  loaded: LoadedAppConfig;
  source: Source;
  report: Report;
  /** Aborted when a newer head of the pull request arrived: nothing more is published for this one. */
  signal?: AbortSignal;
}

/**
 * Sends a finished review where the configuration says: the check run itself (summary and
 * annotations), a comment on the pull request, or an issue in a private hiring repository of the
 * same owner. Whatever the destination, the check run completes `neutral`; unless it carries the
 * report, its text says nothing about the candidate's code. Once `signal` is aborted (a newer
 * push), nothing more is written but a "superseded" completion.
 */
export async function publishPullRequestReport(session: GitHubSession, runtime: AppRuntime, input: PullRequestReport): Promise<void> {
  const { octokit } = session;
  const { target, loaded, report } = input;
  const superseded = () => input.signal?.aborted === true;
  const finish = (output: CheckRunOutput) =>
    completeCheckRun(
      octokit,
      { owner: target.owner, repo: target.repo, checkRunId: input.checkRunId },
      superseded() ? neutralOutputs.superseded(target.headSha) : output,
      runtime.now,
    );
  if (!loaded.destinationKnown) return finish(neutralOutputs.withheld(loaded.problem ?? 'report: invalid'));

  const links = permalinkBase(input.source, report.target.commit);
  const configNote = loaded.problem ? [`**Configuration problem** (defaults used for the invalid keys): ${loaded.problem}`] : [];
  const destination = loaded.config.report;

  if (destination.target === 'check-run') {
    const { title, summary } = renderCheckRunSummary(report, links);
    return finish({ title, summary, ...(configNote.length && { text: configNote.join('\n') }), annotations: buildAnnotations(report.findings) });
  }

  if (superseded()) return finish(neutralOutputs.superseded(target.headSha));
  if (destination.target === 'pr-comment') {
    const marker = commentMarker('pull-request');
    const body = composeComment({ marker, lead: configNote, sections: [reportSection(input.source, report, links)], collapse: false });
    const comment = await upsertComment(octokit, { owner: target.owner, repo: target.repo, issueNumber: target.number }, marker, body, runtime.wait);
    return finish(neutralOutputs.postedAsComment(comment.url));
  }

  const [owner = '', repo = ''] = (destination.repository ?? '').split('/');
  if (owner.toLowerCase() !== target.owner.toLowerCase()) {
    return finish(neutralOutputs.withheld(`report.repository must be a repository of ${target.owner}, not ${owner}`));
  }
  const { data: hiring } = await octokit.rest.repos.get({ owner, repo });
  if (!hiring.private) return finish(neutralOutputs.withheld(`report.repository ${owner}/${repo} is not private`));
  const marker = commentMarker(`report:${target.owner}/${target.repo}#${target.number}`);
  // Code spans and "PR 12": a plain `owner/repo#12` would put a cross-reference on the candidate's pull request.
  const subject = `${target.owner}/${target.repo} PR ${target.number}`;
  const body = composeComment({
    marker,
    lead: [`Review of pull request \`${target.owner}/${target.repo}#${target.number}\` at \`${target.headSha.slice(0, 12)}\`.`, ...configNote],
    sections: [reportSection(input.source, report, links)],
    collapse: false,
  });
  if (superseded()) return finish(neutralOutputs.superseded(target.headSha));
  await upsertIssue(octokit, { owner, repo }, marker, { title: `Candidate review: ${subject}`, body }, runtime.wait);
  return finish(neutralOutputs.recorded());
}
