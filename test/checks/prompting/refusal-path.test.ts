import { describe, expect, it } from 'vitest';
import check from '../../../checks/prompting/refusal-path.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const PROMPTING = [
  'CANNOT_ANSWER = "I cannot answer that from the support documents."',
  'SYSTEM = (',
  '    "You are the support assistant. If the question is off-topic, "',
  '    f"reply with exactly: {CANNOT_ANSWER}"',
  ')',
  '',
].join('\n');

const ANSWER = [
  'from openai import OpenAI',
  'from .prompting import CANNOT_ANSWER, SYSTEM',
  'client = OpenAI()',
  '',
  'def answer(question: str) -> dict:',
  '    if not check_input(question):',
  '        return dict(answer=CANNOT_ANSWER, sources=[])',
  '    out = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": question}])',
  '    return dict(answer=out.choices[0].message.content)',
  '',
  'def check_input(question: str) -> bool:',
  '    return len(question) < 2000',
  '',
].join('\n');

describe('prompting/refusal-path', () => {
  it.each<CheckRow>([
    {
      name: 'a refusal instruction, the refusal returned by code, and an input check',
      files: { 'support/prompting.py': PROMPTING, 'support/answer.py': ANSWER },
      expected: [
        { kind: 'strength', messageId: 'refusalPath', at: 'support/prompting.py:3' },
        { kind: 'strength', messageId: 'inputGuard', at: 'support/answer.py:6' },
      ],
    },
    {
      name: 'the moderation API before the model',
      files: { 'app.py': 'from openai import OpenAI\nclient = OpenAI()\n\ndef ask(q):\n    if client.moderations.create(input=q).results[0].flagged:\n        return "blocked"\n    return client.chat.completions.create(model="gpt-4o-mini", messages=[])\n' },
      expected: [{ kind: 'strength', messageId: 'inputGuard', at: 'app.py:5' }],
    },
    {
      name: 'an instruction with nothing in the code behind it',
      files: { 'prompts/system.txt': 'You are a support bot.\nPolitely decline questions unrelated to Acme.\n', 'app.py': 'from pathlib import Path\nSYSTEM = Path("prompts/system.txt").read_text()\n' },
      expected: [{ kind: 'info', messageId: 'instructionOnly', at: 'prompts/system.txt:2' }],
    },
    {
      name: 'a prompt with no refusal instruction',
      files: { 'ask.py': 'def ask(question):\n    return f"You are a helpful agent. Answer the question: {question}"\n' },
      expected: [],
    },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('quotes the refusal and where the code returns it', async () => {
    const [path] = await findingsOf(check, { 'support/prompting.py': PROMPTING, 'support/answer.py': ANSWER });
    expect(path!.message).toBe('Questions it should not answer get an explicit refusal: the prompt says so (support/prompting.py:3) and the code returns `I cannot answer that from the support documents.` (support/answer.py:7)');
  });
});
