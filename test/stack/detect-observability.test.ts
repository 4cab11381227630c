import { describe, expect, it } from 'vitest';
import { at, itemsAt } from '../helpers/review-fixture.js';
import { reviewFiles } from '../helpers/review-files.js';

describe('stack.observability', () => {
  it.each<{ name: string; files: Record<string, string>; expected: Record<string, string>; places?: Record<string, string[]> }>([
    {
      name: 'Prometheus metrics from prometheus_client and an instrumentator',
      files: {
        'app/metrics.py': 'from prometheus_client import Counter\n\nREQUESTS = Counter("requests_total", "Requests")\n',
        'app/main.py': 'from fastapi import FastAPI\nfrom prometheus_fastapi_instrumentator import Instrumentator\n\napp = FastAPI()\nInstrumentator().instrument(app).expose(app)\n',
      },
      expected: { prometheus: 'app/main.py:5' },
      places: { prometheus: ['app/main.py:5', 'app/metrics.py:3'] },
    },
    {
      name: 'prom-client in a TypeScript server',
      files: { 'src/metrics.ts': "import client from 'prom-client';\n\nexport const latency = new client.Histogram({ name: 'llm_latency_seconds', help: 'LLM latency' });\n" },
      expected: { prometheus: 'src/metrics.ts:3' },
    },
    {
      name: 'OpenTelemetry tracing and a collector image',
      files: {
        'tracing.py': 'from opentelemetry import trace\n\ntracer = trace.get_tracer(__name__)\n',
        'docker-compose.yml': 'services:\n  otel:\n    image: otel/opentelemetry-collector-contrib:0.104.0\n',
      },
      expected: { opentelemetry: 'tracing.py:3' },
      places: { opentelemetry: ['tracing.py:3', 'docker-compose.yml:3'] },
    },
    {
      name: 'Langfuse through its decorator',
      files: { 'rag.py': 'from langfuse.decorators import observe\n\n\n@observe()\ndef answer(q):\n    return q\n' },
      expected: { langfuse: 'rag.py:4' },
    },
    {
      name: 'LangSmith switched on in .env.example (not when switched off)',
      files: { '.env.example': 'LANGCHAIN_TRACING_V2=true\nLANGCHAIN_PROJECT=support-bot\n', 'deploy/.env': 'LANGSMITH_TRACING=false\n' },
      expected: { langsmith: '.env.example:1' },
      places: { langsmith: ['.env.example:1'] },
    },
    {
      name: 'Phoenix launched from a notebook-style script',
      files: { 'trace.py': 'import phoenix as px\n\nsession = px.launch_app()\n' },
      expected: { phoenix: 'trace.py:3' },
    },
    {
      name: 'MLflow and W&B tracking: logged metrics, a trainer reporting to wandb',
      files: {
        'train.py': [
          'import mlflow', 'from transformers import TrainingArguments', '', 'args = TrainingArguments(', '    output_dir="out",', '    report_to="wandb",', ')',
          'with mlflow.start_run():', '    mlflow.log_metric("accuracy", 0.91)',
        ].join('\n'),
      },
      expected: { wandb: 'train.py:6', 'mlflow-tracking': 'train.py:8' },
      places: { 'mlflow-tracking': ['train.py:8', 'train.py:9'] },
    },
    {
      name: 'Sentry and a Grafana dashboard container',
      files: {
        'app.py': 'import sentry_sdk\n\nsentry_sdk.init(dsn="https://key@o0.ingest.sentry.io/0", traces_sample_rate=0.1)\n',
        'docker-compose.yml': 'services:\n  grafana:\n    image: grafana/grafana:11.1.0\n',
      },
      expected: { sentry: 'app.py:3', grafana: 'docker-compose.yml:3' },
    },
    {
      name: 'a tracing SDK only declared is listed as declared',
      files: { 'requirements.txt': 'fastapi\nlangfuse==2.36.0\n', 'app.py': 'print(1)\n' },
      expected: { 'langfuse (declared)': 'requirements.txt:2' },
    },
    {
      name: 'negative: plain logging, mlflow.evaluate only, report_to none, tracing off',
      files: {
        'eval.py': ['import logging', 'import mlflow', 'from transformers import TrainingArguments', '', 'logging.info("start")', 'mlflow.evaluate(data=None, model_type="question-answering")', 'TrainingArguments(output_dir="o", report_to="none")'].join('\n'),
        '.env.example': 'LANGCHAIN_TRACING_V2=false\n',
      },
      expected: {},
    },
  ])('$name', async ({ files, expected, places }) => {
    const { stack } = await reviewFiles(files);
    expect(itemsAt(stack.observability)).toEqual(expected);
    for (const [id, lines] of Object.entries(places ?? {})) expect(stack.observability.find((i) => i.id === id)?.evidence.map(at)).toEqual(lines);
  });
});
