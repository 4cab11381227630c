import { defineCheck } from '../../src/engine/define-check.js';
import { isTestPath, plainCallee } from '../../src/facts/query.js';
import { valueAt } from '../../src/facts/queries/docker.js';
import { callsInFunction, decoratedWith, kubernetesObjects, pipelines, scalar, type Pipeline } from '../../src/facts/queries/ops.js';
import type { Evidence } from '../../src/types.js';

const TASK_DECORATOR = /^(prefect\.task|airflow\.decorators\.task(\.\w+)?|airflow\.sdk\.task|dagster\.(op|asset)|zenml\.step|kfp\.(v2\.)?dsl\.component|metaflow\.step)$/;
const KIND: Record<Pipeline['orchestrator'], string> = {
  Prefect: 'flow', Airflow: 'DAG', Dagster: 'job', 'Kubeflow Pipelines': 'pipeline', Luigi: 'task', 'Argo Workflows': 'workflow', Metaflow: 'flow', ZenML: 'pipeline',
};
const SCHEDULE_KWARGS = ['cron', 'interval', 'rrule', 'schedule', 'schedule_interval', 'cron_schedule'];

interface Found {
  text: string;
  evidence: Evidence;
}

export default defineCheck({
  id: 'ops/orchestrated-pipeline',
  docs: 'Reports data and ML pipelines run by an orchestrator (Prefect flows, Airflow DAGs, Dagster jobs and assets, Kubeflow, Argo, Metaflow, ZenML, Luigi) with the steps they run, their schedule and the retries of failed steps.',
  messages: {
    pipeline: '{{orchestrator}} {{kind}} `{{name}}` runs {{steps}}',
    scheduled: 'The pipeline runs on a schedule: {{schedule}}',
    retries: 'Failed pipeline steps are retried: {{how}}',
  },
  questions: {
    pipeline: 'If the {{orchestrator}} {{kind}} `{{name}}` fails halfway through, can it be re-run safely — without duplicating or losing what it already wrote?',
  },
  *run({ facts }) {
    const all = pipelines(facts);
    const tasks = decoratedWith(facts, TASK_DECORATOR);
    const taskNames = new Set(tasks.map((t) => t.name));
    const reported = new Set<string>();
    for (const pipeline of all) {
      const key = `${pipeline.orchestrator}:${pipeline.evidence.path}`;
      if (reported.has(key)) continue;
      reported.add(key);
      let steps: string[] = [];
      if (pipeline.fn && pipeline.module) {
        for (const call of callsInFunction(pipeline.fn, pipeline.module)) {
          const name = taskNames.has(call.name) ? call.name : call.raw.split('.')[0]!;
          if (taskNames.has(name) && !steps.includes(name)) steps.push(name);
        }
      } else if (pipeline.orchestrator === 'Airflow' && pipeline.module) {
        steps = pipeline.module.calls.filter((c) => /Operator$|Sensor$/.test(c.name) && typeof c.kwargs['task_id']?.literal === 'string').map((c) => c.kwargs['task_id']!.literal as string);
      }
      const others = all.filter((p) => p !== pipeline && `${p.orchestrator}:${p.evidence.path}` === key).map((p) => `\`${p.name}\``);
      const shown = steps.length ? steps.slice(0, 6).map((s) => `\`${s}\``).join(' → ') : others.length ? `with ${others.slice(0, 3).join(', ')}` : 'the pipeline';
      yield { kind: 'strength', messageId: 'pipeline', evidence: [pipeline.evidence], data: { orchestrator: pipeline.orchestrator, kind: KIND[pipeline.orchestrator], name: pipeline.name, steps: shown } };
    }
    if (!all.length) return;

    const schedules: Found[] = [];
    const retries: Found[] = [];
    for (const module of facts.python) {
      if (isTestPath(module.path)) continue;
      for (const call of module.calls) {
        const plain = plainCallee(call.callee);
        // The orchestrator's own API, or `flow.serve(cron=…)` / `flow.deploy(…)` on one of the flows.
        const served = /\.(serve|deploy|to_deployment)$/.test(plain) && all.some((p) => p.fn?.name === call.raw.split('.')[0]);
        const orchestrated = /^(prefect|airflow|dagster|zenml|kfp|metaflow)\./.test(plain) || served;
        if (!orchestrated) continue;
        const schedule = SCHEDULE_KWARGS.find((k) => call.kwargs[k] && call.kwargs[k]!.kind !== 'none');
        if (schedule) schedules.push({ text: `\`${schedule}=${call.kwargs[schedule]!.text.slice(0, 60)}\``, evidence: call.evidence });
        if (/^dagster\.(ScheduleDefinition|schedule|sensor)$/.test(plain) && !schedule) schedules.push({ text: `a Dagster ${call.name}`, evidence: call.evidence });
        const retry = call.kwargs['retries'] ?? call.kwargs['max_retries'] ?? call.kwargs['retry_policy'];
        if (retry && retry.literal !== 0) retries.push({ text: `\`${call.raw}(${Object.entries(call.kwargs).filter(([k]) => /retr/.test(k)).map(([k, v]) => `${k}=${v.text}`).join(', ')})\``, evidence: call.evidence });
      }
      // Airflow's `default_args = {"retries": 2, ...}`.
      if (module.imports.some((i) => i.module.startsWith('airflow'))) {
        const pair = module.pairs.find((p) => p.key === 'retries' && typeof p.value.literal === 'number' && p.value.literal > 0);
        if (pair) retries.push({ text: `\`"retries": ${pair.value.text}\` in the DAG's default arguments`, evidence: pair.evidence });
      }
    }
    for (const object of kubernetesObjects(facts, new Set(['CronWorkflow', 'CronJob']))) {
      const schedule = valueAt(object.data, ['spec', 'schedule']);
      if (schedule !== undefined) schedules.push({ text: `${object.kind} \`${object.name}\` at \`${scalar(schedule)}\``, evidence: object.document.evidenceFor(['spec', 'schedule']) ?? object.evidence });
    }
    for (const document of facts.configs) {
      if (!/(^|\/)prefect\.ya?ml$/.test(document.path)) continue;
      const cron = document.leaves.find((l) => l.key.at(-1) === 'cron' || l.key.at(-1) === 'interval');
      if (cron) schedules.push({ text: `\`${String(cron.key.at(-1))}: ${scalar(cron.value)}\` in \`${document.path}\``, evidence: cron.evidence });
    }
    const [schedule] = schedules;
    if (schedule) yield { kind: 'strength', messageId: 'scheduled', evidence: [schedule.evidence], data: { schedule: schedules.slice(0, 2).map((s) => s.text).join(', ') } };
    const [retry] = retries;
    if (retry) yield { kind: 'strength', messageId: 'retries', evidence: [retry.evidence, ...retries.slice(1, 3).map((r) => r.evidence)], data: { how: retries.slice(0, 2).map((r) => r.text).join(', ') } };
  },
});
