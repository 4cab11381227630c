import { describe, expect, it } from 'vitest';
import promptInjectionExposure from '../../../checks/security/prompt-injection-exposure.js';
import { findingsOf, reportsOf } from '../../helpers/check-tester.js';

const concern = (at: string) => ({ kind: 'concern', messageId: 'userTextInSystemPrompt', at });

const SYSTEM_PAIR = `from fastapi import FastAPI
from openai import OpenAI

app = FastAPI()
client = OpenAI()

@app.post("/ask")
def ask(question: str):
    messages = [
        {"role": "system", "content": f"You are a support assistant. Answer the customer: {question}"},
    ]
    return client.chat.completions.create(model="gpt-4o-mini", messages=messages)
`;

const SAFE_PAIR = `from fastapi import FastAPI
from openai import OpenAI

app = FastAPI()
client = OpenAI()

@app.post("/ask")
def ask(question: str):
    context = "\\n".join(d.page_content for d in retriever.invoke(question))
    messages = [
        {"role": "system", "content": f"You are a support assistant. Use this context:\\n{context}"},
        {"role": "user", "content": question},
    ]
    return client.chat.completions.create(model="gpt-4o-mini", messages=messages)
`;

describe('security/prompt-injection-exposure', () => {
  it.each<{ name: string; files: Record<string, string>; expected: object[] }>([
    { name: 'a system message holding the request\'s question', files: { 'api.py': SYSTEM_PAIR }, expected: [concern('api.py:10')] },
    {
      name: 'a system prompt string built with the user\'s query',
      files: { 'rag.py': 'def answer(llm, user_query, docs):\n    system_prompt = "You are helpful. The user asks: " + user_query\n    return llm.invoke(system_prompt)\n' },
      expected: [concern('rag.py:2')],
    },
    {
      name: 'Anthropic\'s system= built with .format()',
      files: { 'bot.py': 'import anthropic\nclient = anthropic.Anthropic()\n\ndef reply(message):\n    return client.messages.create(model="claude-3-5-haiku-latest", max_tokens=300, system="Help with: {}".format(message), messages=[])\n' },
      expected: [concern('bot.py:5')],
    },
    {
      name: 'a LangChain SystemMessage with the question',
      files: { 'chain.py': 'from langchain_core.messages import SystemMessage\n\ndef build(question):\n    return [SystemMessage(content=f"Answer this: {question}")]\n' },
      expected: [concern('chain.py:4')],
    },
  ])('reports $name', async ({ files, expected }) => {
    expect(await reportsOf(promptInjectionExposure, files)).toEqual(expected);
  });

  it.each<{ name: string; files: Record<string, string> }>([
    { name: 'the question in the user message and context in the system prompt', files: { 'api.py': SAFE_PAIR } },
    { name: 'a question delimited in the system prompt', files: { 'rag.py': 'def answer(llm, question):\n    system_prompt = f"""Answer the question between the tags.\n<question>{question}</question>"""\n    return llm.invoke(system_prompt)\n' } },
    { name: 'a constant system prompt', files: { 'rag.py': 'SYSTEM_PROMPT = "You are a support assistant."\n' } },
    { name: 'an f-string in a user message', files: { 'rag.py': 'def build(question, context):\n    return [{"role": "user", "content": f"Context: {context}\\nQuestion: {question}"}]\n' } },
    { name: 'a test building such a prompt', files: { 'tests/test_prompt.py': 'def test_prompt(question="hi"):\n    m = {"role": "system", "content": f"Answer: {question}"}\n    assert m\n' } },
    { name: 'README prose', files: { 'README.md': 'The system prompt is `f"Answer: {question}"`.\n' } },
  ])('stays quiet about $name', async ({ files }) => {
    expect(await reportsOf(promptInjectionExposure, files)).toEqual([]);
  });

  it('names the user value and asks about an injected instruction', async () => {
    const [finding] = await findingsOf(promptInjectionExposure, { 'api.py': SYSTEM_PAIR });
    expect(finding!.message).toBe('The system prompt interpolates `question` from the user without delimiting it: the user\'s text carries the same authority as the instructions');
    expect(finding!.question).toMatch(/^`api\.py:10` puts `question` into the system prompt — what happens if a user sends "Ignore the instructions above/);
  });
});
