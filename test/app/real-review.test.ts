import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewFunction } from '../../src/app/app-deps.js';
import { review } from '../../src/review.js';
import { startGitHttpServer, type GitHttpServer } from '../helpers/git-http-server.js';
import { asPullRequest, makeGitRepo, type GitRepoFixture } from '../helpers/make-git-repo.js';
import { event, github, noConfig, record, startTestApp, useNock } from '../helpers/probot.js';

useNock();

// The real pipeline on a take-home served over git's smart HTTP on loopback: a template commit,
// then the candidate's commit on top (the pull request's base and head).
const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const TOKEN = 'ghs_realReviewScopedToken0000000000000000';
const CHECK_RUNS = `/repos/${OWNER}/${REPO}/check-runs`;

let fixture: GitRepoFixture;
let server: GitHttpServer;
let privateServer: GitHttpServer;

beforeAll(async () => {
  fixture = await makeGitRepo([
    { files: { 'README.md': '# Take-home\n\nBuild a RAG prototype over data/qa.jsonl.\n', 'data/qa.jsonl': '{"q": "How do I reset?", "a": "Settings."}\n' }, message: 'template' },
    {
      files: {
        'requirements.txt': 'chromadb==0.5.5\nfastapi==0.115.0\n',
        'app/index.py': [
          'import chromadb',
          '',
          'client = chromadb.PersistentClient(path="db")',
          'collection = client.get_or_create_collection("qa")',
          '',
          'def ingest(rows):',
          '    collection.add(ids=[r["id"] for r in rows], documents=[r["q"] for r in rows])',
          '',
        ].join('\n'),
        'app/api.py': [
          'from fastapi import FastAPI',
          'from app.index import collection',
          '',
          'app = FastAPI()',
          '',
          '@app.get("/ask")',
          'def ask(q: str):',
          '    return collection.query(query_texts=[q], n_results=3)',
          '',
        ].join('\n'),
      },
      message: 'candidate: index and API',
    },
  ]);
  // As GitHub stores it: the default branch (the payload's base, `master`) is the template, the
  // candidate's commit is reachable only as refs/pull/2/head.
  asPullRequest(fixture, 2, 'master');
  server = await startGitHttpServer();
  await server.addRepo(`${OWNER}/${REPO}`, fixture.dir);
  privateServer = await startGitHttpServer({ authorization: `Basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}` });
  await privateServer.addRepo(`${OWNER}/${REPO}`, fixture.dir);
});
afterAll(async () => {
  await server?.close();
  await privateServer?.close();
  await fixture?.cleanup();
});

/** The real review, cloning from the loopback server instead of github.com. */
const servedBy = (git: () => GitHttpServer): ReviewFunction => (source, options) =>
  review(source, { ...options, transport: { cloneUrl: git().url(`${OWNER}/${REPO}`), allowHttp: true } });

const pullRequest = (extra: object = {}) =>
  event('pull_request.opened', { pull_request: { head: { sha: fixture.commits[1] }, base: { sha: fixture.commits[0] } }, ...extra });

/** Every GitHub answer a pull-request review needs; returns the check-run updates. */
function githubForReview(head: string) {
  const updates: { output: { title: string; summary: string; annotations?: { path: string }[] } }[] = [];
  const api = github()
    .get(`/repos/${OWNER}/${REPO}/commits/${head}/check-runs?check_name=candidate-review&status=in_progress&filter=latest&per_page=10`)
    .reply(200, { total_count: 0, check_runs: [] })
    .post(CHECK_RUNS)
    .reply(201, { id: 7 });
  noConfig(api, OWNER, REPO);
  return { api, updates };
}

describe('the app with the real review', () => {
  it('reviews the head against the base and completes the check run with a summary naming the stack', { timeout: 60_000 }, async () => {
    const head = fixture.commits[1]!;
    const app = await startTestApp({ review: servedBy(() => server) });
    const { api, updates } = githubForReview(head);
    api.get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, { head: { sha: head } }).patch(`${CHECK_RUNS}/7`).times(1).reply(record(updates as unknown[], 200, { id: 7 }));

    await app.deliver('pull_request', pullRequest());
    await app.settled();

    expect(app.logs.filter((line) => /^(warn|error)/.test(line))).toEqual([]);
    expect(updates).toHaveLength(1);
    const { title, summary, annotations = [] } = updates[0]!.output;
    expect(title).toMatch(/^chroma, fastapi · /);
    expect(summary).toContain(`https://github.com/${OWNER}/${REPO}/blob/${head}/app/index.py#L1`);
    // Only what the candidate changed: the template's README and data are left out, and the summary says so.
    expect(summary).toContain(`- **Base:** \`${fixture.commits[0]}\`, 2 unchanged files left out`);
    expect(annotations.every((a) => a.path.startsWith('app/') || a.path === 'requirements.txt')).toBe(true);
  });

  it('clones a private take-home with the scoped installation token, and the token appears in no log line', { timeout: 60_000 }, async () => {
    const head = fixture.commits[1]!;
    const app = await startTestApp({ review: servedBy(() => privateServer) });
    const scoped: unknown[] = [];
    const { api, updates } = githubForReview(head);
    api
      .post('/app/installations/1/access_tokens')
      .reply(record(scoped, 201, { token: TOKEN, expires_at: '2099-01-01T00:00:00Z' }))
      .get(`/repos/${OWNER}/${REPO}/pulls/2`)
      .reply(200, { head: { sha: head } })
      .patch(`${CHECK_RUNS}/7`)
      .reply(record(updates as unknown[], 200, { id: 7 }));

    const before = privateServer.requests.length;
    await app.deliver('pull_request', pullRequest({ repository: { private: true } }));
    await app.settled();

    expect(scoped).toEqual([{ repository_ids: [186853002], permissions: { contents: 'read' } }]);
    expect(updates[0]?.output.title).toMatch(/^chroma, fastapi · /);
    expect(privateServer.requests.slice(before).every((request) => request.authorization)).toBe(true);
    const logs = app.logs.join('\n');
    expect(logs).not.toContain(TOKEN);
    expect(logs).not.toContain(Buffer.from(`x-access-token:${TOKEN}`).toString('base64'));
  });
});
