import { describe, expect, it } from 'vitest';
import check from '../../../checks/code-quality/duplicated-blocks.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

/** A function of `n` distinct statements, each different from another function's by `tag`. */
const steps = (n: number, tag = 'doc') =>
  Array.from({ length: n }, (_, i) => `    ${tag}_${i} = clean(raw["${tag}_${i}"]).strip().lower()\n`).join('');

const IMPORTS = 'import os\nimport json\nimport logging\nfrom pathlib import Path\nfrom typing import Any\nimport numpy as np\nimport torch\n';

describe('code-quality/duplicated-blocks', () => {
  it.each<CheckRow>([
    {
      name: 'a block copied into a second module',
      files: { 'app/ingest.py': `def ingest(raw):\n${steps(8)}    return doc_0\n`, 'app/reindex.py': `import os\n\n\ndef reindex(raw):\n${steps(8)}    return None\n` },
      expected: [{ kind: 'concern', messageId: 'duplicated', at: 'app/ingest.py:2' }],
    },
    {
      name: 'the largest five of six copies, largest first',
      files: Object.fromEntries(
        Array.from({ length: 6 }, (_, i) => [`app/m${i}.py`, `def a(raw):\n${steps(6 + i, `t${i}`)}\n\ndef b(raw):\n    x = 0\n${steps(6 + i, `t${i}`)}`]),
      ),
      expected: [5, 4, 3, 2, 1].map((i) => ({ kind: 'concern', messageId: 'duplicated', at: `app/m${i}.py:2` })),
    },
    {
      name: 'TypeScript copies',
      files: {
        'src/a.ts': `export function a(raw: Record<string, string>) {\n${steps(7).replace(/^ {4}/gm, '  const ')}  return doc_0;\n}\n`,
        'src/b.ts': `export function b(raw: Record<string, string>) {\n${steps(7).replace(/^ {4}/gm, '  const ')}  return doc_1;\n}\n`,
      },
      expected: [{ kind: 'concern', messageId: 'duplicated', at: 'src/a.ts:2' }],
    },
    { name: 'repeats shorter than six lines', files: { 'a.py': `def f(raw):\n${steps(5)}`, 'b.py': `def g(raw):\n${steps(5)}` }, expected: [] },
    { name: 'the same imports at the top of every module', files: { 'a.py': `${IMPORTS}x = 1\n`, 'b.py': `${IMPORTS}y = 2\n`, 'c.py': `${IMPORTS}z = 3\n` }, expected: [] },
    { name: 'copies between tests', files: { 'tests/test_a.py': `def test_a(raw):\n${steps(8)}`, 'tests/test_b.py': `def test_b(raw):\n${steps(8)}` }, expected: [] },
    { name: 'a copy of code in a README', files: { 'app.py': `def f(raw):\n${steps(8)}`, 'README.md': `\`\`\`python\ndef f(raw):\n${steps(8)}\`\`\`\n` }, expected: [] },
    { name: 'an ordinary app', files: { 'app.py': `def f(raw):\n${steps(8, 'a')}`, 'util.py': `def g(raw):\n${steps(8, 'b')}` }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('names both places and the line count, and asks about keeping them in step', async () => {
    const [finding] = await findingsOf(check, { 'app/ingest.py': `def ingest(raw):\n${steps(8)}`, 'app/reindex.py': `\n\ndef reindex(raw):\n${steps(8)}` });
    expect(finding!.message).toBe('The same 8 lines of code are at `app/ingest.py:2` and `app/reindex.py:4`');
    expect(finding!.question).toContain('The 8 lines at `app/ingest.py:2` are repeated at `app/reindex.py:4`');
  });
});
