import { describe, expect, it } from 'vitest';
import check from '../../../checks/serving/api-endpoints.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const FASTAPI = `from fastapi import FastAPI
app = FastAPI()

@app.post("/ask")
async def ask(q: str):
    return {"answer": q}

@app.get("/health")
def health():
    return {"ok": True}
`;

describe('serving/api-endpoints', () => {
  it.each<CheckRow>([
    {
      name: 'FastAPI routes with a health endpoint',
      files: { 'app.py': FASTAPI },
      expected: [
        { kind: 'info', messageId: 'endpoint', at: 'app.py:4' },
        { kind: 'info', messageId: 'endpoint', at: 'app.py:8' },
        { kind: 'strength', messageId: 'health', at: 'app.py:8' },
      ],
    },
    {
      name: 'a Flask route with methods',
      files: { 'server.py': 'from flask import Flask, request\napp = Flask(__name__)\n\n@app.route("/ask", methods=["POST"])\ndef ask():\n    return "x"\n' },
      expected: [{ kind: 'info', messageId: 'endpoint', at: 'server.py:4' }],
    },
    {
      name: 'Django path() entries',
      files: { 'urls.py': 'from django.urls import path\nfrom . import views\nurlpatterns = [\n    path("ask/", views.ask),\n    path("healthz/", views.health),\n]\n' },
      expected: [
        { kind: 'info', messageId: 'endpoint', at: 'urls.py:4' },
        { kind: 'info', messageId: 'endpoint', at: 'urls.py:5' },
        { kind: 'strength', messageId: 'health', at: 'urls.py:5' },
      ],
    },
    {
      name: 'an Express route',
      files: { 'server.ts': "import express from 'express';\nconst app = express();\napp.post('/ask', async (req, res) => { res.json({}); });\n" },
      expected: [{ kind: 'info', messageId: 'endpoint', at: 'server.ts:3' }],
    },
    { name: 'a script without a web framework', files: { 'main.py': 'def get(x):\n    return x\n\nprint(get(1))\n' }, expected: [] },
    { name: 'routes only described in the README', files: { 'README.md': 'POST /ask answers a question. GET /health is the health check.\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    const order = (r: { kind: string; messageId: string; at: string }) => `${r.at} ${r.messageId}`;
    const sorted = <T extends { kind: string; messageId: string; at: string }>(list: T[]) => [...list].sort((a, b) => order(a).localeCompare(order(b)));
    expect(sorted(await reportsOf(check, files))).toEqual(sorted(expected));
  });

  it('names method, path and framework', async () => {
    const messages = (await findingsOf(check, { 'app.py': FASTAPI })).map((f) => f.message);
    expect(messages).toContain('Endpoint `POST /ask` (fastapi)');
    expect(messages).toContain('Endpoint `GET /health` (fastapi)');
    expect(messages).toContain('Health endpoint `GET /health` for load balancers and orchestrators to probe');
  });

  it('reads methods from a Flask route', async () => {
    const [finding] = await findingsOf(check, { 'server.py': 'from flask import Flask\napp = Flask(__name__)\n\n@app.route("/ask", methods=["GET", "POST"])\ndef ask():\n    return "x"\n' });
    expect(finding!.message).toBe('Endpoint `GET,POST /ask` (flask)');
  });
});
