import { ProbotOctokit } from 'probot';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppOctokit } from '../../src/app/app-octokit.js';
import type { Report } from '../../src/report/build-report.js';
import { event, github, noConfig, record, startTestApp, useNock } from '../helpers/probot.js';
import { reviewFixture } from '../helpers/review-fixture.js';
import { fakeReview } from './fake-review.js';

useNock();

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const CHECK_RUNS = `/repos/${OWNER}/${REPO}/check-runs`;
const LIST_AT = `/repos/${OWNER}/${REPO}/commits/${HEAD}/check-runs?check_name=candidate-review&status=in_progress&filter=latest&per_page=10`;
const COMMENTS = `/repos/${OWNER}/${REPO}/issues/1/comments`;
const labelled = { issue: { body: 'https://github.com/jane-doe/rag', labels: [{ name: 'candidate-review' }] } };

/** A throttling group that does not space requests (production spaces writes 1 s apart, notifying ones 3 s). */
const unpaced = { key: () => ({ schedule: async (_options: unknown, task: (...args: unknown[]) => unknown, ...args: unknown[]) => task(...args) }) };

/** The app's Octokit (retries and throttling on) with waits scaled from seconds to milliseconds and writes unpaced. */
const FastAppOctokit = AppOctokit.defaults((options: NonNullable<ConstructorParameters<typeof ProbotOctokit>[0]>) => ({
  ...options,
  retry: { retryAfterBaseValue: 1 },
  throttle: { ...options.throttle, retryAfterBaseValue: 1, write: unpaced, notifications: unpaced },
}));

let report: Report;
beforeAll(async () => {
  report = await reviewFixture('prompt-only-openai');
});

describe('GitHub API faults', () => {
  it('a 502 on a check-run create that did succeed: the run is found, not created twice, even with the retry plugin on', async () => {
    const fake = fakeReview(report, [HEAD]);
    const app = await startTestApp({ review: fake.review }, { Octokit: FastAppOctokit });
    const created: unknown[] = [];
    const updated: unknown[] = [];
    const api = github()
      .get(LIST_AT)
      .reply(200, { total_count: 0, check_runs: [] })
      .post(CHECK_RUNS)
      .reply(record(created, 502, { message: 'Bad Gateway' }))
      .get(LIST_AT)
      .reply(200, { total_count: 1, check_runs: [{ id: 7, head_sha: HEAD, status: 'in_progress' }] });
    noConfig(api, OWNER, REPO)
      .get(`/repos/${OWNER}/${REPO}/pulls/2`)
      .reply(200, { head: { sha: HEAD } })
      .patch(`${CHECK_RUNS}/7`)
      .reply(record(updated, 200, { id: 7 }));
    await app.deliver('pull_request', event('pull_request.opened'));
    await app.settled();
    expect(created).toHaveLength(1);
    expect(updated).toEqual([expect.objectContaining({ status: 'completed', conclusion: 'neutral' })]);
  });

  it('a 502 on a comment create that did succeed leaves one comment; a 5xx on a read is retried', async () => {
    const app = await startTestApp({ review: fakeReview(report, ['a'.repeat(40)]).review }, { Octokit: FastAppOctokit });
    const posted: unknown[] = [];
    noConfig(github(), OWNER, REPO)
      .get(`${COMMENTS}?per_page=100`)
      .reply(503, { message: 'Service Unavailable' })
      .get(`${COMMENTS}?per_page=100`)
      .reply(200, [])
      .post(COMMENTS)
      .reply(record(posted, 502, { message: 'Bad Gateway' }))
      .get(`${COMMENTS}?per_page=100`)
      .reply(200, [{ id: 5, user: { type: 'Bot' }, body: '<!-- candidate-review:issue -->\n…', html_url: 'u5' }]);
    await app.deliver('issues', event('issues.opened', labelled));
    await app.settled();
    expect(posted).toHaveLength(1);
    expect(app.logs.filter((line) => /^(warn|error)/.test(line))).toEqual([]);
  });

  it('a secondary rate limit with retry-after, then the primary limit: waits as told and posts exactly one comment', { timeout: 20_000 }, async () => {
    const app = await startTestApp({ review: fakeReview(report, ['a'.repeat(40)]).review }, { Octokit: FastAppOctokit });
    const posted: unknown[] = [];
    const reset = String(Math.ceil(Date.now() / 1000) + 1);
    noConfig(github(), OWNER, REPO)
      .get(`${COMMENTS}?per_page=100`)
      .reply(403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset })
      .get(`${COMMENTS}?per_page=100`)
      .reply(200, [])
      .post(COMMENTS)
      .reply(403, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }, { 'retry-after': '3' })
      .post(COMMENTS)
      .reply(record(posted, 201, { id: 6, html_url: 'u6' }));
    await app.deliver('issues', event('issues.opened', labelled));
    await app.settled();
    expect(posted).toHaveLength(1);
    expect(app.logs).toContainEqual(expect.stringMatching(/^warn: GitHub rate limit exhausted on GET \S+\/issues\/1\/comments\?per_page=100: retrying after the reset in \d s$/));
    expect(app.logs).toContain('warn: GitHub secondary rate limit on POST /repos/{owner}/{repo}/issues/{issue_number}/comments: retrying in 3 s');
  });

  it('with Probot 14’s own handlers a secondary rate limit is not retried and the comment is lost (why the app is built with AppOctokit)', async () => {
    const app = await startTestApp({ review: fakeReview(report, ['a'.repeat(40)]).review }, { Octokit: ProbotOctokit });
    noConfig(github(), OWNER, REPO)
      .get(`${COMMENTS}?per_page=100`)
      .reply(200, [])
      .post(COMMENTS)
      .reply(403, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '1' });
    await app.deliver('issues', event('issues.opened', labelled));
    await app.settled();
    expect(app.logs.filter((line) => /^(warn|error)/.test(line))).toEqual([
      'warn: Secondary quota detected for request POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'warn: codertocat/hello-world#1:issue: GitHub answered 403 to POST /repos/Codertocat/Hello-World/issues/1/comments (You have exceeded a secondary rate limit.): rate limited, and still after the retries GitHub allowed: nothing more was sent; comment /review later to try again',
    ]);
  });

  it('a secondary rate limit that does not lift gives up after two retries, with one line saying so', { timeout: 20_000 }, async () => {
    const app = await startTestApp({ review: fakeReview(report, ['a'.repeat(40)]).review }, { Octokit: FastAppOctokit });
    const limited = { message: 'You have exceeded a secondary rate limit.' };
    noConfig(github(), OWNER, REPO)
      .get(`${COMMENTS}?per_page=100`)
      .reply(200, [])
      .post(COMMENTS)
      .times(3)
      .reply(403, limited, { 'retry-after': '1' });
    await app.deliver('issues', event('issues.opened', labelled));
    await app.settled();
    expect(app.logs.filter((line) => line.includes('secondary rate limit on POST'))).toEqual([
      'warn: GitHub secondary rate limit on POST /repos/{owner}/{repo}/issues/{issue_number}/comments: retrying in 1 s',
      'warn: GitHub secondary rate limit on POST /repos/{owner}/{repo}/issues/{issue_number}/comments: retrying in 1 s',
      'warn: GitHub secondary rate limit on POST /repos/{owner}/{repo}/issues/{issue_number}/comments: giving up',
    ]);
  });

  it('403 "resource not accessible" on the check run: stops with one actionable line and no review', async () => {
    const fake = fakeReview(report, [HEAD]);
    const app = await startTestApp({ review: fake.review });
    github().get(LIST_AT).reply(200, { total_count: 0, check_runs: [] }).post(CHECK_RUNS).reply(403, { message: 'Resource not accessible by integration' });
    await app.deliver('pull_request', event('pull_request.opened'));
    await app.settled();
    expect(fake.calls).toEqual([]);
    expect(app.logs.filter((line) => /^(warn|error)/.test(line))).toEqual([
      'warn: codertocat/hello-world#2: GitHub answered 403 to POST /repos/Codertocat/Hello-World/check-runs (Resource not accessible by integration): the app lacks a permission or this repository is not in the installation: compare the installation permissions with app.yml (checks write, contents read, issues write, pull requests read)',
    ]);
  });

  it('401 after the app was uninstalled: one actionable line, the job stops', async () => {
    const fake = fakeReview(report, [HEAD]);
    const app = await startTestApp({ review: fake.review });
    github()
      .get(LIST_AT)
      .reply(200, { total_count: 0, check_runs: [] })
      .post(CHECK_RUNS)
      .reply(201, { id: 7 })
      .get(`/repos/${OWNER}/${REPO}/contents/.github%2Fcandidate-review.yml`)
      .reply(401, { message: 'Bad credentials' })
      .patch(`${CHECK_RUNS}/7`)
      .reply(401, { message: 'Bad credentials' });
    await app.deliver('pull_request', event('pull_request.opened'));
    await app.settled();
    expect(fake.calls).toEqual([]);
    expect(app.logs.filter((line) => /^(warn|error)/.test(line))).toEqual([
      'warn: codertocat/hello-world#2: GitHub answered 401 to GET /repos/Codertocat/Hello-World/contents/.github%2Fcandidate-review.yml (Bad credentials): the app credentials were refused: was the app uninstalled, or its private key rotated? Check APP_ID and PRIVATE_KEY',
    ]);
  });

  it('410 on the issue comment (issues turned off): one actionable line', async () => {
    const app = await startTestApp({ review: fakeReview(report, ['a'.repeat(40)]).review });
    noConfig(github(), OWNER, REPO).get(`${COMMENTS}?per_page=100`).reply(410, { message: 'Issues are disabled for this repo' });
    await app.deliver('issues', event('issues.opened', labelled));
    await app.settled();
    expect(app.logs.filter((line) => /^(warn|error)/.test(line))).toEqual([
      'warn: codertocat/hello-world#1:issue: GitHub answered 410 to GET /repos/Codertocat/Hello-World/issues/1/comments (Issues are disabled for this repo): gone: the resource was deleted or the feature is turned off (are issues disabled on the repository?)',
    ]);
  });
});
