import { callsInPackages, commandLines, containerImages, decoratedFunctions, envSettings, imageRepository } from '../facts/queries/production.js';
import { codeStrings, plainCallee, pythonCalls } from '../facts/query.js';
import type { Facts, Literal } from '../facts/types.js';
import { EvidenceMap } from './evidence-map.js';
import { productionItems } from './production-items.js';
import { OBSERVABILITY } from './signals.js';
import type { StackItem } from './types.js';

/** MLflow calls that track a run or a trace (`mlflow.log_metric`, `MlflowClient().log_param`, `mlflow.openai.autolog`). */
const MLFLOW_TRACKING = /^(log_\w+|start_run|set_tracking_uri|set_experiment|autolog|create_run|create_experiment|start_span|update_current_trace)$/;
/** Python calls (resolved, call markers dropped) that record metrics, traces or errors. */
const PYTHON_CALLS: readonly [string, RegExp][] = [
  ['prometheus', /^prometheus_client\.|^prometheus_fastapi_instrumentator\.Instrumentator\b|^starlette_(exporter|prometheus)\./],
  ['opentelemetry', /^opentelemetry\.|^traceloop\.sdk\.Traceloop\.init$|^openlit\.init$/],
  ['langfuse', /^langfuse\./],
  ['langsmith', /^langsmith\./],
  ['phoenix', /^phoenix\.|^openinference\.instrumentation\./],
  ['wandb', /^wandb\.|^weave\.init$|(WandbLogger|WandbCallback)$/],
  ['sentry', /^sentry_sdk\.init$/],
];
/** The packages whose calls `PYTHON_CALLS` reads (trainer callbacks for W&B included). */
const PACKAGES = [
  'prometheus_client', 'prometheus_fastapi_instrumentator', 'starlette_exporter', 'starlette_prometheus', 'opentelemetry', 'traceloop', 'openlit', 'langfuse',
  'langsmith', 'phoenix', 'openinference', 'mlflow', 'wandb', 'weave', 'sentry_sdk', 'lightning', 'pytorch_lightning', 'transformers',
];
const SCRIPT_CALLS: readonly [string, RegExp][] = [
  ['prometheus', /^(prom-client|express-prom-bundle)\./],
  ['opentelemetry', /^@opentelemetry\/|^@traceloop\//],
  ['langfuse', /^langfuse(-[\w]+)?(\/[\w/-]+)?\./],
  ['langsmith', /^langsmith(\/[\w/-]+)?\./],
  ['sentry', /^@sentry\/[\w-]+\.init$/],
];
const DECORATORS: readonly [string, readonly string[]][] = [
  ['langfuse', ['langfuse.decorators.observe', 'langfuse.observe']],
  ['langsmith', ['langsmith.traceable', 'langsmith.run_helpers.traceable']],
  ['mlflow-tracking', ['mlflow.trace']],
  ['wandb', ['weave.op']],
];
const IMAGES: readonly [string, RegExp][] = [
  ['prometheus', /^(prom|quay\.io\/prometheus|bitnami)\/prometheus$/],
  ['opentelemetry', /^otel\/opentelemetry-collector(-contrib|-k8s)?$/],
  ['langfuse', /^langfuse\/langfuse$/],
  ['phoenix', /^arizephoenix\/phoenix$/],
  ['mlflow-tracking', /(^|\/)mlflow\/mlflow$/],
  ['grafana', /^(grafana\/grafana(-oss|-enterprise)?|bitnami\/grafana)$/],
];
/** Environment variables that switch tracing or tracking on (value not `false`/`0`). */
const ENV: readonly [string, RegExp][] = [
  ['opentelemetry', /^OTEL_(EXPORTER_OTLP_\w*ENDPOINT|SERVICE_NAME)$/],
  ['langfuse', /^LANGFUSE_(PUBLIC_KEY|HOST|BASE_URL)$/],
  ['langsmith', /^(LANGCHAIN_TRACING_V2|LANGSMITH_TRACING)$/],
  ['phoenix', /^PHOENIX_COLLECTOR_ENDPOINT$/],
  ['mlflow-tracking', /^MLFLOW_TRACKING_URI$/],
  ['wandb', /^WANDB_(PROJECT|ENTITY)$/],
  ['sentry', /^SENTRY_DSN$/],
];
const COMMANDS: readonly [string, RegExp][] = [
  ['opentelemetry', /(^|\s)opentelemetry-instrument\s/],
  ['mlflow-tracking', /\bmlflow\s+(server|ui)\b/],
];
/** Trainer integrations: `TrainingArguments(report_to="wandb")`, `report_to: [mlflow]` in a config. */
const REPORT_TO: Record<string, string> = { wandb: 'wandb', mlflow: 'mlflow-tracking' };

/**
 * `stack.observability`: metrics (Prometheus), traces (OpenTelemetry, Langfuse, LangSmith,
 * Phoenix), experiment tracking that logs something (MLflow, Weights & Biases), error reporting
 * (Sentry) and dashboards (Grafana) — from code, tracing switches in configuration, trainer
 * `report_to`, images in compose/Kubernetes and Prometheus scrape configs.
 */
export function detectObservability(facts: Facts): StackItem[] {
  const found = new EvidenceMap();
  for (const call of callsInPackages(facts, PACKAGES)) {
    const plain = plainCallee(call.callee);
    for (const [id, pattern] of PYTHON_CALLS) if (pattern.test(plain)) found.add(id, call.evidence);
    if (plain.startsWith('mlflow.') && MLFLOW_TRACKING.test(call.name)) found.add('mlflow-tracking', call.evidence);
  }
  for (const call of pythonCalls(facts)) {
    const reportTo = call.kwargs['report_to'];
    if (reportTo) for (const id of reportTargets(reportTo.literal)) found.add(id, reportTo.evidence);
  }
  for (const call of facts.scripts.flatMap((m) => m.calls)) {
    const plain = plainCallee(call.callee);
    for (const [id, pattern] of SCRIPT_CALLS) if (pattern.test(plain)) found.add(id, call.evidence);
  }
  for (const [id, decorators] of DECORATORS) for (const { fn } of decoratedFunctions(facts, decorators)) found.add(id, fn.evidence);
  for (const { image, evidence } of containerImages(facts)) {
    const repository = imageRepository(image);
    for (const [id, pattern] of IMAGES) if (pattern.test(repository)) found.add(id, evidence);
  }
  // Weaker: switches and commands that turn tracing or tracking on.
  const switched = new EvidenceMap();
  for (const { name, value, evidence } of envSettings(facts)) {
    if (value !== null && /^(false|0|no|off|)$/i.test(value.trim())) continue;
    for (const [id, pattern] of ENV) if (pattern.test(name)) switched.add(id, evidence);
  }
  // `os.environ["LANGCHAIN_TRACING_V2"] = "true"`: the switch set from code.
  for (const { value, evidence } of codeStrings(facts)) {
    if (value === 'LANGCHAIN_TRACING_V2' || value === 'LANGSMITH_TRACING') switched.add('langsmith', evidence);
  }
  for (const { command, evidence } of commandLines(facts)) {
    for (const [id, pattern] of COMMANDS) if (pattern.test(command)) switched.add(id, evidence);
  }
  for (const doc of facts.configs) {
    const data = doc.data;
    if (!data || typeof data !== 'object' || Array.isArray(data)) continue;
    if (doc.format === 'yaml' && Array.isArray(data['scrape_configs'])) found.add('prometheus', doc.evidenceFor(['scrape_configs']));
    if (doc.format === 'yaml' && typeof data['apiVersion'] === 'string' && data['apiVersion'].startsWith('monitoring.coreos.com/')) {
      found.add('prometheus', doc.evidenceFor(['kind']));
    }
    // A Grafana dashboard exported as JSON.
    if (doc.format === 'json' && Array.isArray(data['panels']) && typeof data['schemaVersion'] === 'number') found.add('grafana', doc.evidenceFor(['panels']));
    for (const leaf of doc.leaves) {
      // The nearest named key: list items (`report_to: [wandb]`) sit under their list's key.
      const last = leaf.key.filter((k): k is string => typeof k === 'string').at(-1);
      if (last === 'report_to') {
        for (const id of reportTargets(leaf.value)) found.add(id, leaf.evidence);
      } else if (last === 'prometheus.io/scrape' && String(leaf.value) === 'true') {
        found.add('prometheus', leaf.evidence);
      } else if (last === 'wandb_project' && typeof leaf.value === 'string' && leaf.value !== '') {
        switched.add('wandb', leaf.evidence);
      }
    }
  }
  return productionItems(facts, [found, switched], OBSERVABILITY);
}

function reportTargets(value: Literal | undefined): string[] {
  const names = Array.isArray(value) ? value : [value];
  return names.flatMap((name) => (typeof name === 'string' && REPORT_TO[name.toLowerCase()] ? [REPORT_TO[name.toLowerCase()]!] : []));
}
