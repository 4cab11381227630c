import { describe, expect, it } from 'vitest';
import check, { looksLikeCode } from '../../../checks/code-quality/commented-out-code.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

describe('code-quality/commented-out-code', () => {
  it.each([
    ['import torch', true],
    ['from peft import LoraConfig', true],
    ['model = AutoModel.from_pretrained(name)', true],
    ['results["acc"] = 0.8', true],
    ['print(len(docs))', true],
    ['model.train()', true],
    ['def old_answer(q):', true],
    ['for doc in docs:', true],
    ['return None', true],
    ['Load the documents and split them', false],
    ['TODO: add reranking (see issue)', false],
    ['type: ignore', false],
    ['noqa: E501', false],
    ['chunk size = 500 works better than 1000', false],
    ['Step 2: embed', false],
    ['', false],
  ])('%j reads as code: %s', (text, expected) => {
    expect(looksLikeCode(text)).toBe(expected);
  });

  it.each<CheckRow>([
    {
      name: 'blocks of commented-out code',
      files: { 'rag.py': 'x = 1\n# y = 2\n\n# import torch\n# model = load()\n# model.eval()\nz = 3  # explanation of z\n' },
      expected: [{ kind: 'info', messageId: 'commentedOut', at: 'rag.py:4' }],
    },
    { name: 'explanatory comments only', files: { 'rag.py': '# Build the index\nx = 1  # number of results\n# See the README for details\n' }, expected: [] },
    { name: 'code in a README', files: { 'README.md': '# model = load()\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('counts lines, blocks and the largest block', async () => {
    const [finding] = await findingsOf(check, { 'rag.py': 'x = 1\n# y = 2\n\n# import torch\n# model = load()\n# model.eval()\n', 'b.py': '# print(x)\n' });
    expect(finding!.message).toBe('5 commented-out code line(s) in 3 block(s) across 2 file(s); the largest block is 3 line(s) at `rag.py:4`');
  });
});
