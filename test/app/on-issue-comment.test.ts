import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/build-report.js';
import { event, github, noConfig, startTestApp, useNock } from '../helpers/probot.js';
import { reviewFixture } from '../helpers/review-fixture.js';
import { fakeReview } from './fake-review.js';

useNock();

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const BASE = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e';
const CHECK_RUNS = `/repos/${OWNER}/${REPO}/check-runs`;
const LIST_AT = `/repos/${OWNER}/${REPO}/commits/${HEAD}/check-runs?check_name=candidate-review&status=in_progress&filter=latest&per_page=10`;
const PERMISSION = (user: string) => `/repos/${OWNER}/${REPO}/collaborators/${user}/permission`;
const PR = { number: 1, state: 'open', body: 'My submission', head: { sha: HEAD }, base: { sha: BASE } };

const command = (body: string, user: { login: string; type?: string } = { login: 'hiring-eng' }, extra: { comment?: object; sender?: object } = {}) =>
  event('issue_comment.created.pull-request', { ...extra, comment: { ...extra.comment, body, user: { type: 'User', ...user } } });

let report: Report;
beforeAll(async () => {
  report = await reviewFixture('prompt-only-openai');
});

/** Every answer a `/review` by a writer on pull request #1 needs, through to the completed check run. */
function reviewRun(api = github()) {
  api.get(PERMISSION('hiring-eng')).reply(200, { permission: 'write', role_name: 'write' });
  api.get(`/repos/${OWNER}/${REPO}/pulls/1`).reply(200, PR);
  api.get(LIST_AT).reply(200, { total_count: 0, check_runs: [] });
  api.post(CHECK_RUNS).reply(201, { id: 7 });
  noConfig(api, OWNER, REPO);
  api.get(`/repos/${OWNER}/${REPO}/pulls/1`).reply(200, PR);
  api.patch(`${CHECK_RUNS}/7`).reply(200, { id: 7 });
  return api;
}

describe('/review in a pull request comment', () => {
  it('from a user with write permission re-runs the review of the current head', async () => {
    const fake = fakeReview(report, [HEAD]);
    const app = await startTestApp({ review: fake.review });
    reviewRun();
    await app.deliver('issue_comment', command('Looks updated.\n\n/review'));
    await app.settled();
    expect(fake.calls.map((c) => [c.source.display, c.options.base, c.options.claimDocuments?.[0]?.text])).toEqual([
      ['https://github.com/Codertocat/Hello-World', BASE, 'My submission'],
    ]);
  });

  it.each([
    ['read', { permission: 'read', role_name: 'read' }],
    ['triage', { permission: 'read', role_name: 'triage' }],
  ])('from a user with %s permission is ignored (the permission API decides, not author_association)', async (_, answer) => {
    const fake = fakeReview(report, [HEAD]);
    const app = await startTestApp({ review: fake.review });
    github().get(PERMISSION('candidate')).reply(200, answer);
    await app.deliver('issue_comment', command('/review', { login: 'candidate' }, { comment: { author_association: 'MEMBER' } }));
    await app.settled();
    expect(fake.calls).toEqual([]);
    expect(app.logs).toContain('info: /review on #1 by candidate ignored: it needs write permission on Codertocat/Hello-World');
  });

  it('from someone who is not a collaborator (404) is ignored', async () => {
    const fake = fakeReview(report, [HEAD]);
    const app = await startTestApp({ review: fake.review });
    github().get(PERMISSION('stranger')).reply(404, { message: 'Not Found' });
    await app.deliver('issue_comment', command('/review', { login: 'stranger' }));
    await app.settled();
    expect(fake.calls).toEqual([]);
  });

  it('is ignored without a single request from a bot, the app itself, a quote, a fence, or an edit', async () => {
    const fake = fakeReview(report, [HEAD]);
    const app = await startTestApp({ review: fake.review });
    await app.deliver('issue_comment', command('/review', { login: 'dependabot[bot]', type: 'Bot' }));
    await app.deliver('issue_comment', command('/review', { login: 'candidate-review[bot]', type: 'Bot' }, { sender: { login: 'candidate-review[bot]', type: 'Bot' } }));
    await app.deliver('issue_comment', command('> /review'));
    await app.deliver('issue_comment', command('```\n/review\n```'));
    await app.deliver('issue_comment', { ...command('/review'), action: 'edited' });
    await app.settled();
    expect(fake.calls).toEqual([]); // and useNock: no request was made at all
  });

  it('twice within a minute makes one review', async () => {
    const fake = fakeReview(report, [HEAD]);
    fake.hold();
    const app = await startTestApp({ review: fake.review });
    const api = reviewRun();
    api.get(PERMISSION('hiring-eng')).reply(200, { permission: 'admin', role_name: 'admin' });
    api.get(`/repos/${OWNER}/${REPO}/pulls/1`).reply(200, PR);
    await app.deliver('issue_comment', command('/review'));
    await app.deliver('issue_comment', command('/review'));
    fake.release();
    await app.settled();

    // After the review finished, a third one within the minute still adds nothing.
    github().get(PERMISSION('hiring-eng')).reply(200, { permission: 'write' }).get(`/repos/${OWNER}/${REPO}/pulls/1`).reply(200, PR);
    await app.deliver('issue_comment', command('/review'));
    await app.settled();
    expect(fake.calls).toHaveLength(1);
  });
});

describe('/review in an issue comment', () => {
  it('re-runs the issue review when the issue carries the trigger label, and not otherwise', async () => {
    const fake = fakeReview(report, ['a'.repeat(40)]);
    const app = await startTestApp({ review: fake.review });
    const onIssue = (labels: string[]) =>
      event('issue_comment.created', {
        comment: { body: '/review', user: { login: 'hiring-eng', type: 'User' } },
        issue: { body: 'CV: https://github.com/jane-doe/rag', labels: labels.map((name) => ({ name })) },
      });
    const api = github().get(PERMISSION('hiring-eng')).reply(200, { permission: 'write' });
    noConfig(api, OWNER, REPO);
    await app.deliver('issue_comment', onIssue(['bug']));
    await app.settled();
    expect(fake.calls).toEqual([]);

    github().get(PERMISSION('hiring-eng')).reply(200, { permission: 'write' });
    noConfig(github(), OWNER, REPO)
      .get(`/repos/${OWNER}/${REPO}/issues/1/comments?per_page=100`)
      .reply(200, [])
      .post(`/repos/${OWNER}/${REPO}/issues/1/comments`)
      .reply(201, { id: 3, html_url: 'u' });
    await app.deliver('issue_comment', onIssue(['candidate-review']));
    await app.settled();
    expect(fake.calls.map((c) => [c.source.display, c.options.cloneAuth])).toEqual([['https://github.com/jane-doe/rag', undefined]]);
  });
});
