import { describe, expect, it } from 'vitest';
import check from '../../../checks/serving/blocking-call-in-async-handler.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const HEAD = 'from fastapi import FastAPI\nimport requests, httpx, ollama\napp = FastAPI()\n\n';

describe('serving/blocking-call-in-async-handler', () => {
  it.each<CheckRow>([
    {
      name: 'requests.post inside async def',
      files: { 'app.py': `${HEAD}@app.post("/ask")\nasync def ask(q: str):\n    r = requests.post("http://localhost:11434/api/generate", json={"prompt": q})\n    return r.json()\n` },
      expected: [{ kind: 'concern', messageId: 'blocking', at: 'app.py:7' }],
    },
    {
      name: 'a synchronous ollama.chat inside async def',
      files: { 'app.py': `${HEAD}@app.post("/ask")\nasync def ask(q: str):\n    out = ollama.chat(model="llama3", messages=[{"role": "user", "content": q}])\n    return out\n` },
      expected: [{ kind: 'concern', messageId: 'blocking', at: 'app.py:7' }],
    },
    {
      name: 'model.generate inside async def',
      files: { 'app.py': 'from fastapi import FastAPI\nfrom transformers import AutoModelForCausalLM\napp = FastAPI()\nmodel = AutoModelForCausalLM.from_pretrained("gpt2")\n\n@app.post("/gen")\nasync def gen(ids: list[int]):\n    return model.generate(ids)\n' },
      expected: [{ kind: 'concern', messageId: 'blocking', at: 'app.py:8' }],
    },
    {
      name: 'an awaited async client',
      files: { 'app.py': `${HEAD}client = ollama.AsyncClient()\n\n@app.post("/ask")\nasync def ask(q: str):\n    async with httpx.AsyncClient() as h:\n        await h.get("http://example.com")\n    return await client.chat(model="llama3", messages=[])\n` },
      expected: [],
    },
    {
      name: 'a blocking call in a plain def handler (run in a thread pool)',
      files: { 'app.py': `${HEAD}@app.post("/ask")\ndef ask(q: str):\n    return requests.post("http://localhost:11434/api/generate").json()\n` },
      expected: [],
    },
    {
      name: 'a blocking call in an async function that is not a route',
      files: { 'worker.py': 'import requests\n\nasync def fetch():\n    return requests.get("http://example.com")\n' },
      expected: [],
    },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('asks about the concrete call', async () => {
    const [finding] = await findingsOf(check, { 'app.py': `${HEAD}@app.post("/ask")\nasync def ask(q: str):\n    return requests.post("http://x/api/generate").json()\n` });
    expect(finding!.message).toContain('`async def ask` (`POST /ask`) calls `requests.post` without `await`');
    expect(finding!.question).toContain('`app.py:7` runs `requests.post`');
  });
});
