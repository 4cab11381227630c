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

  it('finds the one unused dependency among many modules and many declared names', async () => {
    const files: Record<string, string> = {
      'requirements.txt': `${Array.from({ length: 60 }, (_, i) => `lib-${i}`).join('\n')}\nscikit-learn\nllama-index-llms-ollama\npandas\n`,
    };
    for (let i = 0; i < 200; i++) files[`app/m${i}.py`] = `import lib_${i % 60}.core\nimport sklearn\nfrom llama_index.core import VectorStoreIndex\nfrom . import m${i + 1}\n`;
    const [finding, ...rest] = await findingsOf(check, files);
    expect(rest).toEqual([]);
    expect(finding!.at).toBe('requirements.txt:63');
    expect(finding!.message).toBe('1 declared dependencies are never imported: `pandas`');
  });

  it('reads an import named like an object property as a module name', async () => {
    expect(await reportsOf(check, { 'requirements.txt': 'pandas\n', 'app.py': 'import constructor\nimport toString\n' })).toEqual([
      { kind: 'info', messageId: 'unused', at: 'requirements.txt:1' },
    ]);
  });

  it('lists the unused names', async () => {
    const [finding] = await findingsOf(check, { 'requirements.txt': 'pandas\nmatplotlib\nnumpy\n', 'a.py': 'import numpy\n' });
    expect(finding!.message).toBe('2 declared dependencies are never imported: `pandas`, `matplotlib`');
  });
});
