import { join } from 'node:path';
import type { Check } from '../../../src/engine/types.js';
import { review } from '../../../src/review.js';
import { parseSource } from '../../../src/source/parse-source.js';
import { makeGitRepo, type RepoCommit } from '../../helpers/make-git-repo.js';

/**
 * Runs one check over a git repository built at test time; returns `{ kind, messageId, at, message, question? }`.
 * `shallow` reviews a `--depth=1` clone of it instead.
 */
export async function historyFindings(check: Check, commits: RepoCommit[], { shallow = false } = {}) {
  const repo = await makeGitRepo(commits);
  try {
    const dir = shallow ? join(repo.dir, 'shallow-clone') : repo.dir;
    if (shallow) repo.git('clone', '--quiet', '--depth=1', `file://${repo.dir}`, dir);
    const report = await review(parseSource(dir, { cwd: dir }), { checks: [check] });
    if (report.errors.length) throw new Error(`check failed: ${report.errors[0]!.message}`);
    return report.findings.map((f) => ({
      kind: f.kind,
      messageId: f.messageId,
      at: `${f.evidence[0].path}:${f.evidence[0].line}`,
      message: f.message,
      ...(f.question && { question: f.question }),
      shas: repo.commits,
    }));
  } finally {
    await repo.cleanup();
  }
}

const day = (n: number) => new Date(Date.UTC(2024, 2, 1 + n, 9, 30)).toISOString();

/** Ten commits a day apart, each adding one module and touching the README. */
export const STEADY: RepoCommit[] = Array.from({ length: 10 }, (_, i) => ({
  files: { 'README.md': `# RAG service\n\nStep ${i + 1}\n`, [`app/step_${i + 1}.py`]: `VALUE = ${i}\n` },
  message: `Add step ${i + 1} of the ingestion pipeline`,
  date: day(i),
}));

/** One commit that adds the whole project, then a one-line fix two hours later. */
export const DUMP: RepoCommit[] = [
  {
    files: Object.fromEntries([['README.md', '# RAG service\n'], ...Array.from({ length: 9 }, (_, i) => [`app/part_${i + 1}.py`, `VALUE = ${i}\n`])]),
    message: 'upload',
    date: day(0),
  },
  { files: { 'app/part_1.py': 'VALUE = 42\n' }, message: 'fix', date: '2024-03-01T11:30:00.000Z' },
];
