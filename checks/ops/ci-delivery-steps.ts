import { defineCheck } from '../../src/engine/define-check.js';
import { isMap, valueAt } from '../../src/facts/queries/docker.js';
import { at } from '../../src/facts/queries/ops.js';
import { ciCommands, ciDocuments, type CiCommand } from '../../src/facts/queries/tests.js';
import type { ConfigDocument, Literal } from '../../src/facts/types.js';
import type { Evidence } from '../../src/types.js';

const IMAGE_BUILD = /\bdocker\s+(buildx\s+)?build\b|\bdocker\s+compose\s+build\b|\bdocker-compose\s+build\b|\bbuildah\s+(bud|build)\b|\bkaniko\b|\bgcloud\s+builds\s+submit\b|\bpack\s+build\b/;
const IMAGE_ACTION = /^(docker\/build-push-action|redhat-actions\/buildah-build|aws-actions\/amazon-ecr-login|google-github-actions\/deploy-cloudrun)@/;
const IMAGE_PUSH = /\bdocker\s+push\b|--push\b/;
const DEPLOY = /\bkubectl\s+(apply|set\s+image|rollout\s+restart)\b|\bhelm\s+(upgrade|install)\b|\bargocd\s+app\s+sync\b|\bkustomize\s+build\b.*\|\s*kubectl|\bgcloud\s+run\s+deploy\b|\bfly(ctl)?\s+deploy\b|\baws\s+ecs\s+update-service\b|\baz\s+containerapp\s+update\b|\bmodal\s+deploy\b|\bbentoml\s+deploy\b|\bskaffold\s+run\b/;
const DEPLOY_ACTION = /^(azure\/k8s-deploy|azure\/webapps-deploy|google-github-actions\/deploy-cloudrun|aws-actions\/amazon-ecs-deploy-task-definition|superfly\/flyctl-actions)@/;
/** Commands that re-run the data pipeline: DVC stages, an orchestrator run, or the candidate's own ingestion script. */
const DATA_PIPELINE = /\bdvc\s+(repro|exp\s+run)\b|\bprefect\s+deployment\s+run\b|\bairflow\s+dags\s+trigger\b|\bdagster\s+(job\s+execute|asset\s+materialize)\b|\bpython3?\s+(-m\s+)?\S*(reindex|re_index|ingest|index_docs|build_index|embed_docs|pipeline|etl)\S*/;

/** What starts the pipeline: paths that change, a schedule, or any push. */
function triggerOf(document: ConfigDocument): { text: string; evidence: Evidence | undefined } {
  const on = valueAt(document.data, ['on']);
  const pathsOf = (value: Literal | undefined) => (Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : []);
  const paths = [...pathsOf(valueAt(on, ['push', 'paths'])), ...pathsOf(valueAt(on, ['pull_request', 'paths']))];
  if (paths.length) return { text: `when ${paths.slice(0, 3).map((p) => `\`${p}\``).join(' or ')} change${paths.length === 1 ? 's' : ''}`, evidence: document.evidenceFor(['on', 'push', 'paths']) ?? document.evidenceFor(['on']) };
  const schedule = valueAt(on, ['schedule']);
  const cron = Array.isArray(schedule) ? schedule.find((s) => isMap(s) && typeof s['cron'] === 'string') : undefined;
  if (isMap(cron)) return { text: `on a schedule (\`${String(cron['cron'])}\`)`, evidence: document.evidenceFor(['on', 'schedule']) };
  return { text: 'in CI', evidence: undefined };
}

export default defineCheck({
  id: 'ops/ci-delivery-steps',
  docs: 'Reports what CI delivers beyond tests: a container image built (and pushed), a deployment step, and the data pipeline re-run (re-indexing the documents) with what triggers it; and a containerised service whose CI never builds its image.',
  messages: {
    buildsImage: 'CI builds the container image{{push}}: `{{command}}`',
    deploys: 'CI deploys the service: `{{command}}`',
    rerunsPipeline: 'CI re-runs the data pipeline {{trigger}}: `{{command}}`',
    imageNotBuilt: 'The service is containerised (`{{dockerfile}}`) but the CI in `{{ci}}` never builds the image',
  },
  questions: {
    rerunsPipeline: 'CI re-runs the data pipeline {{trigger}} (`{{at}}`) — how long does a re-index take, and what do users get while it runs or if it fails halfway?',
    imageNotBuilt: 'Your CI in `{{ci}}` never builds the image from `{{dockerfile}}` — how does a change reach production, and how do you know the image still builds?',
  },
  *run({ facts }) {
    const documents = ciDocuments(facts);
    if (!documents.length) return;
    const commands = ciCommands(facts);
    const short = (c: CiCommand) => (c.text.length > 80 ? `${c.text.slice(0, 79)}…` : c.text);
    const build = commands.find((c) => (c.uses ? IMAGE_ACTION.test(c.text) : IMAGE_BUILD.test(c.text)));
    if (build) {
      const pushes = commands.some((c) => !c.uses && IMAGE_PUSH.test(c.text)) || facts.configs.some((d) => documents.includes(d) && d.leaves.some((l) => l.key.at(-1) === 'push' && l.value === true));
      yield { kind: 'strength', messageId: 'buildsImage', evidence: [build.evidence], data: { command: short(build), push: pushes ? ' and pushes it to a registry' : '' } };
    }
    const deploy = commands.find((c) => (c.uses ? DEPLOY_ACTION.test(c.text) : DEPLOY.test(c.text)));
    if (deploy) yield { kind: 'strength', messageId: 'deploys', evidence: [deploy.evidence], data: { command: short(deploy) } };
    const pipeline = commands.find((c) => !c.uses && DATA_PIPELINE.test(c.text));
    if (pipeline) {
      const document = documents.find((d) => d.path === pipeline.evidence.path)!;
      const trigger = triggerOf(document);
      yield { kind: 'strength', messageId: 'rerunsPipeline', evidence: [pipeline.evidence, ...(trigger.evidence ? [trigger.evidence] : [])], data: { command: short(pipeline), trigger: trigger.text, at: at(pipeline.evidence) } };
    }
    const dockerfile = facts.dockerfiles[0];
    const ci = documents[0]!;
    const ciEvidence = ci.evidenceFor(['jobs']) ?? ci.evidenceFor(['stages']) ?? ci.leaves[0]?.evidence;
    if (!build && dockerfile && ciEvidence) {
      yield { kind: 'info', messageId: 'imageNotBuilt', evidence: [ciEvidence], data: { dockerfile: dockerfile.path, ci: ci.path } };
    }
  },
});
