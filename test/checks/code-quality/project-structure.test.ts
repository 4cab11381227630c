import { describe, expect, it } from 'vitest';
import check from '../../../checks/code-quality/project-structure.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const notebook = (source: string) => JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: 'code', source: [source], outputs: [] }] });

describe('code-quality/project-structure', () => {
  it.each<CheckRow>([
    {
      name: 'a package with __main__.py',
      files: {
        'rag/__init__.py': '',
        'rag/__main__.py': 'from .api import serve\nserve()\n',
        'rag/api.py': 'from .index import build\ndef serve():\n    build()\n',
        'rag/index.py': 'def build():\n    return 1\n',
      },
      expected: [{ kind: 'info', messageId: 'package', at: 'rag/__main__.py:1' }],
    },
    {
      name: 'a package started through a pyproject script',
      files: {
        'pyproject.toml': '[project]\nname = "qa"\n\n[project.scripts]\nqa = "qa.cli:main"\n',
        'src/qa/__init__.py': '',
        'src/qa/cli.py': 'def main():\n    pass\n',
        'src/qa/rag.py': 'def answer():\n    pass\n',
      },
      expected: [{ kind: 'info', messageId: 'package', at: 'pyproject.toml:5' }],
    },
    {
      name: 'a package with no entry point',
      files: { 'lib/__init__.py': '', 'lib/a.py': 'def f():\n    pass\n', 'lib/b.py': 'def g():\n    pass\n' },
      expected: [{ kind: 'info', messageId: 'packageWithoutEntry', at: 'lib/__init__.py:1' }],
    },
    {
      name: 'loose scripts run one by one',
      files: { 'load_data.py': 'import json\nprint(1)\n', 'build_index.py': 'print(2)\n', 'ask.py': 'print(3)\n' },
      expected: [{ kind: 'info', messageId: 'looseScripts', at: 'ask.py:1' }],
    },
    {
      name: 'one module with an app object',
      files: { 'app.py': 'from fastapi import FastAPI\napp = FastAPI()\n' },
      expected: [{ kind: 'info', messageId: 'singleModule', at: 'app.py:1' }],
    },
    {
      name: 'only a notebook',
      files: { 'rag.ipynb': notebook('import chromadb\nclient = chromadb.Client()') },
      expected: [{ kind: 'info', messageId: 'notebooksOnly', at: 'rag.ipynb:1' }],
    },
    {
      name: 'one module in a folder with an empty __init__.py',
      files: { 'app/__init__.py': '', 'app/main.py': 'from flask import Flask\napp = Flask(__name__)\n' },
      expected: [{ kind: 'info', messageId: 'singleModule', at: 'app/main.py:1' }],
    },
    { name: 'a TypeScript app', files: { 'src/index.ts': 'export const x = 1;\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('names the entry point and the internal imports', async () => {
    const [finding] = await findingsOf(check, {
      'rag/__init__.py': '',
      'rag/__main__.py': 'from .api import serve\nserve()\n',
      'rag/api.py': 'from rag.index import build\n',
      'rag/index.py': 'X = 1\n',
    });
    expect(finding!.message).toBe('Code is organised as a package (`rag`, 3 modules, 2 imports between them) started through `__main__.py`');
  });

  it('counts the modules and imports of a package with many nested modules', async () => {
    const files: Record<string, string> = { 'src/rag/__init__.py': '', 'src/rag/__main__.py': 'from rag.api import serve\nserve()\n', 'tools/make.py': 'import rag\n' };
    for (let i = 0; i < 40; i++) {
      files[`src/rag/part${i}/__init__.py`] = '';
      for (let j = 0; j < 5; j++) files[`src/rag/part${i}/m${j}.py`] = `from .m${(j + 1) % 5} import f\nimport rag.part${(i + 1) % 40}\nimport part${i}\nimport numpy\n`;
    }
    const [finding, ...rest] = await findingsOf(check, files);
    expect(rest).toEqual([]);
    expect(finding!.at).toBe('src/rag/__main__.py:1');
    // 201 modules in `src/rag` (the __main__ and 40 × 5); imports: 1 + 40 × 5 × 3, and `import rag` from tools/.
    expect(finding!.message).toBe('Code is organised as a package (`src/rag`, 201 modules, 602 imports between them) started through `__main__.py`');
  });

  it('asks how loose scripts are run', async () => {
    const [finding] = await findingsOf(check, { 'a.py': 'print(1)\n', 'b.py': 'print(2)\n' });
    expect(finding!.message).toContain('2 loose Python scripts with no package and no entry point');
    expect(finding!.question).toContain('one command');
  });
});
