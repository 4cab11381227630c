import { describe, expect, it } from 'vitest';
import check from '../../../checks/ops/model-call-timeouts-and-retries.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const RETRY_LOOP = [
  'import httpx',
  'client = httpx.AsyncClient(base_url="http://tgi:80", timeout=30)',
  '',
  'async def generate(prompt: str) -> str:',
  '    for attempt in range(3):',
  '        try:',
  '            response = await client.post("/generate", json={"inputs": prompt})',
  '            return response.json()["generated_text"]',
  '        except httpx.TransportError:',
  '            if attempt == 2:',
  '                raise',
  '',
].join('\n');

const TENACITY = [
  'from openai import OpenAI',
  'from tenacity import retry, stop_after_attempt, wait_exponential',
  '',
  'client = OpenAI(timeout=20, max_retries=0)',
  '',
  '@retry(stop=stop_after_attempt(4), wait=wait_exponential(max=10))',
  'def answer(question: str) -> str:',
  '    out = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])',
  '    return out.choices[0].message.content',
  '',
  '@retry',
  'def unrelated() -> int:',
  '    return 1',
  '',
].join('\n');

describe('ops/model-call-timeouts-and-retries', () => {
  it.each<CheckRow>([
    {
      name: 'an httpx client with a timeout and a hand-written retry loop',
      files: { 'app/llm.py': RETRY_LOOP },
      expected: [
        { kind: 'strength', messageId: 'clientSettings', at: 'app/llm.py:2' },
        { kind: 'strength', messageId: 'retryLoop', at: 'app/llm.py:7' },
      ],
    },
    {
      name: 'an OpenAI client with settings and a tenacity decorator around the call',
      files: { 'rag.py': TENACITY },
      expected: [
        { kind: 'strength', messageId: 'clientSettings', at: 'rag.py:4' },
        { kind: 'strength', messageId: 'retried', at: 'rag.py:6' },
      ],
    },
    {
      name: 'requests to Ollama without a timeout',
      files: { 'rag.py': 'import requests\nOLLAMA = "http://localhost:11434"\n\ndef ask(q):\n    r = requests.post(f"{OLLAMA}/api/generate", json={"model": "llama3", "prompt": q})\n    return r.json()["response"]\n' },
      expected: [{ kind: 'concern', messageId: 'noTimeout', at: 'rag.py:5' }],
    },
    {
      name: 'requests to Ollama with a timeout',
      files: { 'rag.py': 'import requests\n\ndef ask(q):\n    return requests.post("http://localhost:11434/api/generate", json={"prompt": q}, timeout=60).json()\n' },
      expected: [],
    },
    {
      name: 'httpx module functions keep the 5-second default',
      files: { 'rag.py': 'import httpx\n\ndef ask(q):\n    return httpx.post("http://localhost:8000/v1/chat/completions", json={"messages": []}).json()\n' },
      expected: [{ kind: 'concern', messageId: 'defaultHttpxTimeout', at: 'rag.py:4' }],
    },
    {
      name: 'a client with the timeout switched off',
      files: { 'rag.py': 'from openai import OpenAI\nclient = OpenAI(timeout=None)\n' },
      expected: [{ kind: 'concern', messageId: 'timeoutDisabled', at: 'rag.py:2' }],
    },
    {
      name: 'a TypeScript OpenAI client with a timeout and retries',
      files: { 'src/llm.ts': 'import OpenAI from "openai";\nexport const client = new OpenAI({ timeout: 20_000, maxRetries: 3 });\n' },
      expected: [{ kind: 'strength', messageId: 'clientSettings', at: 'src/llm.ts:2' }],
    },
    {
      name: 'requests to a non-model API and a default OpenAI client',
      files: { 'app.py': 'import requests\nfrom openai import OpenAI\nclient = OpenAI()\n\ndef weather():\n    return requests.get("https://api.weather.test/today").json()\n' },
      expected: [],
    },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('shows the retry policy and the client settings', async () => {
    const [client, retried] = await findingsOf(check, { 'rag.py': TENACITY });
    expect(client!.message).toBe('`OpenAI(…)` is created with timeout=20, max_retries=0');
    expect(retried!.message).toBe('`answer` retries failed model calls (`retry(stop=stop_after_attempt(4), wait=wait_exponential(max=10))`)');
  });

  it('asks what happens when the model server hangs', async () => {
    const [finding] = await findingsOf(check, { 'rag.py': 'import requests\n\ndef ask(q):\n    return requests.post("http://localhost:11434/api/generate", json={"prompt": q})\n' });
    expect(finding!.question).toContain('`rag.py:4` calls the model without a timeout');
  });
});
