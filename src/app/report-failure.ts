import { oneLine } from '../errors.js';
import type { GitHubSession } from './app-deps.js';
import { describeGitHubFailure } from './describe-github-failure.js';

/** Logs one line for a failed webhook handler: actionable for GitHub refusals, the message otherwise; never the error object. */
export function reportFailure(session: Pick<GitHubSession, 'log'>, error: unknown, what: string): void {
  const line = describeGitHubFailure(error);
  if (line) session.log.warn(`${what}: ${line}`);
  else session.log.error(`${what}: ${oneLine((error as Error)?.message ?? String(error))}`);
}
