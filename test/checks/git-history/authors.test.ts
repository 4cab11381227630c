import { describe, expect, it } from 'vitest';
import authors from '../../../checks/git-history/authors.js';
import { reportsOf } from '../../helpers/check-tester.js';
import { STEADY, historyFindings } from './history-repos.js';

describe('git-history/authors', () => {
  it('reports a sole author without a question', async () => {
    const findings = await historyFindings(authors, STEADY);
    expect(findings).toEqual([expect.objectContaining({ kind: 'info', messageId: 'soleAuthor', at: 'README.md:1', message: 'Every commit is by one author: Candidate (10 commits)' })]);
    expect(findings[0]!.question).toBeUndefined();
  });

  it('reports several authors and co-authors by name, never by e-mail', async () => {
    const commits = [
      { ...STEADY[0]!, author: 'Ada Lovelace <ada@example.com>' },
      { ...STEADY[1]!, author: 'Ada Lovelace <ada@example.com>' },
      { ...STEADY[2]!, author: 'Grace Hopper <grace@example.com>', message: 'Add the API\n\nCo-authored-by: Alan Turing <alan@example.com>' },
    ];
    const [finding, ...rest] = await historyFindings(authors, commits);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ kind: 'info', messageId: 'authors', message: '2 commit author(s): Ada Lovelace (2 commits), Grace Hopper (1 commit); co-authored by Alan Turing' });
    expect(finding!.message).not.toContain('@');
    expect(finding!.question).toMatch(/which parts did you write yourself/);
  });

  it('says nothing about a plain folder', async () => {
    expect(await reportsOf(authors, { 'README.md': '# hi\n' })).toEqual([]);
  });
});
