import { InputError, oneLine } from '../errors.js';
import { commentMarker } from '../publish/comment-marker.js';
import { composeComment, type CommentSection } from '../publish/compose-comment.js';
import { upsertComment } from '../publish/upsert-comment.js';
import { permalinkBase } from '../render/permalink-base.js';
import { parseIssueLinks, type IssueLinks } from '../source/parse-issue-links.js';
import { applyConcurrency, type AppRuntime, type GitHubSession } from './app-deps.js';
import { describeGitHubFailure } from './describe-github-failure.js';
import { issueKey, type IssueTarget } from './issue-target.js';
import type { LoadedAppConfig } from './load-app-config.js';
import { reportSection } from './report-section.js';
import { reviewOptions } from './review-options.js';

/** Ignored links listed in the comment at most. */
const MAX_IGNORED_SHOWN = 20;

/**
 * One queued issue review: every repository linked in the body (deduped, capped) is reviewed
 * anonymously — never with the installation token, so an issue cannot make the app read the
 * organisation's private repositories — and the reports go into one comment on the issue,
 * updated in place on re-runs. The issue body is also read for the candidate's claims.
 */
export async function runIssueReview(session: GitHubSession, runtime: AppRuntime, target: IssueTarget, loaded: LoadedAppConfig): Promise<void> {
  const { octokit, log } = session;
  const name = issueKey(target);
  try {
    await applyConcurrency(runtime, session, target.owner, loaded.config.concurrency);
    const links = parseIssueLinks(target.body, { host: runtime.webHost });
    const sections: CommentSection[] = [];
    for (const source of links.sources) {
      try {
        const report = await runtime.review(
          source,
          reviewOptions(loaded.config, {
            claimDocuments: [{ origin: 'issue', path: 'issue description', text: target.body }],
            progress: (line) => log.debug(`${name} ${source.display}: ${line}`),
          }),
        );
        sections.push(reportSection(source, report, permalinkBase(source, report.target.commit)));
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        sections.push({ heading: `${source.display} — not reviewed`, forms: [`**${source.display}**: not reviewed: ${error.message}`] });
      }
    }
    const marker = commentMarker('issue');
    const body = composeComment({ marker, lead: lead(links, loaded), sections, collapse: sections.length > 1 });
    await upsertComment(octokit, { owner: target.owner, repo: target.repo, issueNumber: target.number }, marker, body, runtime.wait);
    log.info(`${name}: comment written (repositories reviewed: ${links.sources.length})`);
  } catch (error) {
    const line = describeGitHubFailure(error);
    log[line ? 'warn' : 'error'](`${name}: ${line ?? `review failed: ${oneLine((error as Error)?.message ?? String(error))}`}`);
  }
}

function lead(links: IssueLinks, loaded: LoadedAppConfig): string[] {
  const n = links.sources.length;
  const lines = [
    n === 0
      ? 'No GitHub repository links were found in this issue (links in code blocks and quotes are not read).'
      : `Review of the ${n === 1 ? 'repository' : `${n} repositories`} linked in this issue, read anonymously: public code only.`,
  ];
  if (links.ignored.length) {
    const shown = links.ignored.slice(0, MAX_IGNORED_SHOWN).map((link) => `- \`${link.text}\`: ${link.reason}`);
    const more = links.ignored.length - shown.length;
    lines.push('', 'Not reviewed:', ...shown, ...(more > 0 ? [`- and ${more} more`] : []));
  }
  if (loaded.problem) lines.push('', `**Configuration problem** (defaults used for the invalid keys): ${loaded.problem}`);
  return lines;
}
