import type { ConfigDocument, Facts } from '../facts/types.js';
import type { Evidence } from '../types.js';
import { EvidenceMap } from './evidence-map.js';
import type { StackItem } from './types.js';

const COMPOSE_FILE = /(^|\/)(docker-)?compose[\w.-]*\.ya?ml$/;
const K8S_KINDS = new Set([
  'Deployment', 'Service', 'StatefulSet', 'DaemonSet', 'Pod', 'Job', 'CronJob', 'ReplicaSet', 'Ingress', 'ConfigMap',
  'Secret', 'PersistentVolumeClaim', 'HorizontalPodAutoscaler', 'Namespace', 'ServiceAccount', 'NetworkPolicy',
  'InferenceService', 'ScaledObject', 'Kustomization',
]);
const CI_FILES: readonly [RegExp, string][] = [
  [/^\.github\/workflows\/[^/]+\.ya?ml$/, 'github-actions'],
  [/^\.gitlab-ci\.ya?ml$/, 'gitlab-ci'],
  [/^(\.circleci\/config\.ya?ml|Jenkinsfile|azure-pipelines\.ya?ml|\.travis\.ya?ml|bitbucket-pipelines\.ya?ml|\.drone\.ya?ml|\.buildkite\/pipeline\.ya?ml|cloudbuild\.ya?ml)$/, 'other'],
];

/** `stack.containers`: Dockerfiles, compose files, Kubernetes manifests and Helm charts. */
export function detectContainers(facts: Facts): StackItem[] {
  const found = new EvidenceMap();
  for (const dockerfile of facts.dockerfiles) found.add('dockerfile', dockerfile.from[0]?.evidence ?? dockerfile.instructions[0]?.evidence);
  for (const doc of facts.configs) {
    if (doc.format !== 'yaml') continue;
    const name = doc.path.slice(doc.path.lastIndexOf('/') + 1);
    if (COMPOSE_FILE.test(doc.path) && hasKey(doc, 'services')) found.add('docker-compose', doc.evidenceFor(['services']));
    else if (name === 'Chart.yaml' && hasKey(doc, 'name')) found.add('helm', doc.evidenceFor(['apiVersion']) ?? doc.evidenceFor(['name']));
    else if (isK8sManifest(doc)) found.add('kubernetes', doc.evidenceFor(['kind']));
  }
  return found.toItems();
}

/** `stack.ci`: pipeline definitions by their well-known paths. */
export function detectCi(facts: Facts): StackItem[] {
  const found = new EvidenceMap();
  for (const file of facts.files) {
    const kind = CI_FILES.find(([pattern]) => pattern.test(file.path))?.[1];
    if (kind) found.add(kind, firstLine(file.path, file.text));
  }
  return found.toItems();
}

function isK8sManifest(doc: ConfigDocument): boolean {
  const data = doc.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return false;
  return typeof data.apiVersion === 'string' && typeof data.kind === 'string' && K8S_KINDS.has(data.kind);
}

function hasKey(doc: ConfigDocument, key: string): boolean {
  const data = doc.data;
  return !!data && typeof data === 'object' && !Array.isArray(data) && key in data;
}

function firstLine(path: string, text: string): Evidence {
  const lines = text.split('\n');
  const index = Math.max(0, lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#')));
  return { path, line: index + 1, snippet: (lines[index] ?? '').trim().slice(0, 200) };
}
