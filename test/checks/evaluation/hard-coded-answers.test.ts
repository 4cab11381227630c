import { describe, expect, it } from 'vitest';
import check from '../../../checks/evaluation/hard-coded-answers.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';
import { reviewFiles } from '../../helpers/review-files.js';

const TABLE = 'ANSWERS = {\n    "How do I reset my password?": "Open Settings and choose Reset password.",\n    "How do I delete my account?": "Write to support to delete the account.",\n}\n';

describe('evaluation/hard-coded-answers', () => {
  it.each<CheckRow>([
    {
      name: 'the answer function looks answers up in a table',
      files: { 'rag.py': `${TABLE}\ndef answer(question):\n    return ANSWERS.get(question, "I don't know")\n` },
      expected: [{ kind: 'concern', messageId: 'answerTable', at: 'rag.py:1' }],
    },
    {
      name: 'a membership test and a subscript on the table (read from the body lines)',
      files: { 'app/main.py': `${TABLE}\ndef answer(question: str) -> str:\n    # ANSWERS is a cache\n    if question in ANSWERS:\n        return ANSWERS[question]\n    return "model"\n` },
      expected: [{ kind: 'concern', messageId: 'answerTable', at: 'app/main.py:1' }],
    },
    {
      name: 'a test-set answer written into the answering code',
      files: {
        'data/test_questions.json': '[{"question": "How do I reset my password?", "answer": "Open Settings and choose Reset password."}]\n',
        'rag.py': 'def answer(q):\n    if "password" in q:\n        return "Open Settings and choose Reset password."\n    return "?"\n',
      },
      expected: [{ kind: 'concern', messageId: 'expectedInCode', at: 'rag.py:3' }],
    },
    {
      name: 'ground truth in the evaluation script (normal)',
      files: { 'eval.py': `${TABLE}\ndef evaluate(answer):\n    return sum(answer(q) == a for q, a in ANSWERS.items()) / len(ANSWERS)\n` },
      expected: [],
    },
    {
      name: 'a table no answer function uses',
      files: { 'prompts.py': `${TABLE}\ndef load():\n    return 1\n` },
      expected: [],
    },
    {
      name: 'a config dict with short keys',
      files: { 'rag.py': 'SETTINGS = {"model": "llama3", "top_k": "3"}\n\ndef answer(q):\n    return SETTINGS.get("model")\n' },
      expected: [],
    },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('points at the line that reads the table', async () => {
    const report = await reviewFiles(
      { 'rag.py': `${TABLE}\ndef answer(question):\n    # ANSWERS is a cache\n    if question in ANSWERS:\n        return ANSWERS[question]\n` },
      { checks: [check] },
    );
    expect(report.findings[0]!.evidence.map((e) => e.line)).toEqual([1, 8]);
  });

  it('names the function, the table and its size', async () => {
    const [finding] = await findingsOf(check, { 'rag.py': `${TABLE}\ndef answer(question):\n    return ANSWERS.get(question, "I don't know")\n` });
    expect(finding!.message).toBe('`answer()` answers from `ANSWERS`, a hard-coded table of 2 question/answer pairs (rag.py:1)');
    expect(finding!.question).toContain('`ANSWERS`');
  });
});
