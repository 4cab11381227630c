import { describe, expect, it } from 'vitest';
import check from '../../../checks/code-quality/dependency-pinning.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

describe('code-quality/dependency-pinning', () => {
  it.each<CheckRow>([
    {
      name: 'requirements with no versions',
      files: { 'requirements.txt': 'fastapi==0.110.0\ntorch\ntransformers\n' },
      expected: [{ kind: 'concern', messageId: 'unconstrained', at: 'requirements.txt:2' }],
    },
    {
      name: 'exact pins everywhere',
      files: { 'requirements.txt': 'fastapi==0.110.0\ntorch==2.2.1\n' },
      expected: [{ kind: 'strength', messageId: 'pinned', at: 'requirements.txt:1' }],
    },
    {
      name: 'version ranges: neither pinned nor unconstrained',
      files: { 'requirements.txt': 'fastapi>=0.110\ntorch~=2.2\n' },
      expected: [],
    },
    {
      name: 'a poetry lock file next to loose pyproject constraints',
      files: { 'pyproject.toml': '[tool.poetry.dependencies]\npython = "^3.11"\ntorch = "*"\n', 'poetry.lock': '# generated\n' },
      expected: [{ kind: 'strength', messageId: 'lockFile', at: 'poetry.lock:1' }],
    },
    {
      name: 'an npm lock file',
      files: { 'package.json': '{"dependencies": {"openai": "^4.0.0"}}\n', 'package-lock.json': '{}\n' },
      expected: [{ kind: 'strength', messageId: 'lockFile', at: 'package-lock.json:1' }],
    },
    {
      name: 'an unversioned notebook install',
      files: { 'nb.ipynb': JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: 'code', source: ['!pip install chromadb'], outputs: [] }] }) },
      expected: [{ kind: 'concern', messageId: 'unconstrained', at: 'nb.ipynb:1' }],
    },
    { name: 'no manifest', files: { 'app.py': 'import os\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('lists the unversioned names', async () => {
    const [finding] = await findingsOf(check, { 'requirements.txt': 'fastapi==0.110.0\ntorch\ntransformers\n' });
    expect(finding!.message).toBe('2 of 3 Python dependencies have no version constraint and there is no lock file: `torch`, `transformers`');
    expect(finding!.question).toContain('`requirements.txt` lists `torch`, `transformers` without versions');
  });
});
