import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { Report } from '../../src/report/build-report.js';
import { configFile, event, github, noConfig, record, startTestApp, useNock } from '../helpers/probot.js';
import { reviewFixture } from '../helpers/review-fixture.js';
import { fakeReview, reportAt } from './fake-review.js';
import type { ReviewFunction } from '../../src/app/app-deps.js';

useNock();

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const COMMENTS = `/repos/${OWNER}/${REPO}/issues/1/comments`;
const COMMIT = 'a'.repeat(40);
const CV = [
  'Candidate: Jane Doe, ML engineer. Fine-tuned Llama 2 7B with QLoRA.',
  '',
  '- https://github.com/jane-doe/support-bot — prompt engineering over the OpenAI API',
  '- https://github.com/jane-doe/private-thing',
  '- https://github.com/-invalid-/name',
  '- again: github.com/Jane-Doe/support-bot',
  '',
  '```',
  'git clone https://github.com/jane-doe/in-a-fence',
  '```',
].join('\n');
const labelled = (name: string) => ({ issue: { body: CV, labels: [{ id: 1, name, color: 'ededed', default: false, description: null }] } });

let report: Report;
beforeAll(async () => {
  report = await reviewFixture('prompt-only-openai');
});

/** A review that finds `support-bot` and fails to clone anything else, as for a private repository. */
function reviewOfPublicOnly(calls: Parameters<ReviewFunction>[]): ReviewFunction {
  return async (source, options) => {
    calls.push([source, options]);
    if (source.display.endsWith('/support-bot')) return reportAt(report, source, COMMIT);
    throw new InputError(`could not clone ${source.display}: repository not found (or private)`);
  };
}

describe('issues.opened with the trigger label', () => {
  it('reviews each linked public repository anonymously and posts one report comment', async () => {
    const calls: Parameters<ReviewFunction>[] = [];
    const app = await startTestApp({ review: reviewOfPublicOnly(calls) });
    const comments: { body: string }[] = [];
    noConfig(github(), OWNER, REPO)
      .get(`${COMMENTS}?per_page=100`)
      .reply(200, [])
      .post(COMMENTS)
      .reply(record(comments, 201, { id: 90, html_url: 'https://github.com/Codertocat/Hello-World/issues/1#issuecomment-90' }));

    await app.deliver('issues', event('issues.opened', labelled('candidate-review')));
    await app.settled();

    expect(calls.map(([source, options]) => [source.display, options.cloneAuth, options.base])).toEqual([
      ['https://github.com/jane-doe/support-bot', undefined, undefined],
      ['https://github.com/jane-doe/private-thing', undefined, undefined],
    ]);
    expect(calls[0]![1].claimDocuments).toEqual([{ origin: 'issue', path: 'issue description', text: CV }]);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toMatchSnapshot();
  });

  it('`opened` then `labeled` for the same new issue make one review', async () => {
    const calls: Parameters<ReviewFunction>[] = [];
    const fake = fakeReview(report, [COMMIT]);
    fake.hold();
    const app = await startTestApp({
      review: (source, options) => {
        calls.push([source, options]);
        return fake.review(source, options);
      },
    });
    const api = noConfig(github(), OWNER, REPO);
    noConfig(api, OWNER, REPO)
      .get(`${COMMENTS}?per_page=100`)
      .reply(200, [])
      .post(COMMENTS)
      .reply(201, { id: 90, html_url: 'u' });
    await app.deliver('issues', event('issues.opened', labelled('candidate-review')));
    await app.deliver('issues', event('issues.labeled', { ...labelled('candidate-review'), label: { name: 'candidate-review' } }));
    fake.release();
    await app.settled();
    expect(calls.map(([source]) => source.display)).toEqual(['https://github.com/jane-doe/support-bot', 'https://github.com/jane-doe/private-thing']);
    expect(app.logs).toContain('info: codertocat/hello-world#1:issue: already queued or just reviewed; this delivery adds nothing');
  });

  it('ignores issues without the configured label, and follows a custom label', async () => {
    const fake = fakeReview(report, [COMMIT]);
    const app = await startTestApp({ review: fake.review });
    noConfig(github(), OWNER, REPO);
    await app.deliver('issues', event('issues.labeled', { ...labelled('bug'), label: { name: 'bug' } }));
    configFile(github(), OWNER, REPO, 'label: hire-me\n');
    await app.deliver('issues', event('issues.opened', labelled('candidate-review')));
    await app.settled();
    expect(fake.calls).toEqual([]);

    configFile(github(), OWNER, REPO, 'label: hire-me\n')
      .get(`${COMMENTS}?per_page=100`)
      .reply(200, [])
      .post(COMMENTS)
      .reply(201, { id: 91, html_url: 'u' });
    await app.deliver('issues', event('issues.labeled', { ...labelled('hire-me'), label: { name: 'hire-me' } }));
    await app.settled();
    expect(fake.calls).toHaveLength(2);
  });

  it('a re-run updates the app’s own comment in place', async () => {
    const app = await startTestApp({ review: reviewOfPublicOnly([]) });
    const edited: { body: string }[] = [];
    noConfig(github(), OWNER, REPO)
      .get(`${COMMENTS}?per_page=100`)
      .reply(200, [
        { id: 11, user: { type: 'User' }, body: 'Thanks!' },
        { id: 12, user: { type: 'Bot' }, body: '<!-- candidate-review:issue -->\nold report', html_url: 'u12' },
      ])
      .patch(`/repos/${OWNER}/${REPO}/issues/comments/12`)
      .reply(record(edited, 200, { id: 12, html_url: 'u12' }));
    await app.deliver('issues', event('issues.opened', labelled('candidate-review')));
    await app.settled();
    expect(edited).toHaveLength(1);
    expect(edited[0]!.body.startsWith('<!-- candidate-review:issue -->\nReview of the 2 repositories linked in this issue')).toBe(true);
  });

  it('says so when the body links no repository', async () => {
    const fake = fakeReview(report, [COMMIT]);
    const app = await startTestApp({ review: fake.review });
    const comments: { body: string }[] = [];
    noConfig(github(), OWNER, REPO).get(`${COMMENTS}?per_page=100`).reply(200, []).post(COMMENTS).reply(record(comments, 201, { id: 1, html_url: 'u' }));
    await app.deliver('issues', event('issues.opened', { issue: { body: '> https://github.com/quoted/only', labels: labelled('candidate-review').issue.labels } }));
    await app.settled();
    expect(fake.calls).toEqual([]);
    expect(comments).toEqual([
      { body: '<!-- candidate-review:issue -->\nNo GitHub repository links were found in this issue (links in code blocks and quotes are not read).\n' },
    ]);
  });
});
