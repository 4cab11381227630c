import { describe, expect, it } from 'vitest';
import check from '../../../checks/tests/own-code-under-test.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';
import { RAG_APP } from './fixtures.js';

const ASSERT_SPLIT = '\n\ndef test_split():\n    assert split("ab", 1) == ["a", "b"]\n';

describe('tests/own-code-under-test', () => {
  it.each<CheckRow>([
    { name: 'an absolute import of the package', files: { ...RAG_APP, 'tests/test_rag.py': `from app.rag import split${ASSERT_SPLIT}` }, expected: [{ kind: 'strength', messageId: 'ownModules', at: 'tests/test_rag.py:1' }] },
    { name: 'a relative import from a tests package', files: { ...RAG_APP, 'tests/__init__.py': '', 'tests/test_rag.py': `import pytest\nfrom ..app.rag import split${ASSERT_SPLIT}` }, expected: [{ kind: 'strength', messageId: 'ownModules', at: 'tests/test_rag.py:2' }] },
    {
      name: 'a src layout',
      files: { 'src/bot/__init__.py': '', 'src/bot/chunks.py': 'def split(t, n):\n    return [t[i:i + n] for i in range(0, len(t), n)]\n', 'tests/test_chunks.py': `from bot.chunks import split${ASSERT_SPLIT}` },
      expected: [{ kind: 'strength', messageId: 'ownModules', at: 'tests/test_chunks.py:1' }],
    },
    { name: 'a top-level module imported by name', files: { 'rag.py': 'def split(t, n):\n    return [t]\n', 'test_rag.py': `from rag import split${ASSERT_SPLIT}` }, expected: [{ kind: 'strength', messageId: 'ownModules', at: 'test_rag.py:1' }] },
    {
      name: 'a TypeScript test importing the app',
      files: { 'src/rag.ts': 'export const split = (t: string) => t.split(" ");\n', 'test/rag.test.ts': 'import { expect, it } from "vitest";\nimport { split } from "../src/rag";\n\nit("splits", () => expect(split("a b")).toHaveLength(2));\n' },
      expected: [{ kind: 'strength', messageId: 'ownModules', at: 'test/rag.test.ts:2' }],
    },
    {
      name: 'tests that exercise only chromadb',
      files: { ...RAG_APP, 'tests/test_store.py': 'import chromadb\n\n\ndef test_collection():\n    client = chromadb.Client()\n    col = client.create_collection("qa")\n    assert col.count() == 0\n' },
      expected: [{ kind: 'concern', messageId: 'onlyThirdParty', at: 'tests/test_store.py:4' }],
    },
    {
      name: 'tests that call the running server',
      files: { ...RAG_APP, 'tests/test_api.py': 'import requests\n\n\ndef test_ask():\n    r = requests.post("http://localhost:8000/ask", json={"question": "q"})\n    assert r.status_code == 200\n' },
      expected: [{ kind: 'concern', messageId: 'overHttpOnly', at: 'tests/test_api.py:5' }],
    },
    { name: 'no tests at all', files: { ...RAG_APP }, expected: [] },
    { name: 'tests of the standard library only', files: { ...RAG_APP, 'tests/test_x.py': 'import json\n\n\ndef test_json():\n    assert json.loads("1") == 1\n' }, expected: [{ kind: 'concern', messageId: 'noImports', at: 'tests/test_x.py:4' }] },
    {
      name: 'a vitest file that tests arithmetic',
      files: { 'src/rag.ts': 'export const split = (t: string) => t.split(" ");\n', 'test/rag.test.ts': 'import { expect, it } from "vitest";\n\nit("works", () => {\n  expect(1 + 1).toBe(2);\n});\n' },
      expected: [{ kind: 'concern', messageId: 'noImports', at: 'test/rag.test.ts:3' }],
    },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('names the modules tested and the libraries exercised instead', async () => {
    const [own] = await findingsOf(check, { ...RAG_APP, 'tests/test_rag.py': `from app.rag import split\nfrom app import rag${ASSERT_SPLIT}` });
    expect(own!.message).toBe("Tests import the candidate's modules: `app/rag.py`");
    const [third] = await findingsOf(check, { ...RAG_APP, 'tests/test_store.py': 'import chromadb\n\n\ndef test_collection():\n    assert chromadb.Client()\n' });
    expect(third!.message).toBe("The tests import none of the repository's modules; they exercise `chromadb` only");
    expect(third!.question).toContain('`tests/test_store.py:4`');
  });
});
