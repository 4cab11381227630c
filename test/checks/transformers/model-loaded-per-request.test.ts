import { describe, expect, it } from 'vitest';
import check from '../../../checks/transformers/model-loaded-per-request.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const FASTAPI = 'from fastapi import FastAPI, Depends\nfrom transformers import AutoModelForCausalLM, pipeline\napp = FastAPI()\n';

describe('transformers/model-loaded-per-request', () => {
  it.each<CheckRow>([
    {
      name: 'a pipeline created inside a FastAPI handler',
      files: { 'api.py': `${FASTAPI}@app.post("/ask")\ndef ask(q: str):\n    pipe = pipeline("text-generation", model="gpt2")\n    return pipe(q)\n` },
      expected: [{ kind: 'concern', messageId: 'inHandler', at: 'api.py:6' }],
    },
    {
      name: 'a Flask handler that calls a loader function in another module',
      files: {
        'app.py': 'from flask import Flask, request\nfrom llm import load_model\napp = Flask(__name__)\n@app.route("/ask", methods=["POST"])\ndef ask():\n    model = load_model()\n    return model.answer(request.json["q"])\n',
        'llm.py': 'from transformers import AutoModelForCausalLM\ndef load_model():\n    return AutoModelForCausalLM.from_pretrained("org/lm")\n',
      },
      expected: [{ kind: 'concern', messageId: 'viaHandler', at: 'llm.py:3' }],
    },
    {
      name: 'a handler that constructs a class whose __init__ loads the model',
      files: {
        'api.py': `${FASTAPI}from rag import Rag\n@app.post("/ask")\nasync def ask(q: str):\n    return Rag().answer(q)\n`,
        'rag.py': 'from sentence_transformers import SentenceTransformer\nclass Rag:\n    def __init__(self):\n        self.enc = SentenceTransformer("all-MiniLM-L6-v2")\n',
      },
      expected: [{ kind: 'concern', messageId: 'viaHandler', at: 'rag.py:4' }],
    },
    {
      name: 'a FastAPI dependency that loads the model',
      files: { 'api.py': `${FASTAPI}def get_model():\n    return AutoModelForCausalLM.from_pretrained("org/lm")\n@app.post("/ask")\ndef ask(q: str, model=Depends(get_model)):\n    return model.generate(q)\n` },
      expected: [{ kind: 'concern', messageId: 'viaHandler', at: 'api.py:5' }],
    },
    {
      name: 'a model loaded once at module level next to the handlers',
      files: { 'api.py': `${FASTAPI}pipe = pipeline("text-generation", model="gpt2")\n@app.post("/ask")\ndef ask(q: str):\n    return pipe(q)\n` },
      expected: [{ kind: 'strength', messageId: 'atStartup', at: 'api.py:4' }],
    },
    {
      name: 'a cached loader and a lazy global',
      files: {
        'api.py': `${FASTAPI}from functools import lru_cache\n_model = None\n@lru_cache\ndef get_model():\n    return AutoModelForCausalLM.from_pretrained("org/lm")\ndef get_pipe():\n    global _model\n    if _model is None:\n        _model = pipeline("text-generation", model="gpt2")\n    return _model\n@app.post("/ask")\ndef ask(q: str):\n    return get_pipe()(get_model().generate(q))\n`,
      },
      expected: [],
    },
    {
      name: 'a script without any web framework',
      files: { 'run.py': 'from transformers import pipeline\ndef main():\n    pipe = pipeline("text-generation", model="gpt2")\n    print(pipe("hi"))\n' },
      expected: [],
    },
    {
      name: 'an ordinary web app',
      files: { 'api.py': 'from fastapi import FastAPI\napp = FastAPI()\n@app.get("/health")\ndef health():\n    return {"ok": True}\n' },
      expected: [],
    },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('names the handler and asks about concurrent requests', async () => {
    const [finding] = await findingsOf(check, { 'api.py': `${FASTAPI}@app.post("/ask")\ndef ask(q: str):\n    m = AutoModelForCausalLM.from_pretrained("org/lm")\n    return m.generate(q)\n` });
    expect(finding?.message).toBe('`AutoModelForCausalLM.from_pretrained` loads `org/lm` inside the request handler `ask`: every request loads the model again');
    expect(finding?.question).toMatch(/^api\.py:6 loads the model inside the request handler `ask`.*concurrent/);
  });
});
