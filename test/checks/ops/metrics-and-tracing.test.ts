import { describe, expect, it } from 'vitest';
import check from '../../../checks/ops/metrics-and-tracing.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const INSTRUMENTED = [
  'from fastapi import FastAPI',
  'from langfuse.decorators import observe',
  'from prometheus_client import Counter, Histogram',
  'from prometheus_fastapi_instrumentator import Instrumentator',
  '',
  'app = FastAPI()',
  'Instrumentator().instrument(app).expose(app)',
  'LATENCY = Histogram("llm_latency_seconds", "model latency")',
  'ERRORS = Counter("llm_errors_total", "model errors")',
  '',
  '@observe()',
  'def generate(prompt: str) -> str:',
  '    return prompt',
  '',
].join('\n');

const UNOBSERVED = 'from fastapi import FastAPI\nimport ollama\napp = FastAPI()\n\n@app.post("/ask")\ndef ask(q: str):\n    return ollama.chat(model="llama3", messages=[{"role": "user", "content": q}])\n';

describe('ops/metrics-and-tracing', () => {
  it.each<CheckRow>([
    {
      name: 'Prometheus metrics and Langfuse tracing',
      files: { 'app/main.py': INSTRUMENTED },
      expected: [
        { kind: 'strength', messageId: 'metrics', at: 'app/main.py:7' },
        { kind: 'strength', messageId: 'llmTracing', at: 'app/main.py:11' },
      ],
    },
    {
      name: 'OpenTelemetry instrumentation of FastAPI',
      files: { 'app.py': 'from fastapi import FastAPI\nfrom opentelemetry.instrumentation.fastapi import FastAPIInstrumentor\napp = FastAPI()\nFastAPIInstrumentor.instrument_app(app)\n' },
      expected: [{ kind: 'strength', messageId: 'tracing', at: 'app.py:4' }],
    },
    {
      name: 'LangSmith tracing switched on in the compose environment',
      files: { 'docker-compose.yml': 'services:\n  api:\n    build: .\n    environment:\n      - LANGCHAIN_TRACING_V2=true\n' },
      expected: [{ kind: 'strength', messageId: 'llmTracing', at: 'docker-compose.yml:5' }],
    },
    {
      name: 'Prometheus and Grafana deployed beside the API',
      files: { 'docker-compose.yml': 'services:\n  prometheus:\n    image: prom/prometheus:v2.53.0\n  grafana:\n    image: grafana/grafana:11.1.0\n' },
      expected: [{ kind: 'strength', messageId: 'monitoringStack', at: 'docker-compose.yml:3' }],
    },
    {
      name: 'structlog and Sentry',
      files: { 'log.py': 'import structlog\nimport sentry_sdk\nsentry_sdk.init(dsn="")\nstructlog.configure(processors=[])\n' },
      expected: [
        { kind: 'strength', messageId: 'errorTracking', at: 'log.py:3' },
        { kind: 'strength', messageId: 'structuredLogs', at: 'log.py:4' },
      ],
    },
    {
      name: 'a served model endpoint with no telemetry',
      files: { 'app.py': UNOBSERVED },
      expected: [{ kind: 'info', messageId: 'unobserved', at: 'app.py:7' }],
    },
    {
      name: 'LangSmith tracing switched off, and a script without an endpoint',
      files: { '.env.example': 'LANGCHAIN_TRACING_V2=false\n', 'main.py': 'import ollama\nprint(ollama.generate(model="llama3", prompt="hi"))\n' },
      expected: [],
    },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('names the metrics and asks about quality beyond latency', async () => {
    const [metrics] = await findingsOf(check, { 'app/main.py': INSTRUMENTED });
    expect(metrics!.message).toBe('The service exports Prometheus metrics (`Instrumentator`, `llm_latency_seconds`, `llm_errors_total`)');
    const [unobserved] = await findingsOf(check, { 'app.py': UNOBSERVED });
    expect(unobserved!.question).toContain('what would you monitor beyond latency and 5xx');
  });
});
