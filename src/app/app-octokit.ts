import { ProbotOctokit } from 'probot';

type OctokitOptions = NonNullable<ConstructorParameters<typeof ProbotOctokit>[0]>;
interface LimitedRequest {
  method: string;
  url: string;
}
interface Logging {
  log: { warn(message: string): void };
}

/** Retries of one request after a secondary rate limit, each after GitHub's `retry-after`. */
export const MAX_SECONDARY_LIMIT_RETRIES = 2;
/** Longest wait for the primary rate limit to reset before a request gives up. */
export const MAX_RATE_LIMIT_WAIT_S = 15 * 60;

/**
 * The Octokit class the app's Probot should be built with (`new Probot({ Octokit: AppOctokit })`).
 * Probot 14 replaces any `throttle` given through `ProbotOctokit.defaults({...})` with its own
 * handlers, and those never retry after a secondary rate limit: a report comment refused with
 * `retry-after` would be lost. These handlers wait as GitHub asks and retry a bounded number of
 * times (a function default runs last, so it wins). Writes stay spaced as the throttling plugin
 * spaces them (one a second, content that notifies one every three seconds).
 */
export const AppOctokit = ProbotOctokit.defaults((options: OctokitOptions) => ({
  ...options,
  throttle: {
    ...options.throttle,
    onSecondaryRateLimit: (retryAfter: number, request: LimitedRequest, octokit: Logging, retryCount: number) => {
      const retry = retryCount < MAX_SECONDARY_LIMIT_RETRIES;
      octokit.log.warn(`GitHub secondary rate limit on ${request.method} ${request.url}: ${retry ? `retrying in ${retryAfter} s` : 'giving up'}`);
      return retry;
    },
    onRateLimit: (retryAfter: number, request: LimitedRequest, octokit: Logging, retryCount: number) => {
      const retry = retryCount < 1 && retryAfter <= MAX_RATE_LIMIT_WAIT_S;
      octokit.log.warn(`GitHub rate limit exhausted on ${request.method} ${request.url}: ${retry ? `retrying after the reset in ${retryAfter} s` : 'giving up'}`);
      return retry;
    },
  },
}));
