import { describe, expect, it } from 'vitest';
import check from '../../../checks/tests/evaluation-harness.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';
import { RAG_APP } from './fixtures.js';

const EVAL = 'import json\nfrom app.rag import answer\n\n\ndef run(path):\n    cases = [json.loads(l) for l in open(path)]\n    correct = sum(answer(c["question"]) == c["answer"] for c in cases)\n    accuracy = correct / len(cases)\n    return accuracy\n';
const TEST = 'from app.rag import split\n\n\ndef test_split():\n    assert split("a") == ["a"]\n';

describe('tests/evaluation-harness', () => {
  it.each<CheckRow>([
    { name: 'an evaluation script beside unit tests', files: { ...RAG_APP, 'scripts/evaluate.py': EVAL, 'tests/test_rag.py': TEST }, expected: [{ kind: 'info', messageId: 'harness', at: 'scripts/evaluate.py:8' }] },
    { name: 'an evaluation script and no unit tests', files: { ...RAG_APP, 'scripts/evaluate.py': EVAL }, expected: [{ kind: 'info', messageId: 'harnessOnly', at: 'scripts/evaluate.py:8' }] },
    {
      name: 'a quality threshold inside the test suite',
      files: { ...RAG_APP, 'tests/test_quality.py': 'from app.rag import answer\n\n\ndef test_quality():\n    hits = [answer("q") == "a"]\n    accuracy = sum(hits) / len(hits)\n    assert accuracy >= 0.8\n' },
      expected: [{ kind: 'info', messageId: 'inTests', at: 'tests/test_quality.py:6' }],
    },
    { name: 'unit tests and no evaluation', files: { ...RAG_APP, 'tests/test_rag.py': TEST }, expected: [] },
    { name: 'accuracy only in the README', files: { ...RAG_APP, 'README.md': '# Results\n\naccuracy = 8 / 10 on the test questions\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('says the harness is not a test suite', async () => {
    const [finding] = await findingsOf(check, { ...RAG_APP, 'scripts/evaluate.py': EVAL });
    expect(finding!.message).toBe('Evaluation harness in `scripts/evaluate.py`, but no unit tests: an evaluation script scores answers, it does not test the code');
    expect(finding!.question).toContain('`scripts/evaluate.py`');
  });
});
