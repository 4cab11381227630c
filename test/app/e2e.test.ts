/**
 * The app end to end, nothing mocked inside the process: the real server on 127.0.0.1, a fake
 * GitHub API on loopback (GHE_HOST=localhost:<port>, GHE_PROTOCOL=http), the candidate's private
 * repository over git's smart HTTP behind an installation token, and signed webhook deliveries.
 */
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from '../../src/app/env.js';
import { startApp, type RunningApp } from '../../src/app/server.js';
import { review } from '../../src/review.js';
import { REPO_ROOT } from '../helpers/review-fixture.js';
import { captureLog } from '../helpers/capture-log.js';
import { startFakeGitHubApi, type FakeGitHubApi } from '../helpers/fake-github-api.js';
import { startGitHttpServer, type GitHttpServer } from '../helpers/git-http-server.js';
import { asPullRequest, makeGitRepo, type GitRepoFixture } from '../helpers/make-git-repo.js';

const APP_ID = 424242;
const SECRET = 'e2e-webhook-secret-7d1f0c9a';
const INSTALLATION_TOKEN = 'ghs_installationTOKEN0123456789abcdefABCD';
const CLONE_TOKEN = 'ghs_scopedCLONEtoken0123456789abcdefABCD';
const basic = (token: string) => Buffer.from(`x-access-token:${token}`).toString('base64');
const { privateKey, publicKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const SECRETS = [SECRET, INSTALLATION_TOKEN, CLONE_TOKEN, basic(INSTALLATION_TOKEN), basic(CLONE_TOKEN), privateKey.split('\n')[1]!];

const OWNER = 'Codertocat';
const REPO = 'Hello-World';

let candidate: GitRepoFixture;
let git: GitHttpServer;
let api: FakeGitHubApi;
let app: RunningApp;
const logged = captureLog();
/** The sources the app asked the pipeline to review. */
const reviewed: string[] = [];

beforeAll(async () => {
  // The take-home template, then the candidate's work on top of it.
  candidate = await makeGitRepo([
    { files: { 'README.md': '# Support assistant take-home\n', 'data/qa.jsonl': '{"q": "hi", "a": "hello"}\n' }, message: 'template' },
    {
      message: 'RAG over the support answers',
      files: {
        'requirements.txt': 'chromadb==0.5.0\nfastapi==0.111.0\nsentence-transformers==3.0.1\n',
        'app/index.py': [
          'import chromadb',
          'from sentence_transformers import SentenceTransformer',
          '',
          'client = chromadb.PersistentClient(path="db")',
          'collection = client.get_or_create_collection("answers")',
          'model = SentenceTransformer("sentence-transformers/all-MiniLM-L6-v2")',
          '',
        ].join('\n'),
        'app/api.py': [
          'from fastapi import FastAPI',
          '',
          'app = FastAPI()',
          '',
          '@app.post("/ask")',
          'def ask(question: str):',
          '    return {"answer": question}',
          '',
        ].join('\n'),
      },
    },
  ]);
  // The default branch is the template; the candidate's commit is only on refs/pull/2/head.
  const { base: baseSha, head: headSha } = asPullRequest(candidate, 2, 'master');

  git = await startGitHttpServer({ authorization: `Basic ${basic(CLONE_TOKEN)}` });
  await git.addRepo(`${OWNER}/${REPO}`, candidate.dir);
  api = await startFakeGitHubApi({
    appId: APP_ID,
    publicKey,
    installationToken: INSTALLATION_TOKEN,
    cloneToken: CLONE_TOKEN,
    pulls: { [`${OWNER}/${REPO}#2`]: { headSha } },
  });

  const env = readEnv({
    APP_ID: String(APP_ID),
    PRIVATE_KEY: privateKey,
    WEBHOOK_SECRET: SECRET,
    GHE_HOST: `localhost:${api.port}`,
    GHE_PROTOCOL: 'http',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'trace',
  });
  app = await startApp(env, {
    log: logged.log,
    deps: {
      // The real pipeline; only the clone is rerouted to the loopback git server (the test transport).
      review: (source, options) => {
        reviewed.push(source.kind === 'remote' ? source.url : source.path);
        if (source.kind !== 'remote') throw new Error('expected a remote source');
        return review(source, { ...options, transport: { cloneUrl: git.url(`${source.owner}/${source.repo}`), allowHttp: true } });
      },
    },
  });
  payload = pullRequestOpened(baseSha, headSha);
}, 30_000);

afterAll(async () => {
  await app?.close(5_000);
  await api?.close();
  await git?.close();
  await candidate?.cleanup();
});

let payload: string;

/** The webhooks-examples `pull_request.opened` delivery, for the candidate's private repository. */
function pullRequestOpened(baseSha: string, headSha: string): string {
  const event = JSON.parse(readFileSync(join(REPO_ROOT, 'test/fixtures/events/pull_request.opened.json'), 'utf8'));
  event.pull_request.head.sha = headSha;
  event.pull_request.base.sha = baseSha;
  event.pull_request.body = 'Built a RAG service over the support answers with Chroma and FastAPI.';
  for (const repo of [event.repository, event.pull_request.base.repo, event.pull_request.head.repo]) repo.private = true;
  return JSON.stringify(event);
}

const sign = (body: string, secret: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

const deliver = (body: string, signature: string, id: string) =>
  fetch(`${app.url}/api/github/webhooks`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': id, 'x-hub-signature-256': signature },
  });

describe('the app, end to end', () => {
  it('rejects a wrongly signed delivery with a 400, and reviews nothing', async () => {
    const response = await deliver(payload, sign(payload, 'development'), 'f0e1d2c3-0000-4000-8000-000000000001');
    expect(response.status).toBe(400);
    await app.queue.onIdle();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(api.requests).toEqual([]);
    expect(git.requests).toEqual([]);
    expect(reviewed).toEqual([]);
  });

  it('answers a signed pull_request.opened at once, then completes a neutral check run naming the stack', async () => {
    const [, headSha] = candidate.commits as [string, string];
    const started = performance.now();
    const response = await deliver(payload, sign(payload, SECRET), 'f0e1d2c3-0000-4000-8000-000000000002');
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1_000);

    await expect.poll(() => api.checkRuns[0]?.status, { timeout: 30_000, interval: 100 }).toBe('completed');
    await app.queue.onIdle();
    expect(api.unexpected).toEqual([]);

    // One check run, created in progress at the head, completed neutral with the report.
    expect(api.checkRuns).toHaveLength(1);
    const run = api.checkRuns[0]!;
    expect(run).toMatchObject({ name: 'candidate-review', head_sha: headSha, conclusion: 'neutral' });
    expect(run.history[0]).toMatchObject({ status: 'in_progress', head_sha: headSha });
    // The title and the summary's stack section name what the candidate built, with the lines behind it.
    expect(run.output?.title).toMatch(/chroma, fastapi/);
    const summary = run.output?.summary ?? '';
    const stack = (/## Detected stack\n([\s\S]*?)\n## /.exec(summary)?.[1] ?? '').split('\n');
    expect(stack.find((line) => line.includes('`chroma`'))).toContain('app/index.py:1');
    expect(stack.find((line) => line.includes('`fastapi`'))).toContain('app/api.py:1');
    expect(summary).toContain('2 unchanged files left out'); // reviewed against the PR base: only the candidate's files

    // The source followed GHE_HOST's host; the clone used a token scoped to this one repository.
    expect(reviewed).toEqual([`https://localhost/${OWNER}/${REPO}.git`]);
    expect(api.tokenRequests).toContainEqual({ repository_ids: [186853002], permissions: { contents: 'read' } });
    expect(git.requests.length).toBeGreaterThan(0);
    expect(git.requests.every((request) => request.authorization)).toBe(true);
    expect(api.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual(
      expect.arrayContaining([
        `POST /api/v3/repos/${OWNER}/${REPO}/check-runs`,
        `GET /api/v3/repos/${OWNER}/${REPO}/pulls/2`,
        `PATCH /api/v3/repos/${OWNER}/${REPO}/check-runs/${run.id}`,
      ]),
    );
  });

  it('keeps every secret out of the logs and the published check run', () => {
    const published = JSON.stringify(api.checkRuns);
    const logs = logged.lines.join('\n');
    expect(logs).toContain('published');
    for (const secret of SECRETS) {
      expect(logs).not.toContain(secret);
      expect(published).not.toContain(secret);
    }
  });
});
