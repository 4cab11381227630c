import { describe, expect, it } from 'vitest';
import check from '../../../checks/code-quality/swallowed-exceptions.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

describe('code-quality/swallowed-exceptions', () => {
  it.each<CheckRow>([
    { name: 'a bare except that passes', files: { 'rag.py': 'def ask(q):\n    try:\n        return llm(q)\n    except:\n        pass\n' }, expected: [{ kind: 'concern', messageId: 'bareSwallowed', at: 'rag.py:4' }] },
    { name: 'a bare except that logs', files: { 'rag.py': 'try:\n    x = 1\nexcept:\n    print("failed")\n' }, expected: [{ kind: 'concern', messageId: 'bare', at: 'rag.py:3' }] },
    { name: 'except Exception: continue', files: { 'ingest.py': 'for d in docs:\n    try:\n        load(d)\n    except Exception as e:\n        continue\n' }, expected: [{ kind: 'concern', messageId: 'swallowed', at: 'ingest.py:4' }] },
    {
      name: 'handled errors, optional imports and tests',
      files: {
        'rag.py': 'try:\n    import orjson\nexcept ImportError:\n    pass\ntry:\n    x = 1\nexcept ValueError as e:\n    raise RuntimeError("bad") from e\n',
        'tests/test_rag.py': 'try:\n    x = 1\nexcept:\n    pass\n',
      },
      expected: [],
    },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('names the function and asks how failures would be noticed', async () => {
    const [finding] = await findingsOf(check, { 'rag.py': 'def ask(q):\n    try:\n        return llm(q)\n    except Exception:\n        pass\n' });
    expect(finding!.message).toBe('`except Exception` in `ask` silently discards the error');
    expect(finding!.question).toContain('`rag.py:4` discards `Exception`');
  });
});
