import { describe, expect, it } from 'vitest';
import check from '../../../checks/ops/token-usage-recorded.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const HANDLER = [
  'import logging',
  'from fastapi import FastAPI',
  'from openai import OpenAI',
  'from prometheus_client import Counter',
  '',
  'app = FastAPI()',
  'client = OpenAI()',
  'log = logging.getLogger(__name__)',
  'TOKENS = Counter("llm_tokens_total", "tokens", ["kind"])',
  '',
  '@app.post("/ask")',
  'def ask(question: str) -> dict:',
  '    out = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])',
  '    TOKENS.labels("prompt").inc(out.usage.prompt_tokens)',
  '    log.info("answered", extra={"tokens": out.usage.total_tokens})',
  '    return {"answer": out.choices[0].message.content}',
  '',
].join('\n');

describe('ops/token-usage-recorded', () => {
  it.each<CheckRow>([
    {
      name: 'token usage exported as a metric and logged',
      files: { 'app.py': HANDLER },
      expected: [{ kind: 'strength', messageId: 'recorded', at: 'app.py:14' }],
    },
    {
      name: 'Ollama\'s eval_count returned with the answer',
      files: { 'rag.py': 'import ollama\n\ndef ask(q):\n    r = ollama.generate(model="llama3", prompt=q)\n    return {"answer": r["response"],\n            "tokens": r["eval_count"]}\n' },
      expected: [{ kind: 'strength', messageId: 'recorded', at: 'rag.py:6' }],
    },
    {
      name: 'the OpenAI callback reading cost',
      files: { 'chain.py': 'from langchain_community.callbacks import get_openai_callback\n\ndef run(chain, q):\n    with get_openai_callback() as cb:\n        out = chain.invoke(q)\n    print(cb.total_cost)\n    return out\n' },
      expected: [
        { kind: 'strength', messageId: 'recorded', at: 'chain.py:6' },
        { kind: 'strength', messageId: 'costComputed', at: 'chain.py:4' },
      ],
    },
    {
      name: 'a served hosted model call with no usage read',
      files: { 'app.py': 'from fastapi import FastAPI\nfrom openai import OpenAI\napp = FastAPI()\nclient = OpenAI()\n\n@app.post("/ask")\ndef ask(q: str):\n    out = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": q}], max_tokens=300)\n    return {"answer": out.choices[0].message.content}\n' },
      expected: [{ kind: 'info', messageId: 'notRecorded', at: 'app.py:8' }],
    },
    {
      name: 'a script with a hosted call and no endpoint, and max_tokens alone',
      files: { 'main.py': 'from openai import OpenAI\nclient = OpenAI()\nprint(client.chat.completions.create(model="gpt-4o-mini", messages=[], max_tokens=100))\n' },
      expected: [],
    },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('says where the usage goes', async () => {
    const [finding] = await findingsOf(check, { 'app.py': HANDLER });
    expect(finding!.message).toBe('Token usage is exported as a metric and logged (app.py:14)');
  });
});
