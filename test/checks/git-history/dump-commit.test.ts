import { describe, expect, it } from 'vitest';
import dumpCommit from '../../../checks/git-history/dump-commit.js';
import { reportsOf } from '../../helpers/check-tester.js';
import type { RepoCommit } from '../../helpers/make-git-repo.js';
import { DUMP, STEADY, historyFindings } from './history-repos.js';

describe('git-history/dump-commit', () => {
  it('reports one commit that adds most of the files, with its sha, at a file it added', async () => {
    const [finding, ...rest] = await historyFindings(dumpCommit, DUMP);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ kind: 'concern', messageId: 'dump', at: 'README.md:1' });
    expect(finding!.message).toContain(`\`${finding!.shas[0]!.slice(0, 7)}\` ("upload") added 10 of the 10 files (100 %); the other 1 commit(s) added 0`);
    expect(finding!.question).toMatch(/how did the solution evolve/);
  });

  it('says so when the whole project is a single commit', async () => {
    expect(await historyFindings(dumpCommit, DUMP.slice(0, 1))).toEqual([expect.objectContaining({ kind: 'concern', messageId: 'onlyCommit' })]);
  });

  it('calls ten commits that each add a module steady work', async () => {
    const findings = await historyFindings(dumpCommit, STEADY);
    expect(findings).toEqual([expect.objectContaining({ kind: 'strength', messageId: 'steady', at: 'README.md:1' })]);
    expect(findings[0]!.message).toMatch(/over 10 commits: the largest, `[0-9a-f]{7}`, added 2 of the 11/);
  });

  it('says nothing between the two, or about a tiny repository', async () => {
    const halves: RepoCommit[] = [
      { files: { 'a.py': '1\n', 'b.py': '2\n', 'c.py': '3\n' }, message: 'Add the loader' },
      { files: { 'd.py': '4\n', 'e.py': '5\n', 'f.py': '6\n' }, message: 'Add the API' },
    ];
    expect(await historyFindings(dumpCommit, halves)).toEqual([]);
    expect(await historyFindings(dumpCommit, [{ files: { 'a.py': '1\n' }, message: 'Add a' }])).toEqual([]);
  });

  it('says nothing about a shallow clone, whose one visible commit seems to add everything', async () => {
    expect(await historyFindings(dumpCommit, STEADY, { shallow: true })).toEqual([]);
  });

  it('says nothing about a plain folder', async () => {
    expect(await reportsOf(dumpCommit, { 'a.py': '1\n', 'b.py': '2\n', 'c.py': '3\n' })).toEqual([]);
  });
});
