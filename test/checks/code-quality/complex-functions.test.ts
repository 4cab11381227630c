import { describe, expect, it } from 'vitest';
import check from '../../../checks/code-quality/complex-functions.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

/** A function with `n` sequential `if`s: cyclomatic complexity n + 1. */
const branchy = (name: string, n: number) => `def ${name}(x):\n${Array.from({ length: n }, (_, i) => `    if x == ${i}:\n        return ${i}\n`).join('')}    return -1\n`;
const deep = 'def deep(rows):\n    for r in rows:\n        if r:\n            for c in r:\n                if c:\n                    while c:\n                        c -= 1\n';
const long = `def long():\n${Array.from({ length: 85 }, (_, i) => `    x${i} = ${i}\n`).join('')}`;

describe('code-quality/complex-functions', () => {
  it.each<CheckRow>([
    { name: 'complexity over 15', files: { 'rag.py': `${branchy('route', 3)}\n${branchy('dispatch', 16)}` }, expected: [{ kind: 'concern', messageId: 'tooComplex', at: 'rag.py:10' }] },
    { name: 'nesting over 4', files: { 'grid.py': deep }, expected: [{ kind: 'concern', messageId: 'tooComplex', at: 'grid.py:1' }] },
    { name: 'over 80 lines', files: { 'setup_all.py': long }, expected: [{ kind: 'concern', messageId: 'tooComplex', at: 'setup_all.py:1' }] },
    {
      name: 'nothing over the thresholds: the worst are named',
      files: { 'a.py': `${branchy('small', 1)}\n${branchy('medium', 4)}\n${branchy('big', 6)}\n${branchy('tiny', 0)}` },
      expected: [{ kind: 'info', messageId: 'worst', at: 'a.py:17' }],
    },
    { name: 'only trivial functions', files: { 'a.py': 'def f():\n    return 1\n' }, expected: [] },
    { name: 'complex tests are left out', files: { 'tests/test_a.py': branchy('test_all', 20) }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('gives the numbers and asks how to split it', async () => {
    const [finding] = await findingsOf(check, { 'rag.py': branchy('dispatch', 16) });
    expect(finding!.message).toBe('`dispatch` is hard to follow: cyclomatic complexity 17');
    expect(finding!.question).toContain('`dispatch` at `rag.py:1` has cyclomatic complexity 17');
  });

  it('names the worst three in order', async () => {
    const [finding] = await findingsOf(check, { 'a.py': `${branchy('small', 2)}\n${branchy('medium', 4)}\n${branchy('big', 6)}\n${branchy('tiny', 0)}` });
    expect(finding!.message).toBe('No function is over the thresholds; the most complex are `big` (complexity 7, 14 lines, nesting 1), `medium` (complexity 5, 10 lines, nesting 1), `small` (complexity 3, 6 lines, nesting 1)');
  });
});
