import { describe, expect, it } from 'vitest';
import check from '../../../checks/code-quality/unused-dependencies.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

describe('code-quality/unused-dependencies', () => {
  it.each<CheckRow>([
    {
      name: 'a declared package nothing imports',
      files: { 'requirements.txt': 'fastapi\npandas\nuvicorn\n', 'app.py': 'from fastapi import FastAPI\n' },
      expected: [{ kind: 'info', messageId: 'unused', at: 'requirements.txt:2' }],
    },
    {
      name: 'distributions imported under other names, and servers used without import',
      files: {
        'requirements.txt': 'scikit-learn\npython-dotenv\nPyYAML\nuvicorn\naccelerate\nbitsandbytes\n',
        'pyproject.toml': '[project]\nname = "x"\ndependencies = []\n[project.optional-dependencies]\ndev = ["pytest"]\n',
        'app.py': 'import sklearn\nimport yaml\n',
      },
      expected: [],
    },
    { name: 'a manifest with no code to compare', files: { 'requirements.txt': 'pandas\n' }, expected: [] },
    {
      name: 'a name mentioned only in a comment',
      files: { 'requirements.txt': 'pandas\n', 'app.py': '# import pandas\nx = 1\n' },
      expected: [{ kind: 'info', messageId: 'unused', at: 'requirements.txt:1' }],
    },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('lists the unused names', async () => {
    const [finding] = await findingsOf(check, { 'requirements.txt': 'pandas\nmatplotlib\nnumpy\n', 'a.py': 'import numpy\n' });
    expect(finding!.message).toBe('2 declared dependencies are never imported: `pandas`, `matplotlib`');
  });
});
