import { describe, expect, it } from 'vitest';
import check from '../../../checks/serving/request-body-validation.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

describe('serving/request-body-validation', () => {
  it.each<CheckRow>([
    {
      name: 'a pydantic model as the handler parameter',
      files: {
        'schemas.py': 'from pydantic import BaseModel\n\nclass Question(BaseModel):\n    text: str\n\nclass AskRequest(Question):\n    top_k: int = 3\n',
        'app.py': 'from fastapi import FastAPI\nfrom schemas import AskRequest\napp = FastAPI()\n\n@app.post("/ask")\ndef ask(body: AskRequest):\n    return {"answer": body.text}\n',
      },
      expected: [{ kind: 'strength', messageId: 'pydantic', at: 'app.py:6' }],
    },
    {
      name: 'Flask reading request.json by hand',
      files: { 'app.py': 'from flask import Flask, request\napp = Flask(__name__)\n\n@app.route("/ask", methods=["POST"])\ndef ask():\n    q = request.json["question"]\n    return {"answer": q}\n' },
      expected: [{ kind: 'concern', messageId: 'rawBody', at: 'app.py:6' }],
    },
    {
      name: 'FastAPI reading await request.json()',
      files: { 'app.py': 'from fastapi import FastAPI, Request\napp = FastAPI()\n\n@app.post("/ask")\nasync def ask(request: Request):\n    data = await request.json()\n    return data\n' },
      expected: [{ kind: 'concern', messageId: 'rawBody', at: 'app.py:6' }],
    },
    {
      name: 'a zod schema next to an Express route',
      files: { 'server.ts': "import express from 'express';\nimport { z } from 'zod';\nconst app = express();\nconst Ask = z.object({ question: z.string() });\napp.post('/ask', (req, res) => { res.json(Ask.parse(req.body)); });\n" },
      expected: [{ kind: 'strength', messageId: 'zod', at: 'server.ts:4' }],
    },
    {
      name: 'a plain query parameter (nothing to say)',
      files: { 'app.py': 'from fastapi import FastAPI\napp = FastAPI()\n\n@app.get("/ask")\ndef ask(q: str):\n    return {"answer": q}\n' },
      expected: [],
    },
    {
      name: 'a pydantic model that no handler takes',
      files: { 'models.py': 'from pydantic import BaseModel\n\nclass Config(BaseModel):\n    name: str\n' },
      expected: [],
    },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('asks about the raw read with its location', async () => {
    const [finding] = await findingsOf(check, { 'app.py': 'from flask import Flask, request\napp = Flask(__name__)\n\n@app.post("/ask")\ndef ask():\n    data = request.get_json()\n    return data\n' });
    expect(finding).toMatchObject({ messageId: 'rawBody', at: 'app.py:6' });
    expect(finding!.message).toContain('`POST /ask` reads the raw request body (`request.get_json`)');
    expect(finding!.question).toContain('`app.py:6`');
  });
});
