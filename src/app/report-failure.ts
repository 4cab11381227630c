import { oneLine } from '../errors.js';
import type { GitHubSession } from './app-deps.js';
import { describeGitHubFailure } from './describe-github-failure.js';
import { QueueUnavailable } from './enqueue-review.js';

/**
 * Logs one line for a failed webhook handler: actionable for GitHub refusals, the message
 * otherwise; never the error object. {@link QueueUnavailable} is rethrown, not reported: it was
 * logged already, and it must fail the delivery (503) so that GitHub can redeliver it.
 */
export function reportFailure(session: Pick<GitHubSession, 'log'>, error: unknown, what: string): void {
  if (error instanceof QueueUnavailable) throw error;
  const line = describeGitHubFailure(error);
  if (line) session.log.warn(`${what}: ${line}`);
  else session.log.error(`${what}: ${oneLine((error as Error)?.message ?? String(error))}`);
}
