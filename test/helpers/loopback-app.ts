import { createHmac } from 'node:crypto';
import type { ProbotOctokit } from 'probot';
import type { ReviewFunction } from '../../src/app/app-deps.js';
import { AppOctokit } from '../../src/app/app-octokit.js';
import type { Report } from '../../src/report/build-report.js';
import { reportAt } from '../app/fake-review.js';

/**
 * The app's own Octokit with its waits scaled for tests: `retry-after: 1` waits
 * `retryAfterBaseValue` ms instead of a second, client retries back off in milliseconds, and writes
 * are not spaced. Production throttling is unchanged.
 */
export function fastAppOctokit(retryAfterBaseValue: number): typeof ProbotOctokit {
  const unpaced = { key: () => ({ schedule: async (_options: unknown, task: (...args: unknown[]) => unknown, ...args: unknown[]) => task(...args) }) };
  return AppOctokit.defaults((options: NonNullable<ConstructorParameters<typeof ProbotOctokit>[0]>) => ({
    ...options,
    retry: { retryAfterBaseValue: 5 },
    throttle: { ...options.throttle, retryAfterBaseValue, write: unpaced, notifications: unpaced },
  })) as typeof ProbotOctokit;
}

/** `X-Hub-Signature-256` of a delivery body. */
export const signDelivery = (body: string, secret: string): string => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** The environment of an app on 127.0.0.1 (any free port) whose GitHub is a fake API on loopback at `apiPort`. */
export function loopbackAppEnvironment(app: { appId: number; privateKey: string; secret: string; apiPort: number }, extra: Record<string, string> = {}): Record<string, string> {
  return {
    APP_ID: String(app.appId),
    PRIVATE_KEY: app.privateKey,
    WEBHOOK_SECRET: app.secret,
    GHE_HOST: `localhost:${app.apiPort}`,
    GHE_PROTOCOL: 'http',
    HOST: '127.0.0.1',
    PORT: '0',
    ...extra,
  };
}

/**
 * A review that answers `report` as the review of the head it was asked for, records
 * `display @ head` in `reviewed`, and waits while its head is a key of `held` (the test releases it
 * by calling the function stored there).
 */
export function heldReview(report: Report, reviewed: string[], held: Map<string, () => void>): ReviewFunction {
  return async (source, options) => {
    const commit = options.head?.commit ?? null;
    reviewed.push(`${source.display} @ ${commit ?? '-'}`);
    if (commit && held.has(commit)) await new Promise<void>((resolve) => held.set(commit, resolve));
    return reportAt(report, source, commit, options.base ?? null);
  };
}
