import { describe, expect, it } from 'vitest';
import commitMessages from '../../../checks/git-history/commit-messages.js';
import { reportsOf } from '../../helpers/check-tester.js';
import type { RepoCommit } from '../../helpers/make-git-repo.js';
import { STEADY, historyFindings } from './history-repos.js';

const withMessages = (...messages: string[]): RepoCommit[] => messages.map((message, i) => ({ ...STEADY[i]!, message }));

describe('git-history/commit-messages', () => {
  it('reports mostly vague messages as a concern, with examples', async () => {
    const findings = await historyFindings(commitMessages, withMessages('initial', 'wip', 'fix', 'update', 'Add the retrieval step with top_k=4'));
    expect(findings).toEqual([expect.objectContaining({ kind: 'concern', messageId: 'mostlyVague', at: 'README.md:1' })]);
    expect(findings[0]!.message).toBe('4 of 5 commit messages say little about the change ("update", "fix", "wip", "initial")');
    expect(findings[0]!.question).toMatch(/"update"/);
  });

  it('reports a few vague messages among descriptive ones as info', async () => {
    const findings = await historyFindings(commitMessages, withMessages('Load the QA pairs into Chroma', 'wip', 'Add the /ask endpoint', 'Evaluate on the ten test questions'));
    expect(findings).toEqual([expect.objectContaining({ kind: 'info', messageId: 'vague', message: '1 of 4 commit messages say little about the change ("wip")' })]);
  });

  it('reports descriptive messages as info', async () => {
    expect(await historyFindings(commitMessages, STEADY.slice(0, 3))).toEqual([expect.objectContaining({ kind: 'info', messageId: 'descriptive' })]);
  });

  it('ignores merge commits and stays quiet under three commits or for a plain folder', async () => {
    expect(await historyFindings(commitMessages, withMessages('wip', "Merge branch 'dev'", 'fix'))).toEqual([]);
    expect(await reportsOf(commitMessages, { 'README.md': '# hi\n' })).toEqual([]);
  });
});
