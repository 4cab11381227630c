import { describe, expect, it } from 'vitest';
import commitSpan from '../../../checks/git-history/commit-span.js';
import { reportsOf } from '../../helpers/check-tester.js';
import { DUMP, STEADY, historyFindings } from './history-repos.js';

describe('git-history/commit-span', () => {
  it.each([
    { name: 'ten commits a day apart', commits: STEADY, message: '10 commits, 9 days from the first to the latest' },
    { name: 'a dump and a fix two hours later', commits: DUMP, message: '2 commits, 2 hours from the first to the latest' },
    { name: 'a single commit', commits: DUMP.slice(0, 1), message: 'The history holds a single commit' },
  ])('reports $name as a duration', async ({ commits, message }) => {
    const findings = await historyFindings(commitSpan, commits);
    expect(findings).toEqual([expect.objectContaining({ kind: 'info', message })]);
    expect(findings[0]!.at).toMatch(/^(README\.md|app\/.*\.py):1$/);
  });

  it('never names a time of day, a weekday or a date', async () => {
    const [finding] = await historyFindings(commitSpan, STEADY);
    expect(finding!.message).not.toMatch(/\d{1,2}:\d{2}|\b(mon|tues|wednes|thurs|fri|satur|sun)day\b|weekend|night|morning|evening|2024|march/i);
  });

  it('says once that history was not fetched from a shallow clone', async () => {
    expect(await historyFindings(commitSpan, STEADY, { shallow: true })).toEqual([
      expect.objectContaining({ kind: 'info', messageId: 'shallow', at: 'README.md:1', message: 'Only the latest commit was fetched (a shallow clone): the commit history was not reviewed' }),
    ]);
  });

  it('says nothing about a plain folder', async () => {
    expect(await reportsOf(commitSpan, { 'README.md': '# hi\n', 'app.py': 'x = 1\n' })).toEqual([]);
  });
});
