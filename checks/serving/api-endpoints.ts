import { defineCheck } from '../../src/engine/define-check.js';
import { endpoints } from '../../src/facts/queries/serving.js';

const MAX_LISTED = 25;
const HEALTH = /(^|\/)(health|healthz|healthcheck|health-check|ready|readyz|readiness|live|livez|liveness|ping)\/?$/i;

export default defineCheck({
  id: 'serving/api-endpoints',
  docs: 'Lists the HTTP endpoints the submission serves (FastAPI, Flask, Django, Express, Fastify, Next.js) with method and path, and notes a health endpoint.',
  messages: {
    endpoint: 'Endpoint `{{method}} {{path}}` ({{framework}})',
    health: 'Health endpoint `{{method}} {{path}}` for load balancers and orchestrators to probe',
  },
  *run({ facts }) {
    const all = endpoints(facts);
    for (const e of all.slice(0, MAX_LISTED)) {
      yield { kind: 'info', messageId: 'endpoint', evidence: [e.evidence], data: { method: e.method, path: e.path, framework: e.framework } };
    }
    const health = all.find((e) => HEALTH.test(e.path.replace(/\$$/, '')));
    if (health) {
      yield { kind: 'strength', messageId: 'health', evidence: [health.evidence], data: { method: health.method, path: health.path } };
    }
  },
});
