import { describe, expect, it } from 'vitest';
import check from '../../../checks/tests/fixtures-and-parametrize.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';
import { RAG_APP, sorted } from './fixtures.js';

describe('tests/fixtures-and-parametrize', () => {
  it.each<CheckRow>([
    {
      name: 'a fixture in conftest.py',
      files: { ...RAG_APP, 'tests/conftest.py': 'import pytest\n\n\n@pytest.fixture\ndef docs():\n    return ["a", "b"]\n', 'tests/test_rag.py': 'def test_docs(docs):\n    assert docs\n' },
      expected: [{ kind: 'strength', messageId: 'fixtures', at: 'tests/conftest.py:5' }],
    },
    {
      name: 'parametrised cases',
      files: { ...RAG_APP, 'tests/test_rag.py': 'import pytest\nfrom app.rag import split\n\n\n@pytest.mark.parametrize("text,n", [("ab", 1), ("abc", 2), ("", 3)])\ndef test_split(text, n):\n    assert "".join(split(text, n)) == text\n' },
      expected: [{ kind: 'strength', messageId: 'parametrized', at: 'tests/test_rag.py:5' }],
    },
    {
      name: 'unittest setUp and subTest',
      files: { 'tests/test_rag.py': 'import unittest\n\n\nclass RagTest(unittest.TestCase):\n    def setUp(self):\n        self.docs = ["a"]\n\n    def test_docs(self):\n        for d in self.docs:\n            with self.subTest(d=d):\n                self.assertTrue(d)\n' },
      expected: [
        { kind: 'strength', messageId: 'parametrized', at: 'tests/test_rag.py:10' },
        { kind: 'strength', messageId: 'fixtures', at: 'tests/test_rag.py:5' },
      ],
    },
    {
      name: 'vitest beforeEach and it.each',
      files: { 'src/rag.test.ts': 'import { beforeEach, expect, it } from "vitest";\nlet docs: string[] = [];\nbeforeEach(() => { docs = ["a"]; });\n\nit.each([["a", 1], ["b", 1]])("splits %s", (t, n) => {\n  expect(t.length).toBe(n);\n});\n' },
      expected: [
        { kind: 'strength', messageId: 'fixtures', at: 'src/rag.test.ts:3' },
        { kind: 'strength', messageId: 'parametrized', at: 'src/rag.test.ts:5' },
      ],
    },
    { name: 'plain tests', files: { ...RAG_APP, 'tests/test_rag.py': 'from app.rag import split\n\n\ndef test_split():\n    assert split("a") == ["a"]\n' }, expected: [] },
    { name: 'a fixture decorator in application code (not the test suite)', files: { 'app/conf.py': 'import pytest\n\n\n@pytest.fixture\ndef thing():\n    return 1\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(sorted(await reportsOf(check, files))).toEqual(expected);
  });

  it('names fixtures and counts parametrised cases', async () => {
    const findings = await findingsOf(check, {
      'tests/conftest.py': 'import pytest\n\n\n@pytest.fixture\ndef docs():\n    return ["a"]\n\n\n@pytest.fixture\ndef client():\n    return None\n',
      'tests/test_rag.py': 'import pytest\n\n\n@pytest.mark.parametrize("q", ["a", "b", "c"])\ndef test_q(q, docs):\n    assert q\n',
    });
    expect(findings.map((f) => f.message).sort()).toEqual(['Parametrised tests (1): `test_q` (3 cases)', 'Test fixtures and setup hooks (2): `docs`, `client`, shared in conftest.py']);
  });
});
