import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { review, type ReviewOptions } from '../../src/review.js';
import { parseSource } from '../../src/source/parse-source.js';
import { startGitHttpServer, type GitHttpServer } from '../helpers/git-http-server.js';
import { asPullRequest, makeGitRepo, type GitRepoFixture } from '../helpers/make-git-repo.js';

// A take-home as GitHub holds it: the default branch is the template, the candidate's work is
// reachable only as refs/pull/7/head. The app reviews that head against the base.
let server: GitHttpServer;
let fixture: GitRepoFixture;
let pr: { base: string; head: string };

const source = parseSource('https://github.com/octo/take-home', { cwd: '/' });
const reviewRemote = (options: ReviewOptions) => review(source, { ...options, transport: { cloneUrl: server.url('octo/take-home'), allowHttp: true } });

beforeAll(async () => {
  fixture = await makeGitRepo([
    { files: { 'README.md': '# Take-home\n', 'data/qa.jsonl': '{"q": "a"}\n' }, message: 'template' },
    { files: { 'app/index.py': 'import chromadb\n\nclient = chromadb.PersistentClient(path="db")\n' }, message: 'candidate: index' },
  ]);
  pr = asPullRequest(fixture, 7);
  server = await startGitHttpServer();
  await server.addRepo('octo/take-home', fixture.dir);
});

afterAll(async () => {
  await server.close();
  await fixture.cleanup();
});

describe('reviewing a pull request head', () => {
  it('fetches refs/pull/N/head and reviews that commit against the base: only the candidate\'s files', async () => {
    const report = await reviewRemote({ base: pr.base, head: { commit: pr.head, fetch: ['refs/pull/7/head', 'refs/heads/main'] } });
    expect(report.target.commit).toBe(pr.head);
    expect(report.target.base).toBe(pr.base);
    expect(report.target.files).toBe(1);
    expect(report.target.unchanged).toBe(2);
    expect(report.stack.vectorStores.map((s) => `${s.id} ${s.evidence[0]!.path}:${s.evidence[0]!.line}`)).toEqual(['chroma app/index.py:1']);
  });

  it('without a head, the default branch is what gets reviewed (the template)', async () => {
    const report = await reviewRemote({});
    expect(report.target.commit).toBe(pr.base);
    expect(report.stack.vectorStores).toEqual([]);
  });

  it('says so in one line when the head is not in the clone, rather than reviewing something else', async () => {
    const error = await reviewRemote({ head: { commit: pr.head, fetch: [] } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`the commit to review (${pr.head.slice(0, 12)}) is not in the clone`);
  });

  it.each(['--upload-pack=touch /tmp/pwned', 'refs/pull/7/head:refs/heads/main', 'HEAD', 'refs/heads/../x', 'refs/tags/v1'])(
    'refuses to fetch %j before running git',
    async (ref) => {
      const before = server.requests.length;
      const error = await reviewRemote({ head: { commit: pr.head, fetch: [ref] } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(/^cannot fetch ".*": only refs\/pull\/N\/head, refs\/heads\/… or a commit id$/);
      expect(server.requests.length).toBe(before);
    },
  );
});
