import { describe, expect, it } from 'vitest';
import check from '../../../checks/code-quality/readme-sections.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const FULL = '# Support RAG\n\nAnswers support questions.\n\n## Setup\n\n```\npip install -r requirements.txt\n```\n\n## Usage\n\n```\nuvicorn app.main:app\n```\n\n## Results\n\nAccuracy: 8/10\n';

describe('code-quality/readme-sections', () => {
  it.each<CheckRow>([
    { name: 'setup, usage and results', files: { 'README.md': FULL, 'app.py': 'x = 1\n' }, expected: [{ kind: 'strength', messageId: 'complete', at: 'README.md:5' }] },
    {
      name: 'commands instead of headings',
      files: { 'README.md': '# QA bot\nRun `pip install -r requirements.txt` then `python main.py`.\nRecall@5 on the test set is 0.9\n' },
      expected: [{ kind: 'strength', messageId: 'complete', at: 'README.md:2' }],
    },
    {
      name: 'results in a separate report',
      files: { 'README.md': '# Bot\n## Install\npip install .\n## Run\npython -m bot\n', 'REPORT.md': '# Report\nAccuracy 9/10\n' },
      expected: [{ kind: 'strength', messageId: 'complete', at: 'README.md:2' }],
    },
    {
      name: 'a README with a title only',
      files: { 'README.md': '# take-home\n', 'main.py': 'print(1)\n' },
      expected: [{ kind: 'concern', messageId: 'missingSections', at: 'README.md:1' }],
    },
    {
      name: 'prose that mentions running but has no instructions',
      files: { 'README.md': '# Notes\nThis project uses an API and I tried to run it.\n' },
      expected: [{ kind: 'concern', messageId: 'missingSections', at: 'README.md:1' }],
    },
    {
      name: 'no README at all',
      files: { 'rag/__init__.py': '', 'rag/__main__.py': 'print(1)\n', 'rag/big.py': 'a = 1\nb = 2\nc = 3\n' },
      expected: [{ kind: 'concern', messageId: 'noReadme', at: 'rag/__main__.py:1' }],
    },
    { name: 'no README and no code', files: { 'data.csv': 'a,b\n1,2\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('names the missing sections', async () => {
    const [finding] = await findingsOf(check, { 'README.md': '# Bot\n\n## Installation\npip install .\n' });
    expect(finding!.message).toBe('`README.md` has no how-to-run or results section (3 lines)');
    expect(finding!.question).toContain('how-to-run or results');
  });

  it('points at the largest module when there is no README and no entry point', async () => {
    expect(await reportsOf(check, { 'small.py': 'x = 1\n', 'large.py': 'a = 1\nb = 2\nc = 3\n' })).toEqual([{ kind: 'concern', messageId: 'noReadme', at: 'large.py:1' }]);
  });
});
