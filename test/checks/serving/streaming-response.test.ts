import { describe, expect, it } from 'vitest';
import check from '../../../checks/serving/streaming-response.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

describe('serving/streaming-response', () => {
  it.each<CheckRow>([
    {
      name: 'a FastAPI StreamingResponse',
      files: { 'app.py': 'from fastapi import FastAPI\nfrom fastapi.responses import StreamingResponse\napp = FastAPI()\n\n@app.get("/ask")\ndef ask(q: str):\n    return StreamingResponse(tokens(q), media_type="text/plain")\n' },
      expected: [{ kind: 'strength', messageId: 'toClient', at: 'app.py:7' }],
    },
    {
      name: 'server-sent events from Express',
      files: { 'server.ts': "import express from 'express';\nconst app = express();\napp.get('/ask', (req, res) => {\n  res.setHeader('Content-Type', 'text/event-stream');\n});\n" },
      expected: [{ kind: 'strength', messageId: 'toClient', at: 'server.ts:4' }],
    },
    {
      name: 'stream=True on the model call only',
      files: { 'rag.py': 'from openai import OpenAI\nclient = OpenAI()\n\ndef answer(q):\n    return client.chat.completions.create(model="gpt-4o-mini", messages=[], stream=True)\n' },
      expected: [{ kind: 'info', messageId: 'fromModel', at: 'rag.py:5' }],
    },
    {
      name: 'a non-streaming model call',
      files: { 'rag.py': 'import ollama\n\ndef answer(q):\n    return ollama.chat(model="llama3", messages=[])\n' },
      expected: [],
    },
    { name: 'streaming mentioned only in the README', files: { 'README.md': 'Answers are streamed with StreamingResponse and text/event-stream.\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('names how the model output is streamed', async () => {
    const [finding] = await findingsOf(check, { 'rag.py': 'import ollama\n\ndef answer(q):\n    return ollama.chat(model="llama3", messages=[], stream=True)\n' });
    expect(finding!.message).toBe('Requests the model output as a stream (`ollama.chat(stream=True)`)');
  });
});
