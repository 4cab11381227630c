import { callsInPackages, containerImages, decoratedFunctions, imageIs, packageCallsTo } from '../facts/queries/production.js';
import { calleeMatches } from '../facts/query.js';
import type { Facts } from '../facts/types.js';
import { EvidenceMap } from './evidence-map.js';
import { productionItems } from './production-items.js';
import { ORCHESTRATION } from './signals.js';
import type { StackItem } from './types.js';

/** Decorators that declare a pipeline (a DAG, a flow, a job, an asset). */
const PIPELINE_DECORATORS: readonly [string, readonly string[]][] = [
  ['airflow', ['airflow.decorators.dag', 'airflow.sdk.dag']],
  ['prefect', ['prefect.flow']],
  ['dagster', ['dagster.asset', 'dagster.multi_asset', 'dagster.job', 'dagster.graph', 'dagster.graph_asset']],
  ['kubeflow', ['kfp.dsl.pipeline', 'kfp.v2.dsl.pipeline']],
];
/** Decorators that declare one step of a pipeline. */
const STEP_DECORATORS: readonly [string, readonly string[]][] = [
  ['airflow', ['airflow.decorators.task', 'airflow.sdk.task']],
  ['prefect', ['prefect.task']],
  ['dagster', ['dagster.op', 'dagster.schedule', 'dagster.sensor']],
  ['kubeflow', ['kfp.dsl.component', 'kfp.dsl.container_component', 'kfp.v2.dsl.component']],
  ['argo-workflows', ['hera.workflows.script', 'hera.workflows.container']],
];
/** Calls that build a pipeline: a DAG, its operators, a job or a workflow. */
const CALLS: readonly [string, readonly string[]][] = [
  ['airflow', ['airflow.DAG', 'airflow.models.DAG', 'airflow.models.dag.DAG', 'airflow.sdk.DAG']],
  ['dagster', ['dagster.Definitions', 'dagster.define_asset_job', 'dagster.ScheduleDefinition']],
  ['kubeflow', ['kfp.compiler.Compiler', 'kfp.Client', 'kfp.components.create_component_from_func', 'kfp.components.load_component_from_file']],
  ['luigi', ['luigi.build', 'luigi.run']],
  ['argo-workflows', ['hera.workflows.Workflow', 'hera.workflows.WorkflowTemplate', 'hera.workflows.CronWorkflow', 'hera.workflows.DAG']],
];
const LUIGI_BASES = ['luigi.Task', 'luigi.WrapperTask', 'luigi.ExternalTask'];
const ARGO_KINDS = new Set(['Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate', 'CronWorkflow']);
const IMAGES: readonly [string, readonly string[]][] = [
  ['airflow', ['apache/airflow']],
  ['prefect', ['prefecthq/prefect']],
  ['dagster', ['dagster/dagster-k8s', 'dagster/dagster-celery-k8s', 'dagster/user-code-example']],
];

/**
 * `stack.orchestration`: Airflow DAGs and operators, Prefect flows and tasks, Dagster assets and
 * jobs, Kubeflow pipelines and components, Luigi tasks, Argo Workflows manifests (or Hera code),
 * and orchestrator images in compose or Kubernetes.
 */
export function detectOrchestration(facts: Facts): StackItem[] {
  const found = new EvidenceMap();
  const steps = new EvidenceMap();
  for (const [id, decorators] of PIPELINE_DECORATORS) for (const { fn } of decoratedFunctions(facts, decorators)) found.add(id, fn.evidence);
  for (const [id, decorators] of STEP_DECORATORS) for (const { fn } of decoratedFunctions(facts, decorators)) steps.add(id, fn.evidence);
  for (const [id, patterns] of CALLS) for (const call of packageCallsTo(facts, patterns)) found.add(id, call.evidence);
  // Airflow operators and sensors: `BashOperator(...)`, provider operators.
  for (const call of callsInPackages(facts, ['airflow'])) {
    if (/^airflow\.(operators|providers|sensors)\./.test(call.callee) && /(Operator|Sensor)$/.test(call.name)) steps.add('airflow', call.evidence);
  }
  for (const m of facts.python) {
    for (const cls of m.classes) if (cls.bases.some((b) => LUIGI_BASES.some((p) => calleeMatches(b, p)))) found.add('luigi', cls.evidence);
  }
  for (const doc of facts.configs) {
    if (doc.format !== 'yaml' || !doc.data || typeof doc.data !== 'object' || Array.isArray(doc.data)) continue;
    const { apiVersion, kind } = doc.data;
    if (typeof apiVersion === 'string' && apiVersion.startsWith('argoproj.io/') && typeof kind === 'string' && ARGO_KINDS.has(kind)) {
      found.add('argo-workflows', doc.evidenceFor(['kind']));
    }
  }
  for (const { image, evidence } of containerImages(facts)) {
    for (const [id, repositories] of IMAGES) if (imageIs(image, repositories)) found.add(id, evidence);
  }
  return productionItems(facts, [found, steps], ORCHESTRATION);
}
