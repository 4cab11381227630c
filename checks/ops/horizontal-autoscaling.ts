import { defineCheck } from '../../src/engine/define-check.js';
import { isMap, valueAt } from '../../src/facts/queries/docker.js';
import { at, decoratedWith, kubernetesObjects, scalar, type KubeObject } from '../../src/facts/queries/ops.js';
import type { Literal } from '../../src/facts/types.js';

const AUTOSCALERS = new Set(['HorizontalPodAutoscaler', 'ScaledObject', 'InferenceService']);
const WORKLOADS = new Set(['Deployment', 'StatefulSet']);

/** What an HPA scales on: `cpu 70%`, `memory 80%`, a custom metric's name. */
function hpaMetrics(data: Literal): string[] {
  const v1 = valueAt(data, ['spec', 'targetCPUUtilizationPercentage']);
  if (v1 !== undefined) return [`cpu ${scalar(v1)}%`];
  const metrics = valueAt(data, ['spec', 'metrics']);
  if (!Array.isArray(metrics)) return [];
  return metrics.flatMap((metric) => {
    if (!isMap(metric)) return [];
    const resource = metric['resource'] ?? metric['containerResource'];
    if (isMap(resource)) {
      const target = valueAt(resource, ['target', 'averageUtilization']) ?? valueAt(resource, ['target', 'averageValue']) ?? valueAt(resource, ['targetAverageUtilization']);
      return [`${scalar(resource['name'])}${target === undefined ? '' : ` ${scalar(target)}${typeof target === 'number' ? '%' : ''}`}`];
    }
    const type = typeof metric['type'] === 'string' ? metric['type'].toLowerCase() : '';
    const name = valueAt(metric, [type, 'metric', 'name']) ?? valueAt(metric, [type, 'metricName']);
    return name === undefined ? [] : [`the ${scalar(name)} metric`];
  });
}

interface Scaling {
  target: string;
  min: string;
  max: string;
  metrics: string;
}

function scalingOf(object: KubeObject): Scaling | null {
  const { data } = object;
  if (object.kind === 'HorizontalPodAutoscaler') {
    const metrics = hpaMetrics(data);
    return {
      target: `\`${scalar(valueAt(data, ['spec', 'scaleTargetRef', 'name']))}\``,
      min: scalar(valueAt(data, ['spec', 'minReplicas']) ?? 1),
      max: scalar(valueAt(data, ['spec', 'maxReplicas'])),
      metrics: metrics.length ? metrics.join(', ') : 'cpu 80% (the default)',
    };
  }
  if (object.kind === 'ScaledObject') {
    const triggers = valueAt(data, ['spec', 'triggers']);
    const types = Array.isArray(triggers) ? triggers.filter(isMap).map((t) => `${scalar(t['type'])}${isMap(t['metadata']) && typeof t['metadata']['metricName'] === 'string' ? ` (${t['metadata']['metricName']})` : ''}`) : [];
    return {
      target: `\`${scalar(valueAt(data, ['spec', 'scaleTargetRef', 'name']))}\``,
      min: scalar(valueAt(data, ['spec', 'minReplicaCount']) ?? 0),
      max: scalar(valueAt(data, ['spec', 'maxReplicaCount']) ?? 100),
      metrics: types.length ? `KEDA triggers ${types.join(', ')}` : 'KEDA triggers',
    };
  }
  // KServe: the predictor scales between minReplicas and maxReplicas on concurrency by default.
  const predictor = valueAt(data, ['spec', 'predictor']);
  if (!isMap(predictor) || (predictor['minReplicas'] === undefined && predictor['maxReplicas'] === undefined)) return null;
  return {
    target: `the predictor of \`${object.name}\``,
    min: scalar(predictor['minReplicas'] ?? 1),
    max: scalar(predictor['maxReplicas'] ?? '?'),
    metrics: predictor['scaleMetric'] !== undefined ? `${scalar(predictor['scaleMetric'])} ${scalar(predictor['scaleTarget'])}` : 'request concurrency (the default)',
  };
}

/** Names of the Services an Ingress or Gateway route sends traffic to. */
function backendServices(value: Literal | undefined, out: Set<string>, depth = 0): Set<string> {
  if (depth > 12 || out.size >= 4) return out;
  if (Array.isArray(value)) for (const item of value) backendServices(item, out, depth + 1);
  else if (isMap(value)) {
    const service = value['service'];
    if (isMap(service) && typeof service['name'] === 'string') out.add(service['name']);
    else if (typeof value['serviceName'] === 'string') out.add(value['serviceName']);
    else if (Array.isArray(value['backendRefs'])) for (const ref of value['backendRefs']) if (isMap(ref) && typeof ref['name'] === 'string') out.add(ref['name']);
    for (const child of Object.values(value)) backendServices(child, out, depth + 1);
  }
  return out;
}

/** How traffic enters: an Ingress, a Gateway API route, or a Service of type LoadBalancer. */
function entryOf(object: KubeObject): { services: string; how: string } | null {
  const names = (set: Set<string>) => [...set].map((n) => `\`${n}\``).join(', ');
  if (object.kind === 'Ingress' || object.kind === 'HTTPRoute' || object.kind === 'GRPCRoute') {
    const services = backendServices(valueAt(object.data, ['spec']), new Set());
    return services.size ? { services: names(services), how: `the ${object.kind} \`${object.name}\`` } : null;
  }
  if (object.kind === 'Service' && valueAt(object.data, ['spec', 'type']) === 'LoadBalancer') return { services: `\`${object.name}\``, how: 'a Service of type LoadBalancer' };
  return null;
}

export default defineCheck({
  id: 'ops/horizontal-autoscaling',
  docs: 'Reports what scales the served workloads with load (a HorizontalPodAutoscaler, a KEDA ScaledObject, KServe replica bounds, a Ray Serve `autoscaling_config`) and the metric it scales on, what spreads traffic over the replicas (an Ingress, a Gateway route, a LoadBalancer Service), and Kubernetes Deployments that run a fixed number of replicas with nothing scaling them.',
  messages: {
    autoscaled: '{{target}} scales between {{min}} and {{max}} replicas on {{metrics}}',
    rayAutoscaled: 'Ray Serve deployment `{{name}}` autoscales its replicas ({{how}})',
    fixedReplicas: '{{kind}} `{{name}}` runs a fixed {{replicas}} and nothing scales it with load',
    loadBalanced: 'Traffic reaches {{services}} through {{how}}',
  },
  questions: {
    autoscaled: '{{target}} scales on {{metrics}} up to {{max}} replicas — what saturates first in one replica of an LLM server, and is that the signal you scale on?',
    fixedReplicas: '`{{at}}` runs a fixed {{replicas}} — how would this service absorb a jump to 100 requests/s, and what would you scale on?',
  },
  *run({ facts }) {
    const objects = kubernetesObjects(facts);
    const scaled = new Set<string>();
    for (const object of objects) {
      if (!AUTOSCALERS.has(object.kind)) continue;
      const scaling = scalingOf(object);
      if (!scaling) continue;
      const ref = valueAt(object.data, ['spec', 'scaleTargetRef', 'name']);
      if (typeof ref === 'string') scaled.add(ref);
      yield { kind: 'strength', messageId: 'autoscaled', evidence: [object.evidence], data: { ...scaling } };
    }
    for (const { name, call, evidence } of decoratedWith(facts, /^ray\.serve\.deployment$/)) {
      const config = call?.kwargs['autoscaling_config'];
      const replicas = call?.kwargs['num_replicas'];
      if (config) yield { kind: 'strength', messageId: 'rayAutoscaled', evidence: [evidence], data: { name, how: `autoscaling_config=${config.text.slice(0, 80)}` } };
      else if (replicas?.literal === 'auto') yield { kind: 'strength', messageId: 'rayAutoscaled', evidence: [evidence], data: { name, how: 'num_replicas="auto"' } };
    }
    for (const object of objects) {
      const entry = entryOf(object);
      if (entry) yield { kind: 'strength', messageId: 'loadBalanced', evidence: [object.evidence], data: entry };
    }
    for (const object of objects) {
      if (!WORKLOADS.has(object.kind) || scaled.has(object.name) || valueAt(object.data, ['spec', 'template', 'spec', 'containers']) === undefined) continue;
      const replicas = valueAt(object.data, ['spec', 'replicas']);
      const count = typeof replicas === 'number' ? replicas : 1;
      const evidence = object.document.evidenceFor(['spec', 'replicas']) ?? object.evidence;
      yield { kind: 'info', messageId: 'fixedReplicas', evidence: [evidence], data: { kind: object.kind, name: object.name, replicas: `${count} replica${count === 1 ? '' : 's'}${replicas === undefined ? ' (no `replicas:` set)' : ''}`, at: at(evidence) } };
    }
  },
});
