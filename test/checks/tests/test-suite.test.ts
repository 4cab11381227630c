import { describe, expect, it } from 'vitest';
import check from '../../../checks/tests/test-suite.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';
import { FILLER, RAG_APP } from './fixtures.js';

const TESTED = 'from app.rag import split\n\n\ndef test_split():\n    assert split("abc", 2) == ["ab", "c"]\n\n\ndef test_split_empty():\n    assert split("") == []\n    assert not split("", 5)\n';

describe('tests/test-suite', () => {
  it.each<CheckRow>([
    { name: 'a pytest suite', files: { ...RAG_APP, 'tests/test_rag.py': TESTED }, expected: [{ kind: 'info', messageId: 'suite', at: 'tests/test_rag.py:4' }] },
    {
      name: 'a vitest suite',
      files: { 'src/rag.ts': 'export const split = (t: string) => t.split(" ");\n', 'src/rag.test.ts': 'import { expect, it } from "vitest";\nimport { split } from "./rag";\n\nit("splits", () => {\n  expect(split("a b")).toEqual(["a", "b"]);\n});\n' },
      expected: [{ kind: 'info', messageId: 'suite', at: 'src/rag.test.ts:4' }],
    },
    {
      name: 'a unittest suite outside a tests folder',
      files: { ...RAG_APP, 'check_rag.py': 'import unittest\nfrom app.rag import split\n\nclass SplitTest(unittest.TestCase):\n    def test_split(self):\n        self.assertEqual(split("ab", 1), ["a", "b"])\n' },
      expected: [{ kind: 'info', messageId: 'suite', at: 'check_rag.py:5' }],
    },
    {
      name: 'a FastAPI service with no tests (evidence on the endpoint)',
      files: { ...RAG_APP, ...FILLER, 'app/main.py': 'from fastapi import FastAPI\nfrom app.rag import answer\n\napi = FastAPI()\n\n\n@api.post("/ask")\ndef ask(question: str):\n    return {"answer": answer(question)}\n' },
      expected: [{ kind: 'concern', messageId: 'noTests', at: 'app/main.py:7' }],
    },
    {
      name: 'a script with a __main__ guard and no tests',
      files: { ...FILLER, 'pipeline.py': 'def run():\n    return 1\n\n\nif __name__ == "__main__":\n    run()\n' },
      expected: [{ kind: 'concern', messageId: 'noTests', at: 'pipeline.py:5' }],
    },
    {
      name: 'pytest declared but no test written',
      files: { ...RAG_APP, 'requirements.txt': 'openai==1.30.0\npytest==8.2.0\n' },
      expected: [{ kind: 'concern', messageId: 'declaredNoTests', at: 'requirements.txt:2' }],
    },
    { name: 'a tiny script (too little code to expect tests)', files: { ...RAG_APP }, expected: [] },
    { name: 'tests mentioned only in the README', files: { ...RAG_APP, 'README.md': '# Bot\n\nRun `pytest` to run the tests in tests/test_rag.py.\n' }, expected: [] },
    { name: 'a test helper module with no test function', files: { ...RAG_APP, 'tests/helpers.py': 'def make_question():\n    return "q"\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('states the count, the framework, the files and assertions per test', async () => {
    const [finding] = await findingsOf(check, { ...RAG_APP, 'tests/test_rag.py': TESTED });
    expect(finding!.message).toBe('2 tests with pytest in 1 file; 1.5 assertions per Python test on average');
  });

  it('names the main module and asks about it when there are no tests', async () => {
    const [finding] = await findingsOf(check, { ...FILLER, 'pipeline.py': 'def run():\n    return 1\n\n\nif __name__ == "__main__":\n    run()\n' });
    expect(finding!.message).toMatch(/^No tests in \d+ lines of code; the main module is `pipeline\.py`$/);
    expect(finding!.question).toContain('`pipeline.py`');
  });
});
