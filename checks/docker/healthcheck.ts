import { defineCheck } from '../../src/engine/define-check.js';
import { composeServices, finalStage, isServiceStage, kubernetesContainers, startInstructions } from '../../src/facts/queries/docker.js';

export default defineCheck({
  id: 'docker/healthcheck',
  docs: 'Reports whether a service image (one that exposes a port or starts a server) declares a `HEALTHCHECK`, in its Dockerfile or its compose service.',
  messages: {
    missing: '`{{path}}` runs a service but declares no `HEALTHCHECK`, so Docker cannot tell a hung server from a healthy one',
    present: 'The image declares a health check (`HEALTHCHECK {{command}}`)',
    inCompose: 'Compose service `{{service}}` declares a health check',
  },
  questions: {
    missing: '`{{path}}` has no health check. How would an orchestrator know the model finished loading and the API can take traffic?',
  },
  *run({ facts }) {
    const composeChecks = composeServices(facts).filter((s) => s.data['healthcheck'] !== undefined && s.data['healthcheck'] !== null);
    // Compose services built here with their own health check, or Kubernetes probes, do the same job.
    const checkedElsewhere = composeChecks.some((s) => s.data['build'] !== undefined) || kubernetesContainers(facts).some((c) => c.data['readinessProbe'] || c.data['livenessProbe']);
    for (const service of composeChecks) {
      const disabled = JSON.stringify(service.data['healthcheck']).includes('"disable":true');
      const evidence = service.document.evidenceFor(['services', service.name, 'healthcheck']);
      if (!disabled && evidence) yield { kind: 'strength', messageId: 'inCompose', evidence: [evidence], data: { service: service.name } };
    }
    for (const dockerfile of facts.dockerfiles) {
      const stage = finalStage(dockerfile);
      if (!stage) continue;
      const healthcheck = stage.instructions.filter((i) => i.keyword === 'HEALTHCHECK').at(-1);
      if (healthcheck && !/^NONE\b/i.test(healthcheck.args)) {
        const command = healthcheck.args.length > 60 ? `${healthcheck.args.slice(0, 59)}…` : healthcheck.args;
        yield { kind: 'strength', messageId: 'present', evidence: [healthcheck.evidence], data: { command } };
      } else if (!healthcheck && !checkedElsewhere && isServiceStage(stage)) {
        const server = startInstructions(stage).at(-1) ?? stage.instructions.find((i) => i.keyword === 'EXPOSE') ?? stage.fromInstruction;
        yield { kind: 'concern', messageId: 'missing', evidence: [server.evidence], data: { path: dockerfile.path } };
      }
    }
  },
});
