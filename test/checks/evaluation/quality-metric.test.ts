import { describe, expect, it } from 'vitest';
import check from '../../../checks/evaluation/quality-metric.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const RAG = 'import ollama\nimport chromadb\n\ncollection = chromadb.Client().create_collection("faq")\n\ndef answer(q):\n    docs = collection.query(query_texts=[q], n_results=3)\n    return ollama.chat(model="llama3", messages=[{"role": "user", "content": q}])\n';

describe('evaluation/quality-metric', () => {
  it.each<CheckRow>([
    {
      name: 'accuracy computed by hand',
      files: { 'rag.py': RAG, 'eval.py': 'from rag import answer\n\ncorrect = 0\ntests = []\naccuracy = correct / len(tests)\n' },
      expected: [{ kind: 'strength', messageId: 'computed', at: 'eval.py:5' }],
    },
    {
      name: 'ROUGE through evaluate',
      files: { 'eval.py': 'import evaluate\nrouge = evaluate.load("rouge")\n' },
      expected: [{ kind: 'strength', messageId: 'computed', at: 'eval.py:2' }],
    },
    {
      name: 'an LLM-as-judge prompt',
      files: { 'rag.py': RAG, 'judge.py': 'JUDGE = "You are an impartial judge. Grade the answer against the reference from 1 to 5."\n' },
      expected: [{ kind: 'strength', messageId: 'computed', at: 'judge.py:1' }],
    },
    {
      name: 'a RAG pipeline with no metric',
      files: { 'rag.py': RAG },
      expected: [{ kind: 'concern', messageId: 'missing', at: 'rag.py:8' }],
    },
    { name: 'an ordinary app with no model', files: { 'app.py': 'def add(a, b):\n    return a + b\n' }, expected: [] },
    { name: 'accuracy claimed only in the README', files: { 'README.md': 'Accuracy: 90% on the test questions.\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('names the metric', async () => {
    const messages = (await findingsOf(check, { 'eval.py': 'import evaluate\nrouge = evaluate.load("rouge")\n' })).map((f) => f.message);
    expect(messages).toEqual(['Computes ROUGE in code (`eval.py:2`)']);
    const judge = await findingsOf(check, { 'judge.py': 'JUDGE = "You are an impartial judge. Grade the answer from 1 to 5."\n' });
    expect(judge[0]!.message).toContain('LLM-as-judge');
  });
});
