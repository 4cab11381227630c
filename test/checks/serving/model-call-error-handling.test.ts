import { describe, expect, it } from 'vitest';
import check from '../../../checks/serving/model-call-error-handling.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const HEAD = 'from fastapi import FastAPI, HTTPException\nimport ollama\napp = FastAPI()\n\n';

describe('serving/model-call-error-handling', () => {
  it.each<CheckRow>([
    {
      name: 'an HTTPException around the model call',
      files: { 'app.py': `${HEAD}@app.post("/ask")\ndef ask(q: str):\n    try:\n        return ollama.chat(model="llama3", messages=[])\n    except Exception as e:\n        raise HTTPException(status_code=503, detail=str(e))\n` },
      expected: [{ kind: 'strength', messageId: 'handled', at: 'app.py:10' }],
    },
    {
      name: 'an error payload returned from the handler',
      files: { 'app.py': `${HEAD}@app.post("/ask")\ndef ask(q: str):\n    try:\n        return ollama.chat(model="llama3", messages=[])\n    except Exception:\n        return {"error": "model unavailable"}\n` },
      expected: [{ kind: 'strength', messageId: 'handled', at: 'app.py:10' }],
    },
    {
      name: 'a bare model call in the handler',
      files: { 'app.py': `${HEAD}@app.post("/ask")\ndef ask(q: str):\n    return ollama.chat(model="llama3", messages=[])\n` },
      expected: [{ kind: 'concern', messageId: 'unhandled', at: 'app.py:7' }],
    },
    {
      name: 'an app-wide exception handler',
      files: { 'app.py': `${HEAD}@app.exception_handler(Exception)\nasync def on_error(request, exc):\n    return None\n\n@app.post("/ask")\ndef ask(q: str):\n    return ollama.chat(model="llama3", messages=[])\n` },
      expected: [{ kind: 'strength', messageId: 'globalHandler', at: 'app.py:5' }],
    },
    {
      name: 'a handler that calls no model',
      files: { 'app.py': `${HEAD}@app.get("/items")\ndef items():\n    return [1, 2]\n` },
      expected: [],
    },
    {
      name: 'a model call outside any handler',
      files: { 'cli.py': 'import ollama\nprint(ollama.chat(model="llama3", messages=[]))\n' },
      expected: [],
    },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('asks what the client sees when the model is down', async () => {
    const [finding] = await findingsOf(check, { 'app.py': `${HEAD}@app.post("/ask")\ndef ask(q: str):\n    return ollama.chat(model="llama3", messages=[])\n` });
    expect(finding!.question).toContain('model call at `app.py:7` times out');
  });
});
