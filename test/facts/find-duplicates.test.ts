import { describe, expect, it } from 'vitest';
import { findDuplicates } from '../../src/facts/find-duplicates.js';

const file = (path: string, text: string) => ({ path, text, bytes: text.length });

/** A Python function of `n` distinct statements. */
const pyBody = (name: string, n: number, indent = '    ') =>
  `def ${name}(rows):\n${Array.from({ length: n }, (_, i) => `${indent}total_${i} = sum(r[${i}] for r in rows)\n`).join('')}`;

const tsBody = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = await client.get(\`/items/${i}\`);\n`).join('');

describe('findDuplicates', () => {
  it('finds a run copied between two Python files, with both places and the run length', () => {
    const shared = pyBody('load', 8).split('\n').slice(1).join('\n');
    const duplicates = findDuplicates([
      file('app/ingest.py', `import os\n\ndef ingest(rows):\n${shared}`),
      file('app/reindex.py', `X = 1\n\n\ndef reindex(rows):\n${shared}`),
    ]);
    expect(duplicates).toEqual([
      {
        a: { path: 'app/ingest.py', line: 4, snippet: 'total_0 = sum(r[0] for r in rows)' },
        b: { path: 'app/reindex.py', line: 5, snippet: 'total_0 = sum(r[0] for r in rows)' },
        lines: 8,
      },
    ]);
  });

  it('ignores indentation, blank lines, comments and whitespace inside a line', () => {
    const a = pyBody('f', 7);
    const b = a
      .replace(/^ {4}/gm, '        ')
      .replace('total_2 = sum', 'total_2  =  sum')
      .replace('total_4', '# copied from f\n\n    total_4');
    const [dup] = findDuplicates([file('a.py', a), file('b.py', `class C:\n    ${b.replace(/\n/g, '\n    ')}`)]);
    expect(dup?.lines).toBe(8);
  });

  it('finds a run repeated inside one file without overlapping itself', () => {
    const [dup, ...rest] = findDuplicates([file('pipeline.py', `${pyBody('first', 7)}\n\n${pyBody('second', 7)}`)]);
    expect(rest).toEqual([]);
    expect(dup).toMatchObject({ a: { path: 'pipeline.py', line: 2 }, b: { path: 'pipeline.py', line: 12 }, lines: 7 });
  });

  it('finds TypeScript and JavaScript copies, lone brackets not counted', () => {
    const body = `export async function load() {\n${tsBody(6)}  return [v0, v1];\n}\n`;
    const [dup] = findDuplicates([file('src/a.ts', body), file('src/b.js', `// copy\n${body.replace('load', 'reload')}`)]);
    expect(dup).toMatchObject({ a: { path: 'src/a.ts', line: 2 }, b: { path: 'src/b.js', line: 3 }, lines: 7 });
  });

  it.each([
    { name: 'runs shorter than six lines', files: [file('a.py', pyBody('f', 5)), file('b.py', pyBody('g', 5))] },
    {
      name: 'shared imports, even multi-line ones',
      files: ['a.py', 'b.py'].map((p) =>
        file(p, 'import os\nimport sys\nimport json\nfrom pathlib import Path\nfrom typing import (\n    Any,\n    Dict,\n    List,\n)\nimport numpy as np\nimport torch\nx = 1\n'),
      ),
    },
    {
      name: 'shared TypeScript imports and lone brackets',
      files: ['a.ts', 'b.ts'].map((p) =>
        file(p, "import {\n  a,\n  b,\n  c,\n  d,\n  e,\n  f,\n} from './x';\nimport g from 'g';\nconst h = require('h');\n}\n})\n];\n});\n)\n}\n"),
      ),
    },
    { name: 'comment blocks', files: ['a.py', 'b.py'].map((p) => file(p, Array.from({ length: 10 }, (_, i) => `# note ${i}\n`).join(''))) },
    { name: 'test files', files: [file('tests/test_a.py', pyBody('test_a', 8)), file('app/test_b.py', pyBody('test_b', 8)), file('src/c.test.ts', tsBody(8))] },
    { name: 'files that are not code', files: [file('a.md', pyBody('f', 8)), file('b.txt', pyBody('f', 8)), file('c.yaml', pyBody('f', 8))] },
    { name: 'different code', files: [file('a.py', pyBody('f', 8)), file('b.py', pyBody('f', 8).replace(/sum/g, 'max'))] },
  ])('says nothing for $name', ({ files }) => {
    expect(findDuplicates(files)).toEqual([]);
  });

  it('skips files over 5,000 lines', () => {
    const huge = `${pyBody('f', 8)}${'x = 1\n'.repeat(5_000)}`;
    expect(findDuplicates([file('a.py', pyBody('f', 8)), file('generated.py', huge)])).toEqual([]);
  });

  it('stays bounded on hostile input: one line repeated thousands of times in many files', () => {
    const files = Array.from({ length: 300 }, (_, i) => file(`m${i}.py`, 'x = x + 1\n'.repeat(4_999)));
    const start = performance.now();
    const duplicates = findDuplicates(files);
    expect(duplicates.length).toBeGreaterThan(0);
    expect(duplicates.length).toBeLessThanOrEqual(200);
    expect(performance.now() - start).toBeLessThan(2_000);
  });

  it('stops at 200 pairs', () => {
    const files = Array.from({ length: 300 }, (_, i) => file(`m${i}.py`, pyBody('f', 8)));
    const duplicates = findDuplicates(files);
    expect(duplicates).toHaveLength(200);
    expect(duplicates[199]).toMatchObject({ a: { path: 'm0.py' }, b: { path: 'm200.py' }, lines: 9 });
  });
});
