import { describe, expect, it } from 'vitest';
import check from '../../../checks/evaluation/reported-results.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const EVAL = 'correct = 8\naccuracy = correct / 10\n';

describe('evaluation/reported-results', () => {
  it.each<CheckRow>([
    {
      name: 'a README result backed by metric code',
      files: { 'README.md': '# RAG\n\nOn the 10 test questions the accuracy was 80%.\n', 'eval.py': EVAL },
      expected: [{ kind: 'info', messageId: 'reported', at: 'README.md:3' }],
    },
    {
      name: 'a REPORT result with no code behind it',
      files: { 'REPORT.md': '## Results\n\n8/10 correct answers.\n', 'app.py': 'print(1)\n' },
      expected: [{ kind: 'concern', messageId: 'unsupported', at: 'REPORT.md:3' }],
    },
    {
      name: 'a README with no numbers',
      files: { 'README.md': '# RAG\n\nThe answers look good. Accuracy was not measured.\n' },
      expected: [],
    },
    {
      name: 'a metric-like line in code is not a report',
      files: { 'notes.py': 'print("accuracy 80%")\n' },
      expected: [],
    },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('quotes the result and asks where it comes from', async () => {
    const [finding] = await findingsOf(check, { 'REPORT.md': '## Results\n\nF1: 0.72 on the test set.\n' });
    expect(finding!.message).toBe('`REPORT.md` reports "F1: 0.72", but no code that computes a metric was found');
    expect(finding!.question).toContain('`REPORT.md:3`');
  });
});

describe('evaluation/reported-results on hostile prose', () => {
  it('reads a 200 KB line of digits and one of repeated results without backtracking', async () => {
    const findings = await reportsOf(check, { 'README.md': `${'1'.repeat(200_000)}\n${'80% aaaa '.repeat(20_000)}\naccuracy 8/10\n` });
    expect(findings.some((f) => f.at === 'README.md:3')).toBe(true);
  });
});

describe('evaluation/reported-results on hostile metric names', () => {
  it('reads a 150 KB line of `rouge-` words (each one a metric-word start) without backtracking', async () => {
    const findings = await reportsOf(check, { 'README.md': `${'rouge-'.repeat(25_000)}\nROUGE-L 0.41\n` });
    expect(findings).toEqual([{ kind: 'concern', messageId: 'unsupported', at: 'README.md:2' }]);
  });
});
