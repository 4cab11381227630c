import { describe, expect, it } from 'vitest';
import evalOrExec from '../../../checks/security/eval-or-exec.js';
import { findingsOf, reportsOf } from '../../helpers/check-tester.js';

const MODEL_OUTPUT = `from openai import OpenAI

client = OpenAI()

def calculate(question):
    response = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])
    code = response.choices[0].message.content
    return eval(code)
`;

const LLM_INVOKE = `from langchain_ollama import ChatOllama

llm = ChatOllama(model="llama3.2")

def run_tool(prompt):
    answer = llm.invoke(prompt)
    exec(answer)
`;

const REQUEST = `from fastapi import FastAPI

app = FastAPI()

@app.post("/calc")
def calc(expression: str):
    return {"result": eval(expression)}
`;

describe('security/eval-or-exec', () => {
  it.each<{ name: string; files: Record<string, string>; expected: object[] }>([
    { name: 'eval of a chat completion', files: { 'agent.py': MODEL_OUTPUT }, expected: [{ kind: 'concern', messageId: 'onModelOutput', at: 'agent.py:8' }] },
    { name: 'exec of an LLM answer', files: { 'tools.py': LLM_INVOKE }, expected: [{ kind: 'concern', messageId: 'onModelOutput', at: 'tools.py:7' }] },
    { name: 'eval of a request parameter', files: { 'api.py': REQUEST }, expected: [{ kind: 'concern', messageId: 'onUserInput', at: 'api.py:7' }] },
    { name: 'eval of a string read from a file', files: { 'cfg.py': 'with open("cfg.txt") as f:\n    settings = eval(f.read())\n' }, expected: [{ kind: 'concern', messageId: 'dynamic', at: 'cfg.py:2' }] },
  ])('reports $name', async ({ files, expected }) => {
    expect(await reportsOf(evalOrExec, files)).toEqual(expected);
  });

  it.each<{ name: string; files: Record<string, string> }>([
    { name: 'model.eval() and ast.literal_eval', files: { 'm.py': 'import ast\nmodel.eval()\nx = ast.literal_eval(text)\n' } },
    { name: 'eval of a constant string', files: { 'm.py': 'x = eval("1 + 1")\n' } },
    { name: 'a function of its own named eval', files: { 'evaluate.py': 'def eval(dataset):\n    return 1.0\n\nscore = eval(test_set)\n' } },
    { name: 'eval in a test', files: { 'tests/test_calc.py': 'def test_expr():\n    assert eval(expr) == 2\n' } },
    { name: 'prose and comments', files: { 'README.md': 'Never call eval(answer).\n', 'a.py': '# eval(answer) would be unsafe\nx = 1\n' } },
  ])('stays quiet about $name', async ({ files }) => {
    expect(await reportsOf(evalOrExec, files)).toEqual([]);
  });

  it('asks what stops a prompt-injected answer', async () => {
    const [finding] = await findingsOf(evalOrExec, { 'agent.py': MODEL_OUTPUT });
    expect(finding!.message).toBe('`eval(code)` runs text produced by a language model as Python code');
    expect(finding!.question).toMatch(/^`agent\.py:8` passes the model's output to `eval` — what stops a prompt-injected answer/);
  });
});
