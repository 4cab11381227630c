import { describe, expect, it } from 'vitest';
import check from '../../../checks/git-history/changes-against-template.js';
import { review } from '../../../src/review.js';
import { parseSource } from '../../../src/source/parse-source.js';
import { reportsOf } from '../../helpers/check-tester.js';
import { makeGitRepo, type RepoFiles } from '../../helpers/make-git-repo.js';

/** The template a candidate starts from: five files. */
const TEMPLATE: RepoFiles = {
  'README.md': '# Take-home: build a RAG service\n',
  'app/__init__.py': '',
  'app/main.py': 'def answer(question):\n    raise NotImplementedError\n',
  'data/docs.txt': 'Some documents\n',
  'requirements.txt': 'fastapi==0.110.0\n',
};

/** Reviews the candidate commit against the template commit (or without a base). */
async function againstTemplate(candidate: RepoFiles, { withBase = true } = {}) {
  const repo = await makeGitRepo([
    { files: TEMPLATE, message: 'Template' },
    { files: candidate, message: 'Candidate work' },
  ]);
  try {
    const report = await review(parseSource(repo.dir, { cwd: repo.dir }), { ...(withBase && { base: repo.commits[0]! }), checks: [check] });
    if (report.errors.length) throw new Error(`check failed: ${report.errors[0]!.message}`);
    return {
      short: repo.commits[0]!.slice(0, 7),
      findings: report.findings.map((f) => ({ kind: f.kind, messageId: f.messageId, at: `${f.evidence[0].path}:${f.evidence[0].line}`, message: f.message, question: f.question })),
    };
  } finally {
    await repo.cleanup();
  }
}

const WORK: RepoFiles = {
  'app/main.py': 'from app.rag import retrieve\n\ndef answer(question):\n    return retrieve(question)\n',
  'app/rag.py': 'def retrieve(question):\n    return []\n',
  'tests/test_rag.py': 'def test_retrieve():\n    assert retrieve("q") == []\n',
  'requirements.txt': 'fastapi==0.110.0\nchromadb==0.5.0\n',
};

describe('git-history/changes-against-template', () => {
  it.each([
    {
      name: 'four files changed: the counts, no question',
      candidate: WORK,
      expected: { kind: 'info', messageId: 'changed', at: 'app/main.py:1', message: (base: string) => `4 files changed against the template \`${base}\`, 3 template files unchanged and left out` },
    },
    {
      name: 'one file changed: the counts and a question',
      candidate: { 'app/main.py': 'def answer(question):\n    return "42"\n' },
      expected: { kind: 'info', messageId: 'fewChanged', at: 'app/main.py:1', message: (base: string) => `1 file changed against the template \`${base}\`, 4 template files unchanged and left out` },
    },
  ])('$name', async ({ candidate, expected }) => {
    const { short, findings } = await againstTemplate(candidate);
    expect(findings).toEqual([expect.objectContaining({ kind: expected.kind, messageId: expected.messageId, at: expected.at, message: expected.message(short) })]);
    if (expected.messageId === 'changed') expect(findings[0]!.question).toBeUndefined();
    else expect(findings[0]!.question).toContain(`Only 1 file changed against the template \`${short}\` (starting at \`app/main.py:1\`)`);
  });

  it('says nothing without a base, even for a git repository', async () => {
    expect((await againstTemplate(WORK, { withBase: false })).findings).toEqual([]);
  });

  it('says nothing for a plain folder', async () => {
    expect(await reportsOf(check, { 'README.md': '# hi\n', 'app.py': 'x = 1\n' })).toEqual([]);
  });
});
