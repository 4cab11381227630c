import { defineCheck } from '../../src/engine/define-check.js';
import { isTestPath, plainCallee } from '../../src/facts/query.js';
import { composeServices } from '../../src/facts/queries/docker.js';
import { callsInFunction, kubernetesObjects } from '../../src/facts/queries/ops.js';
import { pythonEndpoints, pythonModelCall } from '../../src/facts/queries/serving.js';
import type { Evidence } from '../../src/types.js';

type Signal = 'metrics' | 'tracing' | 'llmTracing' | 'structuredLogs' | 'errorTracking';

/** Calls (resolved, call markers dropped) that set up each kind of telemetry, with the tool's name. */
const PY_SIGNALS: readonly [RegExp, Signal, string][] = [
  [/^prometheus_client\.(Counter|Histogram|Gauge|Summary|Info|Enum|start_http_server|make_asgi_app|make_wsgi_app|generate_latest)$/, 'metrics', 'Prometheus'],
  [/^(prometheus_fastapi_instrumentator\.Instrumentator|starlette_exporter\.PrometheusMiddleware|prometheus_flask_exporter\.PrometheusMetrics)/, 'metrics', 'Prometheus'],
  [/^opentelemetry\..*(metrics\.get_meter|create_counter|create_histogram)/, 'metrics', 'OpenTelemetry'],
  [/^(statsd|datadog)\./, 'metrics', 'StatsD'],
  [/^opentelemetry\./, 'tracing', 'OpenTelemetry'],
  [/^langfuse\./, 'llmTracing', 'Langfuse'],
  [/^langsmith\.(traceable|Client|wrappers)/, 'llmTracing', 'LangSmith'],
  [/^(phoenix\.otel\.register|phoenix\.launch_app|openinference\.)/, 'llmTracing', 'Arize Phoenix'],
  [/^mlflow\.(\w+\.autolog|trace|start_span|tracing)/, 'llmTracing', 'MLflow tracing'],
  [/^weave\.(init|op)$/, 'llmTracing', 'W&B Weave'],
  [/^(helicone|traceloop\.sdk\.Traceloop\.init|openlit\.init|agentops\.init|logfire\.(configure|instrument_\w+))/, 'llmTracing', 'LLM tracing'],
  [/^structlog\.(configure|get_logger|stdlib)/, 'structuredLogs', 'structlog'],
  [/^(pythonjsonlogger|python_json_logger)\./, 'structuredLogs', 'python-json-logger'],
  [/^sentry_sdk\.init$/, 'errorTracking', 'Sentry'],
];
const PY_DECORATORS: readonly [RegExp, Signal, string][] = [
  [/^langfuse\.(decorators\.)?observe$/, 'llmTracing', 'Langfuse'],
  [/^langsmith\.(run_helpers\.)?traceable$/, 'llmTracing', 'LangSmith'],
  [/^weave\.op$/, 'llmTracing', 'W&B Weave'],
];
const SCRIPT_SIGNALS: readonly [RegExp, Signal, string][] = [
  [/^prom-client\./, 'metrics', 'Prometheus'],
  [/^@opentelemetry\//, 'tracing', 'OpenTelemetry'],
  [/^(langfuse|langfuse-langchain|@langfuse\/\w+)\./, 'llmTracing', 'Langfuse'],
  [/^langsmith(\/traceable)?\./, 'llmTracing', 'LangSmith'],
  [/^(pino|winston)\./, 'structuredLogs', 'structured logging'],
  [/^@sentry\/\w+\.init$/, 'errorTracking', 'Sentry'],
];
/** Services and objects that collect telemetry. */
const MONITORING_IMAGE = /(^|\/)(prometheus|grafana|jaeger|all-in-one|opentelemetry-collector\w*|otel-collector|tempo|loki|langfuse|phoenix|zipkin)([:@]|$)/i;
const MONITORING_KINDS = new Set(['ServiceMonitor', 'PodMonitor', 'PrometheusRule', 'OpenTelemetryCollector', 'Instrumentation']);
/** `LANGCHAIN_TRACING_V2=true` / `LANGSMITH_TRACING=true` in a config or `.env` turns LangSmith tracing on without code. */
const LANGSMITH_ENV = /^(LANGCHAIN_TRACING_V2|LANGSMITH_TRACING)$/;

export default defineCheck({
  id: 'ops/metrics-and-tracing',
  docs: 'Reports the telemetry a served model gets: Prometheus or OpenTelemetry metrics, request tracing, LLM tracing (Langfuse, LangSmith, Phoenix, MLflow), structured logs, error tracking and a monitoring stack deployed beside it; and served model endpoints with none of them.',
  messages: {
    metrics: 'The service exports {{tool}} metrics ({{what}})',
    tracing: 'Requests are traced with {{tool}} ({{what}})',
    llmTracing: 'Model calls are traced with {{tool}} ({{what}}): prompts, answers and latencies can be inspected per request',
    structuredLogs: 'Logs are structured with {{tool}} ({{what}})',
    errorTracking: 'Errors are reported to {{tool}} ({{what}})',
    monitoringStack: 'Monitoring is deployed beside the service: {{what}}',
    unobserved: '`{{method}} {{path}}` calls a model and nothing records metrics, traces or structured logs',
  },
  questions: {
    metrics: 'Your service exports metrics ({{what}}) — which of them would tell you that answer quality dropped, rather than latency or error rate?',
    llmTracing: 'What do you look at in {{tool}} when a user reports a wrong answer, and how do you sample traces for quality review?',
    unobserved: 'Once `{{method}} {{path}}` is in production, what would you monitor beyond latency and 5xx — cost per request, answer quality, retrieval recall — and how?',
  },
  *run({ facts }) {
    const found = new Map<string, { signal: Signal; tool: string; evidence: Evidence[]; names: string[] }>();
    const add = (signal: Signal, tool: string, evidence: Evidence, name: string) => {
      const key = `${signal}:${tool}`;
      const entry = found.get(key) ?? { signal, tool, evidence: [], names: [] };
      if (!found.has(key)) found.set(key, entry);
      if (entry.evidence.length < 3 && !entry.evidence.some((e) => e.path === evidence.path && e.line === evidence.line)) entry.evidence.push(evidence);
      if (!entry.names.includes(name) && entry.names.length < 4) entry.names.push(name);
    };
    for (const module of facts.python) {
      if (isTestPath(module.path)) continue;
      for (const call of module.calls) {
        const plain = plainCallee(call.callee);
        const match = PY_SIGNALS.find(([pattern]) => pattern.test(plain));
        if (!match) continue;
        const literal = call.args[0]?.literal;
        const metricName = match[1] === 'metrics' && typeof literal === 'string' ? `\`${literal}\`` : `\`${plain.split('.').find((part) => /^[A-Z]/.test(part)) ?? call.raw}\``;
        add(match[1], match[2], call.evidence, metricName);
      }
      for (const fn of module.functions) {
        for (const decorator of fn.decorators) {
          const match = PY_DECORATORS.find(([pattern]) => pattern.test(plainCallee(decorator)));
          if (match) add(match[1], match[2], fn.evidence, `\`@${decorator.slice(decorator.lastIndexOf('.') + 1)}\` on \`${fn.name}\``);
        }
      }
    }
    for (const module of facts.scripts) {
      if (isTestPath(module.path)) continue;
      for (const call of module.calls) {
        const match = SCRIPT_SIGNALS.find(([pattern]) => pattern.test(plainCallee(call.callee)));
        if (match) add(match[1], match[2], call.evidence, `\`${call.raw}\``);
      }
    }
    for (const document of facts.configs) {
      for (const leaf of document.leaves) {
        // `LANGCHAIN_TRACING_V2: "true"` (a map, a `.env`) or `- LANGCHAIN_TRACING_V2=true` (a compose list).
        const key = leaf.key.at(-1);
        const [name, value] = typeof key === 'string' && LANGSMITH_ENV.test(key) ? [key, String(leaf.value)] : typeof leaf.value === 'string' ? leaf.value.split('=', 2) : [];
        if (name && LANGSMITH_ENV.test(name) && /^true$/i.test(value ?? '')) add('llmTracing', 'LangSmith', leaf.evidence, `\`${name}=true\``);
      }
    }
    for (const entry of found.values()) {
      const [first, ...rest] = entry.evidence;
      if (first) yield { kind: 'strength', messageId: entry.signal, evidence: [first, ...rest], data: { tool: entry.tool, what: entry.names.join(', ') } };
    }
    const stack = [
      ...composeServices(facts).filter((s) => s.image && MONITORING_IMAGE.test(s.image)).map((s) => ({ what: `\`${s.image}\``, evidence: s.document.evidenceFor(['services', s.name, 'image']) ?? s.evidence })),
      ...kubernetesObjects(facts, MONITORING_KINDS).map((o) => ({ what: `A ${o.kind} \`${o.name}\``, evidence: o.evidence })),
      ...facts.configs.filter((d) => /(^|\/)prometheus\.ya?ml$/.test(d.path) && d.evidenceFor(['scrape_configs'])).map((d) => ({ what: `A Prometheus scrape config (\`${d.path}\`)`, evidence: d.evidenceFor(['scrape_configs'])! })),
    ];
    const [monitor, ...others] = stack;
    if (monitor) yield { kind: 'strength', messageId: 'monitoringStack', evidence: [monitor.evidence, ...others.slice(0, 2).map((o) => o.evidence)], data: { what: [monitor, ...others].slice(0, 3).map((o) => o.what).join(', ') } };
    if (found.size || monitor) return;
    for (const { method, path, handler } of pythonEndpoints(facts)) {
      if (!handler) continue;
      const model = callsInFunction(handler.fn, handler.module).find((c) => pythonModelCall(c, handler.module));
      if (!model) continue;
      yield { kind: 'info', messageId: 'unobserved', evidence: [model.evidence], data: { method, path } };
      return;
    }
  },
});
