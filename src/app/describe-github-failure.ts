import { oneLine } from '../errors.js';

/** Statuses after which retrying cannot help: the app stops the job with one actionable log line. */
export const STOP_STATUSES: ReadonlySet<number> = new Set([401, 403, 404, 410]);

const ADVICE: Record<number, string> = {
  401: 'the app credentials were refused: was the app uninstalled, or its private key rotated? Check APP_ID and PRIVATE_KEY',
  403: 'the app lacks a permission or this repository is not in the installation: compare the installation permissions with app.yml (checks write, contents read, issues write, pull requests read)',
  404: 'not found: the repository, pull request or issue is gone, or the installation cannot see it (check the installation repository access and report.repository)',
  410: 'gone: the resource was deleted or the feature is turned off (are issues disabled on the repository?)',
};

const RATE_LIMITED = 'rate limited, and still after the retries GitHub allowed: nothing more was sent; comment /review later to try again';

/**
 * One log line for a GitHub API failure that stops a job (401, 403, 404, 410, or a rate limit that outlasted the retries), naming the request
 * and what to do; null for any other error. Built from the status, method and path only: never
 * headers, bodies or the error object, which may hold a token.
 */
export function describeGitHubFailure(error: unknown): string | null {
  const status = (error as { status?: unknown })?.status;
  if (typeof status !== 'number') return null;
  const message = (error as { message?: unknown }).message;
  const text = typeof message === 'string' ? message : '';
  const rateLimited = (status === 403 || status === 429) && /rate limit/i.test(text);
  if (!rateLimited && !STOP_STATUSES.has(status)) return null;
  const request = (error as { request?: { method?: unknown; url?: unknown } }).request;
  const method = typeof request?.method === 'string' ? request.method : 'request';
  const path = typeof request?.url === 'string' ? pathOf(request.url) : 'GitHub';
  const said = text !== '' ? ` (${oneLine(text.split(' - ')[0]!, 120)})` : '';
  return `GitHub answered ${status} to ${method} ${path}${said}: ${rateLimited ? RATE_LIMITED : ADVICE[status]}`;
}

function pathOf(url: string): string {
  try {
    return new URL(url, 'https://api.github.com').pathname;
  } catch {
    return 'GitHub';
  }
}
