import { describe, expect, it } from 'vitest';
import check from '../../../checks/tests/model-calls-in-tests.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';
import { reviewFiles } from '../../helpers/review-files.js';
import { RAG_APP, sorted } from './fixtures.js';

describe('tests/model-calls-in-tests', () => {
  it.each<CheckRow>([
    {
      name: 'monkeypatch in a conftest fixture',
      files: {
        ...RAG_APP,
        'tests/conftest.py': 'import pytest\nfrom app import rag\n\n\n@pytest.fixture(autouse=True)\ndef fake_llm(monkeypatch):\n    monkeypatch.setattr(rag, "answer", lambda q: "stub")\n',
        'tests/test_rag.py': 'from app.rag import answer\n\n\ndef test_answer():\n    assert answer("q") == "stub"\n',
      },
      expected: [{ kind: 'strength', messageId: 'mocked', at: 'tests/conftest.py:7' }],
    },
    {
      name: 'FastAPI dependency_overrides and a bare @responses.activate',
      files: {
        'tests/test_api.py': 'import responses\nfrom fastapi.testclient import TestClient\nfrom app.main import api, get_llm\n\napi.dependency_overrides[get_llm] = lambda: None\n\n\n@responses.activate\ndef test_ask():\n    assert TestClient(api).post("/ask").status_code == 200\n',
      },
      expected: [{ kind: 'strength', messageId: 'mocked', at: 'tests/test_api.py:5' }],
    },
    {
      name: 'vi.mock in a vitest file',
      files: { 'src/rag.test.ts': 'import { expect, it, vi } from "vitest";\nimport { answer } from "./rag";\nvi.mock("openai");\n\nit("answers", async () => expect(await answer("q")).toBeDefined());\n' },
      expected: [{ kind: 'strength', messageId: 'mocked', at: 'src/rag.test.ts:3' }],
    },
    {
      name: 'a test that builds an OpenAI client and calls it',
      files: { 'tests/test_llm.py': 'from openai import OpenAI\n\n\ndef test_llm():\n    client = OpenAI()\n    r = client.chat.completions.create(model="gpt-4o", messages=[])\n    assert r.choices\n' },
      expected: [{ kind: 'concern', messageId: 'realModelCall', at: 'tests/test_llm.py:5' }],
    },
    {
      name: 'a test that calls a local Ollama model',
      files: { 'tests/test_llm.py': 'import ollama\n\n\ndef test_llm():\n    assert ollama.chat(model="llama3", messages=[])\n' },
      expected: [{ kind: 'concern', messageId: 'realModelCall', at: 'tests/test_llm.py:5' }],
    },
    {
      name: 'a test that reads the API key',
      files: { ...RAG_APP, 'tests/test_rag.py': 'import os\nfrom unittest import mock\nfrom app.rag import split\n\n\ndef test_key():\n    key = os.environ["OPENAI_API_KEY"]\n    assert key and split("a")\n' },
      expected: [{ kind: 'concern', messageId: 'readsApiKey', at: 'tests/test_rag.py:7' }],
    },
    {
      name: 'a test skipped without the key',
      files: { 'tests/test_llm.py': 'import os\nimport pytest\n\n\n@pytest.mark.skipif(not os.getenv("OPENAI_API_KEY"), reason="needs key")\ndef test_live():\n    assert True\n' },
      expected: [{ kind: 'concern', messageId: 'skippedWithoutKey', at: 'tests/test_llm.py:5' }],
    },
    {
      name: 'a TypeScript test reading process.env',
      files: { 'src/llm.test.ts': 'import { expect, it } from "vitest";\n\nit("has a key", () => {\n  const key = process.env.OPENAI_API_KEY;\n  expect(key).toBeTruthy();\n});\n' },
      expected: [{ kind: 'concern', messageId: 'readsApiKey', at: 'src/llm.test.ts:4' }],
    },
    {
      name: 'tests import the answer function and nothing stubs the model',
      files: { ...RAG_APP, 'tests/test_rag.py': 'from app.rag import answer\n\n\ndef test_answer():\n    assert "password" in answer("How do I reset my password?")\n' },
      expected: [{ kind: 'concern', messageId: 'unmockedModelCode', at: 'tests/test_rag.py:1' }],
    },
    {
      name: 'tests import only the pure helper beside the model call',
      files: { ...RAG_APP, 'tests/test_rag.py': 'from app.rag import split\n\n\ndef test_split():\n    assert split("ab", 1) == ["a", "b"]\n' },
      expected: [],
    },
    {
      name: 'fake keys set for the test, not read',
      files: { ...RAG_APP, 'tests/test_rag.py': 'import os\nfrom app.rag import split\n\nos.environ["OPENAI_API_KEY"] = "test-key"\n\n\ndef test_split(monkeypatch):\n    monkeypatch.setenv("ANTHROPIC_API_KEY", "x")\n    assert split("a")\n' },
      expected: [],
    },
    { name: 'model calls in the application only, no tests', files: { ...RAG_APP }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(sorted(await reportsOf(check, files))).toEqual(expected);
  });

  it('names every stubbing tool once', async () => {
    const [finding] = await findingsOf(check, {
      'tests/test_rag.py': 'from unittest.mock import patch\nimport respx\n\n\n@patch("app.rag.client")\ndef test_a(client, monkeypatch):\n    monkeypatch.setattr("app.rag.MODEL", "x")\n    assert client\n\n\n@respx.mock\ndef test_b():\n    respx.post("https://api.openai.com/v1/chat/completions")\n    assert True\n',
    });
    expect(finding!.message).toBe('Tests stub dependencies with `mock.patch`, `monkeypatch`, `respx`');
  });

  it('points at the import and at the model call it reaches', async () => {
    const report = await reviewFiles({ ...RAG_APP, 'tests/test_rag.py': 'from app.rag import answer\n\n\ndef test_answer():\n    assert answer("q")\n' }, { checks: [check] });
    const [finding] = report.findings;
    expect(finding!.evidence.map((e) => `${e.path}:${e.line}`)).toEqual(['tests/test_rag.py:1', 'app/rag.py:11']);
    expect(finding!.message).toBe('Tests import `app/rag.py`, which calls openai at `app/rag.py:11`, and nothing in the tests stubs it: they need network access and an API key');
  });
});
