import { defineCheck } from '../../src/engine/define-check.js';
import { isMap, valueAt } from '../../src/facts/queries/docker.js';
import { kubernetesObjects, scalar, type KubeObject } from '../../src/facts/queries/ops.js';
import { ciCommands } from '../../src/facts/queries/tests.js';
import type { Literal } from '../../src/facts/types.js';

const DELIVERY_KINDS = new Set(['Rollout', 'Canary', 'VirtualService', 'InferenceService', 'SeldonDeployment', 'TrafficSplit']);
const ROLLBACK = /\bkubectl\s+(argo\s+)?rollouts?\s+(undo|abort)\b|\bhelm\s+rollback\b|\bargocd\s+app\s+rollback\b|\baws\s+deploy\s+stop-deployment\b/;

/** `setWeight` steps of an Argo Rollouts canary: `10%, 50%`. */
function canaryWeights(steps: Literal | undefined): string[] {
  return Array.isArray(steps) ? steps.filter(isMap).flatMap((s) => (s['setWeight'] === undefined ? [] : [`${scalar(s['setWeight'])}%`])).slice(0, 6) : [];
}

/** How one object shifts traffic to a new version, or null when it does not. */
function strategyOf(object: KubeObject): string | null {
  const { data } = object;
  if (object.kind === 'Rollout' && object.apiVersion.startsWith('argoproj.io/')) {
    const canary = valueAt(data, ['spec', 'strategy', 'canary']);
    if (isMap(canary)) {
      const weights = canaryWeights(canary['steps']);
      const analysis = JSON.stringify(canary).includes('"analysis"') ? ', with automated analysis' : '';
      return `as an Argo Rollouts canary${weights.length ? ` (traffic ${weights.join(' → ')})` : ''}${analysis}`;
    }
    const blueGreen = valueAt(data, ['spec', 'strategy', 'blueGreen']);
    if (isMap(blueGreen)) return `blue/green with Argo Rollouts${typeof blueGreen['previewService'] === 'string' ? ` (preview Service \`${blueGreen['previewService']}\`)` : ''}`;
    return null;
  }
  if (object.kind === 'Canary' && object.apiVersion.startsWith('flagger.app/')) {
    const metrics = valueAt(data, ['spec', 'analysis', 'metrics']);
    const names = Array.isArray(metrics) ? metrics.filter(isMap).map((m) => scalar(m['name'])) : [];
    return `as a Flagger canary${names.length ? ` checked on ${names.join(', ')}` : ''}`;
  }
  if (object.kind === 'VirtualService') {
    const http = valueAt(data, ['spec', 'http']);
    const weighted = Array.isArray(http) && http.some((route) => isMap(route) && Array.isArray(route['route']) && route['route'].filter((r) => isMap(r) && typeof r['weight'] === 'number').length >= 2);
    return weighted ? 'through weighted Istio routes' : null;
  }
  if (object.kind === 'InferenceService') {
    const percent = valueAt(data, ['spec', 'predictor', 'canaryTrafficPercent']);
    return percent === undefined ? null : `as a KServe canary (${scalar(percent)}% of traffic)`;
  }
  if (object.kind === 'SeldonDeployment') {
    const predictors = valueAt(data, ['spec', 'predictors']);
    return Array.isArray(predictors) && predictors.filter((p) => isMap(p) && typeof p['traffic'] === 'number').length >= 2 ? 'with Seldon traffic splitting' : null;
  }
  if (object.kind === 'TrafficSplit') return 'with an SMI TrafficSplit';
  return null;
}

export default defineCheck({
  id: 'ops/progressive-delivery',
  docs: 'Reports how new versions of a service reach users gradually (Argo Rollouts canary or blue/green, Flagger, weighted Istio routes, KServe or Seldon traffic splits) and rollback commands in CI.',
  messages: {
    progressive: '`{{name}}` ships new versions {{how}}',
    rollback: 'CI can roll a release back: `{{command}}`',
  },
  questions: {
    progressive: '`{{name}}` rolls out {{how}} — for a new model or prompt version, what signal decides promotion or rollback, and how fast is it?',
  },
  *run({ facts }) {
    for (const object of kubernetesObjects(facts, DELIVERY_KINDS)) {
      const how = strategyOf(object);
      if (how) yield { kind: 'strength', messageId: 'progressive', evidence: [object.evidence], data: { name: object.name, how } };
    }
    const rollback = ciCommands(facts).find((c) => !c.uses && ROLLBACK.test(c.text));
    if (rollback) yield { kind: 'strength', messageId: 'rollback', evidence: [rollback.evidence], data: { command: rollback.text.slice(0, 80) } };
  },
});
