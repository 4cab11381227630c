import { oneLine } from '../errors.js';
import type { CheckRunOutput } from '../publish/complete-check-run.js';

/**
 * The check-run texts that carry no evaluation: what a candidate may always see. Each is a
 * function of facts about the run (a commit, a link, a safe one-line error), never of the report.
 */
export const neutralOutputs = {
  superseded: (headSha: string): CheckRunOutput => ({
    title: 'Superseded by a newer commit',
    summary: `A newer push to this pull request is reviewed instead of \`${headSha.slice(0, 12)}\`.`,
  }),
  recorded: (): CheckRunOutput => ({
    title: 'Review recorded',
    summary: 'The review of this pull request was recorded for the hiring team.',
  }),
  postedAsComment: (url: string): CheckRunOutput => ({
    title: 'Report posted as a comment',
    summary: `The review is in [a comment on this pull request](${url}).`,
  }),
  withheld: (problem: string): CheckRunOutput => ({
    title: 'Configuration error: report not published',
    summary: `${oneLine(problem, 600)}\n\nWhere the report goes could not be read from the configuration, so it was not published. Fix the file on the default branch and comment \`/review\`.`,
  }),
  failed: (reason: string): CheckRunOutput => ({
    title: 'Review could not run',
    summary: oneLine(reason, 600),
  }),
  notAtHead: (headSha: string, reviewed: string | null): CheckRunOutput => ({
    title: 'Review could not run',
    summary: `The clone did not hold the pull request head \`${headSha.slice(0, 12)}\` (it read ${reviewed ? `\`${reviewed.slice(0, 12)}\`` : 'no commit'}), so no review was posted.`,
  }),
  queueUnavailable: (): CheckRunOutput => ({
    title: 'Review not started: the queue could not be reached',
    summary: 'The review could not be queued. It starts when the webhook is redelivered; or comment `/review` on this pull request later.',
  }),
  queueFull: (): CheckRunOutput => ({
    title: 'Review not started: too many reviews waiting',
    summary: 'The app is busy. Comment `/review` on this pull request later to try again.',
  }),
};
