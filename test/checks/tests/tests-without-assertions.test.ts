import { describe, expect, it } from 'vitest';
import ownCodeUnderTest from '../../../checks/tests/own-code-under-test.js';
import check from '../../../checks/tests/tests-without-assertions.js';
import testSuite from '../../../checks/tests/test-suite.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';
import { at, reviewFixture } from '../../helpers/review-fixture.js';
import { RAG_APP } from './fixtures.js';

describe('tests/tests-without-assertions', () => {
  it.each<CheckRow>([
    {
      name: 'a test that calls the code and checks nothing',
      files: { ...RAG_APP, 'tests/test_rag.py': 'from app.rag import split\n\n\ndef test_split_runs():\n    split("abc")\n\n\ndef test_split():\n    assert split("ab", 1) == ["a", "b"]\n' },
      expected: [{ kind: 'concern', messageId: 'noAssertions', at: 'tests/test_rag.py:4' }],
    },
    {
      name: 'an empty test body',
      files: { ...RAG_APP, 'tests/test_rag.py': 'def test_todo():\n    pass\n' },
      expected: [{ kind: 'concern', messageId: 'noAssertions', at: 'tests/test_rag.py:1' }],
    },
    {
      name: 'assertions of every kind: assert, pytest.raises, unittest, mock assertions, an asserting helper',
      files: {
        ...RAG_APP,
        'tests/test_rag.py': `import unittest
from unittest.mock import patch

import pytest

from app import rag


def check_chunks(chunks):
    assert all(len(c) <= 2 for c in chunks)


def test_plain():
    assert rag.split("ab", 1) == ["a", "b"]


def test_raises():
    with pytest.raises(TypeError):
        rag.split(None)


def test_helper():
    check_chunks(rag.split("abcd", 2))


@patch("app.rag.client")
def test_calls_model(client):
    rag.answer("q")
    client.chat.completions.create.assert_called_once()


class SplitTest(unittest.TestCase):
    def test_split(self):
        self.assertEqual(rag.split("a"), ["a"])
`,
      },
      expected: [],
    },
    {
      name: 'a vitest file that never calls expect',
      files: { 'src/rag.ts': 'export const split = (t: string) => t.split(" ");\n', 'src/rag.test.ts': 'import { it } from "vitest";\nimport { split } from "./rag";\n\nit("splits", () => {\n  split("a b");\n});\n' },
      expected: [{ kind: 'concern', messageId: 'noExpect', at: 'src/rag.test.ts:4' }],
    },
    {
      name: 'a vitest file with expect',
      files: { 'src/rag.ts': 'export const split = (t: string) => t.split(" ");\n', 'src/rag.test.ts': 'import { expect, it } from "vitest";\nimport { split } from "./rag";\n\nit("splits", () => {\n  expect(split("a b")).toHaveLength(2);\n});\n' },
      expected: [],
    },
    {
      name: 'a test_*.py script that prints answers',
      files: { ...RAG_APP, 'test_rag.py': 'from app.rag import answer\n\nfor q in ["How do I reset my password?"]:\n    print(answer(q))\n' },
      expected: [{ kind: 'concern', messageId: 'scriptNamedAsTest', at: 'test_rag.py:4' }],
    },
    {
      name: 'a conftest with fixtures only, and a helper module in tests/',
      files: { ...RAG_APP, 'tests/conftest.py': 'import pytest\n\n\n@pytest.fixture\ndef question():\n    return "q"\n', 'tests/test_util.py': 'import pytest\n\n\n@pytest.fixture\ndef chunks():\n    return ["a"]\n' },
      expected: [],
    },
    {
      name: 'a function named test_ outside the test suite (not a test)',
      files: { 'app/checks.py': 'def test_connection():\n    print("ok")\n' },
      expected: [],
    },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('lists at most five tests by name and counts the rest', async () => {
    const body = Array.from({ length: 7 }, (_, i) => `def test_case_${i}():\n    split("abc")\n`).join('\n\n');
    const [finding] = await findingsOf(check, { ...RAG_APP, 'tests/test_rag.py': `from app.rag import split\n\n\n${body}` });
    expect(finding!.message).toBe(
      'Tests that assert nothing (7 of 7), so they pass unless the code raises: `test_case_0`, `test_case_1`, `test_case_2`, `test_case_3`, `test_case_4` and 2 more',
    );
    expect(finding!.question).toContain('`test_case_0` (`tests/test_rag.py:4`)');
  });

  it('names the call a test-named script runs', async () => {
    const [finding] = await findingsOf(check, { ...RAG_APP, 'test_rag.py': 'from app.rag import answer\n\nprint(answer("hi"))\n' });
    expect(finding!.message).toContain('it runs `answer()` on import');
  });
});

describe('the tests-without-assertions fixture', () => {
  it('lists the four silent tests and leaves the asserting one out', async () => {
    const report = await reviewFixture('tests-without-assertions', { checks: [check] });
    expect(report.findings).toHaveLength(1);
    const [finding] = report.findings;
    expect(finding).toMatchObject({ check: 'tests/tests-without-assertions', kind: 'concern', messageId: 'noAssertions' });
    expect(finding!.evidence.map(at)).toEqual(['tests/test_chunking.py:4', 'tests/test_chunking.py:8', 'tests/test_normalise.py:4', 'tests/test_normalise.py:8']);
    expect(finding!.message).toContain('(4 of 5)');
    expect(finding!.message).not.toContain('test_normalise_collapses_spaces');
  });

  it('still counts the suite and sees that it imports the package', async () => {
    const report = await reviewFixture('tests-without-assertions', { checks: [testSuite, ownCodeUnderTest] });
    expect(report.findings.map((f) => [f.messageId, f.message]).sort()).toEqual([
      ['ownModules', "Tests import the candidate's modules: `textkit/`, `textkit/normalise.py`"],
      ['suite', '5 tests with pytest in 2 files; 0.2 assertions per Python test on average'],
    ]);
  });
});
