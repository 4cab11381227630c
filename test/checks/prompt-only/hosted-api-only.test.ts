import { describe, expect, it } from 'vitest';
import check from '../../../checks/prompt-only/hosted-api-only.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const PROMPT_APP = 'from openai import OpenAI\nclient = OpenAI()\n\ndef ask(q):\n    r = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": q}])\n    return r.choices[0].message.content\n';

describe('prompt-only/hosted-api-only', () => {
  it.each<CheckRow>([
    { name: 'prompts sent to OpenAI and nothing else', files: { 'app.py': PROMPT_APP }, expected: [{ kind: 'info', messageId: 'hostedOnly', at: 'app.py:5' }] },
    {
      name: 'prompts sent to Anthropic from TypeScript',
      files: { 'ai.ts': "import Anthropic from '@anthropic-ai/sdk';\nconst client = new Anthropic();\nexport const ask = (q: string) => client.messages.create({ model: 'claude-3-5-sonnet-latest', max_tokens: 256, messages: [{ role: 'user', content: q }] });\n" },
      expected: [{ kind: 'info', messageId: 'hostedOnly', at: 'ai.ts:3' }],
    },
    {
      name: 'an ordinary RAG repo',
      files: {
        'rag.py': `${PROMPT_APP}\nimport chromadb\ncollection = chromadb.Client().create_collection("faq")\n\ndef retrieve(q):\n    return collection.query(query_texts=[q], n_results=3)\n`,
      },
      expected: [],
    },
    { name: 'a hosted API plus an evaluation', files: { 'app.py': PROMPT_APP, 'eval.py': 'correct = 8\naccuracy = correct / 10\n' }, expected: [] },
    {
      name: 'an OpenAI client pointed at a local Ollama server',
      files: { 'app.py': PROMPT_APP.replace('OpenAI()', 'OpenAI(base_url="http://localhost:11434/v1")') },
      expected: [],
    },
    { name: 'an ordinary web app', files: { 'app.py': 'from flask import Flask\napp = Flask(__name__)\n' }, expected: [] },
    { name: 'OpenAI imported but never called', files: { 'app.py': 'import openai\n' }, expected: [] },
    { name: 'a README that mentions GPT-4', files: { 'README.md': 'Calls GPT-4 via client.chat.completions.create.\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('states the fact with the call, not a verdict', async () => {
    const [finding] = await findingsOf(check, { 'app.py': PROMPT_APP });
    expect(finding!.message).toBe(
      'The only model use found is prompts sent to a hosted API (`client.chat.completions.create` at `app.py:5`); no retrieval, fine-tuning or evaluation code was found',
    );
  });
});
