import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_APP_CONFIG } from '../../src/app/app-config-schema.js';
import { renderCheckRunSummary } from '../../src/render/render-check-run-summary.js';
import type { Report } from '../../src/report/build-report.js';
import { parseSource } from '../../src/source/parse-source.js';
import { DEFAULT_LIMITS } from '../../src/types.js';
import { NOW, record, event, github, noConfig, startTestApp, useNock } from '../helpers/probot.js';
import { reviewFixture } from '../helpers/review-fixture.js';
import { fakeReview, reportAt, until } from './fake-review.js';

useNock();

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const BASE = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e';
const NEWER = '1111111111111111111111111111111111111111';
const CHECK_RUNS = `/repos/${OWNER}/${REPO}/check-runs`;
const LIST_AT = (sha: string) => `/repos/${OWNER}/${REPO}/commits/${sha}/check-runs?check_name=candidate-review&status=in_progress&filter=latest&per_page=10`;
const SOURCE = parseSource(`https://github.com/${OWNER}/${REPO}`, { cwd: '/' });
const noRun = { total_count: 0, check_runs: [] };

let notebook: Report;
beforeAll(async () => {
  notebook = await reviewFixture('peft-qlora-notebook');
});

/** The request bodies the app sent, by kind. */
const sent = () => ({ created: [] as unknown[], updated: [] as unknown[] });

describe('pull_request.opened', () => {
  it('shows an in_progress check run at the head at once, reviews head against base, and completes it neutral with the summary and annotations', async () => {
    const fake = fakeReview(notebook, [HEAD]);
    fake.hold();
    const app = await startTestApp({ review: fake.review });
    const bodies = sent();
    const api = github()
      .get(LIST_AT(HEAD))
      .reply(200, noRun)
      .post(CHECK_RUNS)
      .reply(record(bodies.created, 201, { id: 7 }));
    noConfig(api, OWNER, REPO)
      .get(`/repos/${OWNER}/${REPO}/pulls/2`)
      .reply(200, { head: { sha: HEAD } })
      .patch(`${CHECK_RUNS}/7`)
      .reply(record(bodies.updated, 200, { id: 7 }));

    await app.deliver('pull_request', event('pull_request.opened'));
    await until(() => fake.calls.length === 1, 'the review to start');
    // The webhook was answered and the check run is showing while the review still runs.
    expect(bodies.created).toEqual([{ name: 'candidate-review', head_sha: HEAD, status: 'in_progress', started_at: NOW.toISOString() }]);
    expect(bodies.updated).toEqual([]);
    fake.release();
    await app.settled();

    const [{ source, options }] = fake.calls as [(typeof fake.calls)[0]];
    expect(source).toEqual(SOURCE);
    expect(options).toMatchObject({
      base: BASE,
      config: DEFAULT_APP_CONFIG,
      limits: DEFAULT_LIMITS,
      claimDocuments: [{ origin: 'pull-request', path: 'pull request description', text: 'This is a pretty simple change that we need to pull into master.' }],
    });
    expect(options.cloneAuth).toBeUndefined(); // a public repository is cloned anonymously

    const permalinks = `https://github.com/${OWNER}/${REPO}/blob/${HEAD}/`;
    const { title, summary } = renderCheckRunSummary(reportAt(notebook, SOURCE, HEAD, BASE), permalinks);
    expect(summary).toContain(`${permalinks}finetune.ipynb`);
    expect(bodies.updated).toHaveLength(1);
    const update = bodies.updated[0] as { output: { annotations: { annotation_level: string; path: string }[] } };
    expect(update).toEqual({
      status: 'completed',
      conclusion: 'neutral',
      completed_at: NOW.toISOString(),
      output: { title, summary, annotations: expect.any(Array) },
    });
    const concerns = notebook.findings.filter((f) => f.kind === 'concern').length;
    expect(update.output.annotations).toHaveLength(notebook.findings.length);
    expect(update.output.annotations.filter((a) => a.annotation_level === 'warning')).toHaveLength(concerns);
    expect(update.output.annotations).toContainEqual({
      path: 'finetune.ipynb',
      start_line: 1,
      end_line: 1,
      annotation_level: 'warning',
      title: 'concern: fine-tuning/adapter-saving',
      message: expect.stringMatching(/^cell 6, line 22: /),
    });
    expect(app.logs.filter((line) => /^(warn|error)/.test(line))).toEqual([]);
  });

  it('sends annotations in pages of 50; only the last page completes the run', async () => {
    const many: Report = { ...notebook, findings: Array.from({ length: 120 }, (_, i) => notebook.findings[i % notebook.findings.length]!) };
    expect(many.findings).toHaveLength(120);
    const app = await startTestApp({ review: fakeReview(many, [HEAD]).review });
    const updates: { status?: string; output: { title: string; annotations?: unknown[] } }[] = [];
    const api = github().get(LIST_AT(HEAD)).reply(200, noRun).post(CHECK_RUNS).reply(201, { id: 7 });
    noConfig(api, OWNER, REPO)
      .get(`/repos/${OWNER}/${REPO}/pulls/2`)
      .reply(200, { head: { sha: HEAD } })
      .patch(`${CHECK_RUNS}/7`)
      .times(3)
      .reply(record(updates as unknown[], 200, { id: 7 }));

    await app.deliver('pull_request', event('pull_request.opened'));
    await app.settled();

    expect(updates.map((u) => [u.status ?? 'in_progress', u.output.annotations?.length])).toEqual([
      ['in_progress', 50],
      ['in_progress', 50],
      ['completed', 20],
    ]);
    expect(new Set(updates.map((u) => u.output.title)).size).toBe(1);
  });

  it('ignores drafts and closed pull requests (no request at all)', async () => {
    const fake = fakeReview(notebook, [HEAD]);
    const app = await startTestApp({ review: fake.review });
    await app.deliver('pull_request', event('pull_request.opened', { pull_request: { draft: true } }));
    await app.deliver('pull_request', event('pull_request.opened', { pull_request: { state: 'closed' } }));
    await app.settled();
    expect(fake.calls).toEqual([]);
  });

  it('a redelivery (same delivery id) and a second delivery for the same head make one review and one check run', async () => {
    const fake = fakeReview(notebook, [HEAD]);
    fake.hold();
    const app = await startTestApp({ review: fake.review });
    const created: unknown[] = [];
    const api = github().get(LIST_AT(HEAD)).reply(200, noRun).post(CHECK_RUNS).reply(record(created, 201, { id: 7 }));
    noConfig(api, OWNER, REPO).get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, { head: { sha: HEAD } }).patch(`${CHECK_RUNS}/7`).reply(200, { id: 7 });

    const payload = event('pull_request.opened');
    await app.deliver('pull_request', payload, 'delivery-a');
    await app.deliver('pull_request', payload, 'delivery-a');
    await app.deliver('pull_request', { ...payload, action: 'reopened' }); // another delivery, the same head
    fake.release();
    await app.settled();

    expect(fake.calls).toHaveLength(1);
    expect(created).toHaveLength(1);
    expect(app.logs).toContain('info: delivery delivery-a seen before; ignored');
    expect(app.logs).toContain(`info: codertocat/hello-world#2@${HEAD}: already queued or just reviewed; this delivery adds nothing`);
  });

  it('a push during the review supersedes it: the older run completes as superseded with nothing evaluative, the newer head gets the report', async () => {
    const fake = fakeReview(notebook, [HEAD, NEWER]);
    fake.hold();
    const app = await startTestApp({ review: fake.review, concurrency: 1 });
    const older: unknown[] = [];
    const newer: unknown[] = [];
    const api = github().get(LIST_AT(HEAD)).reply(200, noRun).post(CHECK_RUNS).reply(201, { id: 7 });
    noConfig(api, OWNER, REPO);
    await app.deliver('pull_request', event('pull_request.opened'));
    await until(() => fake.calls.length === 1, 'the first review to start');

    api.get(LIST_AT(NEWER)).reply(200, noRun).post(CHECK_RUNS).reply(201, { id: 8 });
    api.patch(`${CHECK_RUNS}/7`).reply(record(older, 200, { id: 7 }));
    noConfig(api, OWNER, REPO)
      .get(`/repos/${OWNER}/${REPO}/pulls/2`)
      .reply(200, { head: { sha: NEWER } })
      .patch(`${CHECK_RUNS}/8`)
      .reply(record(newer, 200, { id: 8 }));
    await app.deliver('pull_request', event('pull_request.synchronize', { pull_request: { head: { sha: NEWER } } }));
    // The older review is told to stop (a clone in flight is killed), and asked for exactly its head.
    expect(fake.calls[0]!.options.signal?.aborted).toBe(true);
    expect(fake.calls[0]!.options.head).toEqual({ commit: HEAD, fetch: ['refs/pull/2/head', 'refs/heads/master'] });
    fake.release();
    await app.settled();

    expect(older).toEqual([
      {
        status: 'completed',
        conclusion: 'neutral',
        completed_at: NOW.toISOString(),
        output: { title: 'Superseded by a newer commit', summary: `A newer push to this pull request is reviewed instead of \`${HEAD.slice(0, 12)}\`.` },
      },
    ]);
    expect(fake.calls).toHaveLength(2);
    expect((newer[0] as { output: { title: string } }).output.title).toBe(renderCheckRunSummary(reportAt(notebook, SOURCE, NEWER), null).title);
  });

  it('posts nothing to a head that stopped being the head while it was reviewed, even when the synchronize delivery never came', async () => {
    const app = await startTestApp({ review: fakeReview(notebook, [HEAD]).review });
    const updated: unknown[] = [];
    const api = github().get(LIST_AT(HEAD)).reply(200, noRun).post(CHECK_RUNS).reply(201, { id: 7 });
    noConfig(api, OWNER, REPO)
      .get(`/repos/${OWNER}/${REPO}/pulls/2`)
      .reply(200, { head: { sha: NEWER } })
      .patch(`${CHECK_RUNS}/7`)
      .reply(record(updated, 200, { id: 7 }));
    await app.deliver('pull_request', event('pull_request.opened'));
    await app.settled();
    expect(updated).toEqual([expect.objectContaining({ output: expect.objectContaining({ title: 'Superseded by a newer commit' }) })]);
    expect(app.logs).toContain(`info: codertocat/hello-world#2: ${HEAD.slice(0, 12)} was superseded by a newer push; nothing posted`);
  });

  it('a clone that fails completes the run neutral with the one-line reason', async () => {
    const { InputError } = await import('../../src/errors.js');
    const app = await startTestApp({
      review: async () => {
        throw new InputError('could not clone https://github.com/Codertocat/Hello-World: repository not found (or private)');
      },
    });
    const updated: unknown[] = [];
    const api = github().get(LIST_AT(HEAD)).reply(200, noRun).post(CHECK_RUNS).reply(201, { id: 7 });
    noConfig(api, OWNER, REPO).patch(`${CHECK_RUNS}/7`).reply(record(updated, 200, { id: 7 }));
    await app.deliver('pull_request', event('pull_request.opened'));
    await app.settled();
    expect(updated).toEqual([
      {
        status: 'completed',
        conclusion: 'neutral',
        completed_at: NOW.toISOString(),
        output: { title: 'Review could not run', summary: 'could not clone https://github.com/Codertocat/Hello-World: repository not found (or private)' },
      },
    ]);
  });

  it('posts no review when the clone did not read the head commit (the head must be fetched, not the default branch)', async () => {
    const app = await startTestApp({ review: fakeReview(notebook, [BASE]).review });
    const updated: unknown[] = [];
    const api = github().get(LIST_AT(HEAD)).reply(200, noRun).post(CHECK_RUNS).reply(201, { id: 7 });
    noConfig(api, OWNER, REPO).get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, { head: { sha: HEAD } }).patch(`${CHECK_RUNS}/7`).reply(record(updated, 200, {}));
    await app.deliver('pull_request', event('pull_request.opened'));
    await app.settled();
    expect(updated).toEqual([
      expect.objectContaining({
        output: {
          title: 'Review could not run',
          summary: `The clone did not hold the pull request head \`${HEAD.slice(0, 12)}\` (it read \`${BASE.slice(0, 12)}\`), so no review was posted.`,
        },
      }),
    ]);
  });
});

describe('private take-home repositories', () => {
  it('clone with a token scoped to the one repository and contents: read, asked with the app JWT; the token is never logged', async () => {
    const TOKEN = 'ghs_scopedTokenForOneRepository000000000';
    const fake = fakeReview(notebook, [HEAD]);
    const app = await startTestApp({ review: fake.review }, { asApp: true });
    const scoped: unknown[] = [];
    const api = github()
      // Probot's own installation token for the event's client
      .post('/app/installations/1/access_tokens', (body) => !body || !('repository_ids' in body))
      .reply(201, { token: 'ghs_installation', expires_at: '2099-01-01T00:00:00Z', permissions: {}, repository_selection: 'all' })
      .get(LIST_AT(HEAD))
      .reply(200, noRun)
      .post(CHECK_RUNS)
      .reply(201, { id: 7 });
    noConfig(api, OWNER, REPO);
    github()
      .matchHeader('authorization', /^bearer eyJ/i) // the app's JWT, not an installation token
      .post('/app/installations/1/access_tokens')
      .reply(record(scoped, 201, { token: TOKEN, expires_at: '2099-01-01T00:00:00Z', permissions: { contents: 'read' }, repository_selection: 'selected' }));
    api.get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, { head: { sha: HEAD } }).patch(`${CHECK_RUNS}/7`).reply(200, { id: 7 });

    await app.deliver('pull_request', event('pull_request.opened', { repository: { private: true } }));
    await app.settled();

    expect(scoped).toEqual([{ repository_ids: [186853002], permissions: { contents: 'read' } }]);
    expect(fake.calls[0]!.options.cloneAuth).toEqual({ token: TOKEN });
    expect(app.logs.join('\n')).not.toContain(TOKEN);
    expect(app.logs.join('\n')).not.toContain(Buffer.from(`x-access-token:${TOKEN}`).toString('base64'));
  });
});

describe('check_run.rerequested', () => {
  const rerequested = (sha: string) =>
    event('check_run.rerequested', {
      check_run: { name: 'candidate-review', head_sha: sha, pull_requests: [{ number: 2, head: { sha }, base: { sha: BASE } }] },
      repository: { name: REPO, full_name: `${OWNER}/${REPO}`, owner: { login: OWNER }, id: 186853002 },
    });

  it('re-runs the review of the pull request head in a new check run', async () => {
    const fake = fakeReview(notebook, [HEAD]);
    const app = await startTestApp({ review: fake.review });
    const pr = { number: 2, state: 'open', body: 'PR text', head: { sha: HEAD }, base: { sha: BASE } };
    const api = github().get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, pr).get(LIST_AT(HEAD)).reply(200, noRun).post(CHECK_RUNS).reply(201, { id: 9 });
    noConfig(api, OWNER, REPO).get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, pr).patch(`${CHECK_RUNS}/9`).reply(200, { id: 9 });
    await app.deliver('check_run', rerequested(HEAD));
    await app.settled();
    expect(fake.calls.map((c) => [c.source.display, c.options.base, c.options.claimDocuments?.[0]?.text])).toEqual([[SOURCE.display, BASE, 'PR text']]);
  });

  it('re-runs even right after the review finished (a double /review within a minute would not)', async () => {
    const fake = fakeReview(notebook, [HEAD]);
    const app = await startTestApp({ review: fake.review });
    const pr = { number: 2, state: 'open', body: 'PR text', head: { sha: HEAD }, base: { sha: BASE } };
    for (const id of [7, 8]) {
      const api = github().get(LIST_AT(HEAD)).reply(200, noRun).post(CHECK_RUNS).reply(201, { id });
      noConfig(api, OWNER, REPO).get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, pr).patch(`${CHECK_RUNS}/${id}`).reply(200, { id });
    }
    github().get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, pr);
    await app.deliver('pull_request', event('pull_request.opened'));
    await app.settled();
    await app.deliver('check_run', rerequested(HEAD));
    await app.settled();
    expect(fake.calls).toHaveLength(2);
  });

  it('does not re-review a commit that is no longer the head (nor one no open pull request has), nor another app’s check run', async () => {
    const fake = fakeReview(notebook, [HEAD]);
    const app = await startTestApp({ review: fake.review });
    github().get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, { number: 2, state: 'open', head: { sha: NEWER }, base: { sha: BASE } });
    await app.deliver('check_run', rerequested(HEAD));
    await app.deliver('check_run', event('check_run.rerequested'));
    // A fork's pull request is not listed on its check run: it is looked up by commit.
    const forked = event('check_run.rerequested', { check_run: { name: 'candidate-review' } });
    github().get('/repos/github/hello-world/commits/d6fde92930d4715a2b49857d24b940956b26d2d3/pulls?per_page=10').reply(200, [{ number: 9, state: 'closed', head: { sha: 'd6fde92930d4715a2b49857d24b940956b26d2d3' } }]);
    await app.deliver('check_run', forked);
    await app.settled();
    expect(fake.calls).toEqual([]);
    expect(app.logs).toContain(`info: re-run of ${HEAD.slice(0, 12)} ignored: it is no longer the head of #2`);
    expect(app.logs).toContain('info: re-run of d6fde92930d4 ignored: no open pull request has it as its head');
  });
});
