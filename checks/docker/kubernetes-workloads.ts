import { defineCheck } from '../../src/engine/define-check.js';
import { isMap, kubernetesContainers, valueAt } from '../../src/facts/queries/docker.js';
import type { Literal } from '../../src/facts/types.js';

function describe(values: Literal | undefined): string {
  if (!isMap(values)) return '';
  return Object.entries(values).map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join(', ');
}

export default defineCheck({
  id: 'docker/kubernetes-workloads',
  docs: 'Reports, for each container of a Kubernetes workload, its resource requests and limits and its readiness and liveness probes, or their absence.',
  messages: {
    resources: 'Container `{{container}}` of {{workload}} sets resources: requests {{requests}}; limits {{limits}}',
    noResources: 'Container `{{container}}` of {{workload}} sets no resource {{missing}}, so the scheduler cannot plan for its memory or GPU',
    probes: 'Container `{{container}}` of {{workload}} has {{probes}}',
    noProbes: 'Container `{{container}}` of {{workload}} has no readiness or liveness probe, so traffic can reach it before the model is loaded',
  },
  questions: {
    noResources: '{{at}} sets no resource {{missing}}. How much memory does this container need once the model is loaded, and what happens when it exceeds it?',
    noProbes: '{{at}} has no probes. How would Kubernetes know this pod is ready to serve, or stuck?',
  },
  *run({ facts }) {
    for (const container of kubernetesContainers(facts)) {
      const { data, evidence } = container;
      const base = { container: container.name, workload: container.workload, at: `${evidence.path}:${evidence.line}` };
      const requests = valueAt(data, ['resources', 'requests']);
      const limits = valueAt(data, ['resources', 'limits']);
      const missing = [isMap(requests) ? null : 'requests', isMap(limits) ? null : 'limits'].filter((m): m is string => m !== null);
      const resourcesAt = container.document.evidenceFor([...container.path, 'resources']) ?? evidence;
      if (missing.length === 0) yield { kind: 'strength', messageId: 'resources', evidence: [resourcesAt], data: { ...base, requests: describe(requests), limits: describe(limits) } };
      else yield { kind: 'concern', messageId: 'noResources', evidence: [missing.length === 2 ? evidence : resourcesAt], data: { ...base, missing: missing.join(' or ') } };
      const probes = ['readinessProbe', 'livenessProbe', 'startupProbe'].filter((p) => isMap(data[p]));
      const [firstProbe] = probes;
      if (firstProbe) {
        const probeAt = container.document.evidenceFor([...container.path, firstProbe]) ?? evidence;
        yield { kind: 'strength', messageId: 'probes', evidence: [probeAt], data: { ...base, probes: probes.map((p) => `a ${p}`).join(', ') } };
      } else {
        yield { kind: 'concern', messageId: 'noProbes', evidence: [evidence], data: base };
      }
    }
  },
});
