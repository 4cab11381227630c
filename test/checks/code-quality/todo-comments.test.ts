import { describe, expect, it } from 'vitest';
import check from '../../../checks/code-quality/todo-comments.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

describe('code-quality/todo-comments', () => {
  it.each<CheckRow>([
    { name: 'TODO and FIXME comments', files: { 'rag.py': 'x = 1\n# TODO: add reranking\ny = 2  # FIXME off by one\n' }, expected: [{ kind: 'info', messageId: 'todos', at: 'rag.py:2' }] },
    {
      name: 'the word in strings, prose and lower case',
      files: { 'rag.py': 'x = "TODO list"\n# todo items are parsed here\n', 'README.md': '## TODO\n- more tests\n' },
      expected: [],
    },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('counts them and quotes the first', async () => {
    const [finding] = await findingsOf(check, { 'rag.py': '# TODO: add reranking\n# FIXME off by one\n# HACK\n' });
    expect(finding!.message).toBe('3 TODO/FIXME comment(s), e.g. "TODO: add reranking"');
    expect(finding!.question).toContain('at `rag.py:1`');
  });
});
