import { describe, expect, it } from 'vitest';
import check from '../../../checks/code-quality/type-hints-and-docstrings.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const TYPED = 'def answer(question: str, k: int = 4) -> str:\n    """Answers."""\n    return question\n';
const UNTYPED = 'def load(path):\n    return path\n';

describe('code-quality/type-hints-and-docstrings', () => {
  it.each<CheckRow>([
    { name: 'typed and untyped functions', files: { 'rag.py': `${TYPED}\n${UNTYPED}` }, expected: [{ kind: 'info', messageId: 'python', at: 'rag.py:1' }] },
    { name: 'tests are left out', files: { 'tests/test_rag.py': UNTYPED }, expected: [] },
    {
      name: 'a strict tsconfig',
      files: { 'tsconfig.json': '{\n  "compilerOptions": {\n    "strict": true\n  }\n}\n', 'src/index.ts': 'export const x = 1;\n' },
      expected: [{ kind: 'strength', messageId: 'tsStrict', at: 'tsconfig.json:3' }],
    },
    {
      name: 'a tsconfig without strict',
      files: { 'tsconfig.json': '{\n  "compilerOptions": {\n    "target": "ES2022"\n  }\n}\n', 'src/index.ts': 'export const x = 1;\n' },
      expected: [{ kind: 'info', messageId: 'tsNotStrict', at: 'tsconfig.json:2' }],
    },
    { name: 'a tsconfig with no TypeScript code', files: { 'tsconfig.json': '{"compilerOptions": {}}\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('says so when no function takes parameters', async () => {
    const [finding] = await findingsOf(check, { 'a.py': 'def f() -> int:\n    return 1\n' });
    expect(finding!.message).toBe('Type hints on no parameters (none declared) and 100% of return types; docstrings on 0% of 1 functions');
  });

  it('gives the numbers, self aside', async () => {
    const [finding] = await findingsOf(check, { 'rag.py': `${TYPED}\n${UNTYPED}\nclass A:\n    def m(self, x: int) -> None:\n        pass\n` });
    expect(finding!.message).toBe('Type hints on 75% of parameters (3/4) and 67% of return types; docstrings on 33% of 3 functions');
  });
});
