import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_APP_CONFIG } from '../../src/app/app-config-schema.js';
import { renderCheckRunSummary } from '../../src/render/render-check-run-summary.js';
import type { Report } from '../../src/report/build-report.js';
import { parseSource } from '../../src/source/parse-source.js';
import { record, configFile, event, github, NOW, startTestApp, useNock } from '../helpers/probot.js';
import { reviewFixture } from '../helpers/review-fixture.js';
import { fakeReview, reportAt } from './fake-review.js';

useNock();

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const CHECK_RUNS = `/repos/${OWNER}/${REPO}/check-runs`;
const LIST_AT = `/repos/${OWNER}/${REPO}/commits/${HEAD}/check-runs?check_name=candidate-review&status=in_progress&filter=latest&per_page=10`;
const SOURCE = parseSource(`https://github.com/${OWNER}/${REPO}`, { cwd: '/' });
const PERMALINKS = `https://github.com/${OWNER}/${REPO}/blob/${HEAD}/`;
const completed = (output: object) => ({ status: 'completed', conclusion: 'neutral', completed_at: NOW.toISOString(), output });

let report: Report;
beforeAll(async () => {
  report = await reviewFixture('docker-bad-image');
});

/** The GitHub answers every pull-request review needs, with the config file given. */
function pullRequestApi(yaml: string, updates: unknown[]) {
  const api = github().get(LIST_AT).reply(200, { total_count: 0, check_runs: [] }).post(CHECK_RUNS).reply(201, { id: 7 });
  configFile(api, OWNER, REPO, yaml);
  return api.get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, { head: { sha: HEAD } }).patch(`${CHECK_RUNS}/7`).reply(record(updates, 200, { id: 7 }));
}

describe('report.target', () => {
  it('issue: the report goes to an issue in the private hiring repository; the candidate’s PR gets only a neutral "review recorded"', async () => {
    const app = await startTestApp({ review: fakeReview(report, [HEAD]).review });
    const updates: unknown[] = [];
    const issues: { title: string; body: string }[] = [];
    pullRequestApi('report: { target: issue, repository: Codertocat/hiring }\n', updates)
      .get('/repos/Codertocat/hiring')
      .reply(200, { private: true })
      .get('/repos/Codertocat/hiring/issues?state=all&sort=created&direction=desc&per_page=100')
      .reply(200, [])
      .post('/repos/Codertocat/hiring/issues')
      .reply(record(issues, 201, { number: 5, html_url: 'https://github.com/Codertocat/hiring/issues/5' }));

    await app.deliver('pull_request', event('pull_request.opened'));
    await app.settled();

    expect(updates).toEqual([completed({ title: 'Review recorded', summary: 'The review of this pull request was recorded for the hiring team.' })]);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.title).toBe('Candidate review: Codertocat/Hello-World PR 2');
    expect(issues[0]!.body.startsWith(`<!-- candidate-review:report:Codertocat/Hello-World#2 -->\nReview of pull request \`Codertocat/Hello-World#2\` at \`${HEAD.slice(0, 12)}\`.\n\n# `)).toBe(true);
    const concern = report.findings.find((f) => f.kind === 'concern')!;
    expect(issues[0]!.body).toContain(concern.evidence[0].path);
  });

  it('issue: a hiring repository that is not private gets nothing, and the PR check says only that the config must be fixed', async () => {
    const app = await startTestApp({ review: fakeReview(report, [HEAD]).review });
    const updates: unknown[] = [];
    pullRequestApi('report: { target: issue, repository: Codertocat/hiring }\n', updates).get('/repos/Codertocat/hiring').reply(200, { private: false });
    await app.deliver('pull_request', event('pull_request.opened'));
    await app.settled();
    expect(updates).toEqual([
      completed({
        title: 'Configuration error: report not published',
        summary:
          'report.repository Codertocat/hiring is not private\n\nWhere the report goes could not be read from the configuration, so it was not published. Fix the file on the default branch and comment `/review`.',
      }),
    ]);
  });

  it('issue: an invalid report section never falls back to the candidate’s PR', async () => {
    const app = await startTestApp({ review: fakeReview(report, [HEAD]).review });
    const updates: { output: { title: string; summary: string; annotations?: unknown } }[] = [];
    pullRequestApi('report: { target: issue, repository: not a repo }\n', updates as unknown[]);
    await app.deliver('pull_request', event('pull_request.opened'));
    await app.settled();
    expect(updates).toHaveLength(1);
    expect(updates[0]!.output.title).toBe('Configuration error: report not published');
    expect(updates[0]!.output.summary).toMatch(/^\.github\/candidate-review\.yml: report\.repository: expected owner\/name\n/);
    expect(updates[0]!.output.annotations).toBeUndefined();
  });

  it('pr-comment: the report is one comment on the PR, updated in place on a re-run; the check run links to it', async () => {
    const fake = fakeReview(report, [HEAD]);
    const app = await startTestApp({ review: fake.review });
    const updates: unknown[] = [];
    const comments: { body: string }[] = [];
    pullRequestApi('report: { target: pr-comment }\n', updates)
      .get(`/repos/${OWNER}/${REPO}/issues/2/comments?per_page=100`)
      .reply(200, [{ id: 40, user: { type: 'User' }, body: '<!-- candidate-review:pull-request --> planted by a person' }])
      .post(`/repos/${OWNER}/${REPO}/issues/2/comments`)
      .reply(record(comments, 201, { id: 41, html_url: 'https://github.com/Codertocat/Hello-World/pull/2#issuecomment-41' }));
    await app.deliver('pull_request', event('pull_request.opened'));
    await app.settled();

    expect(updates).toEqual([
      completed({ title: 'Report posted as a comment', summary: 'The review is in [a comment on this pull request](https://github.com/Codertocat/Hello-World/pull/2#issuecomment-41).' }),
    ]);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body.startsWith('<!-- candidate-review:pull-request -->\n\n# ')).toBe(true);
    expect(comments[0]!.body).toContain(PERMALINKS);

    // A re-run (a new head reviewed later) edits the app's own comment instead of adding one.
    const edited: unknown[] = [];
    const api = github();
    api.get(`/repos/${OWNER}/${REPO}/issues/2/comments?per_page=100`).reply(200, [{ id: 41, user: { type: 'Bot' }, body: comments[0]!.body, html_url: 'u41' }]);
    api.patch(`/repos/${OWNER}/${REPO}/issues/comments/41`).reply(record(edited, 200, { id: 41, html_url: 'u41' }));
    const { upsertComment } = await import('../../src/publish/upsert-comment.js');
    const { QuietOctokit } = await import('../helpers/probot.js');
    const result = await upsertComment(new QuietOctokit({ auth: 'x' }), { owner: OWNER, repo: REPO, issueNumber: 2 }, '<!-- candidate-review:pull-request -->', '<!-- candidate-review:pull-request -->\nnew');
    expect(result).toEqual({ id: 41, url: 'u41', created: false });
    expect(edited).toEqual([{ body: '<!-- candidate-review:pull-request -->\nnew' }]);
  });

  it('an invalid config still reviews (with defaults for the invalid keys) and names the path and problem under the summary', async () => {
    const fake = fakeReview(report, [HEAD]);
    const app = await startTestApp({ review: fake.review });
    const updates: unknown[] = [];
    pullRequestApi('role: wizard\n', updates);
    await app.deliver('pull_request', event('pull_request.opened'));
    await app.settled();

    expect(fake.calls[0]!.options.config).toEqual(DEFAULT_APP_CONFIG);
    const { title, summary } = renderCheckRunSummary(reportAt(report, SOURCE, HEAD, fake.calls[0]!.options.base ?? null), PERMALINKS);
    expect(updates).toEqual([
      completed({
        title,
        summary,
        text: expect.stringMatching(/^\*\*Configuration problem\*\* \(defaults used for the invalid keys\): \.github\/candidate-review\.yml: role: Invalid option/),
        annotations: expect.any(Array),
      }),
    ]);
    expect(app.logs).toContainEqual(expect.stringMatching(/^warn: codertocat\/hello-world#2: \.github\/candidate-review\.yml: role: Invalid option/));
  });

  it('tightened limits reach the review; a limit cannot be loosened past the default', async () => {
    const fake = fakeReview(report, [HEAD]);
    const app = await startTestApp({ review: fake.review });
    pullRequestApi('limits: { maxFiles: 300, cloneTimeoutMs: 30000 }\n', []);
    await app.deliver('pull_request', event('pull_request.opened'));
    await app.settled();
    expect(fake.calls[0]!.options.limits).toMatchObject({ maxFiles: 300, cloneTimeoutMs: 30_000, maxFileBytes: 2 * 1024 * 1024 });
  });
});
