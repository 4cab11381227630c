import { describe, expect, it } from 'vitest';
import check from '../../../checks/ops/orchestrated-pipeline.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const PREFECT = [
  'from prefect import flow, task',
  '',
  '@task(retries=3, retry_delay_seconds=10)',
  'def load() -> list[str]:',
  '    return []',
  '',
  '@task',
  'def upsert(docs: list[str]) -> int:',
  '    return len(docs)',
  '',
  '@flow(name="reindex-docs")',
  'def reindex() -> None:',
  '    docs = load()',
  '    upsert.submit(docs)',
  '',
  'if __name__ == "__main__":',
  '    reindex.serve(name="nightly", cron="0 2 * * *")',
  '',
].join('\n');

const AIRFLOW = [
  'from datetime import datetime',
  'from airflow import DAG',
  'from airflow.operators.python import PythonOperator',
  '',
  'default_args = {"owner": "data", "retries": 2}',
  '',
  'with DAG("ingest_docs", schedule="@daily", start_date=datetime(2024, 1, 1), default_args=default_args) as dag:',
  '    extract = PythonOperator(task_id="extract", python_callable=print)',
  '    embed = PythonOperator(task_id="embed", python_callable=print)',
  '    extract >> embed',
  '',
].join('\n');

describe('ops/orchestrated-pipeline', () => {
  it.each<CheckRow>([
    {
      name: 'a Prefect flow with tasks, retries and a cron schedule',
      files: { 'flows/reindex.py': PREFECT },
      expected: [
        { kind: 'strength', messageId: 'pipeline', at: 'flows/reindex.py:11' },
        { kind: 'strength', messageId: 'scheduled', at: 'flows/reindex.py:17' },
        { kind: 'strength', messageId: 'retries', at: 'flows/reindex.py:3' },
      ],
    },
    {
      name: 'an Airflow DAG with operators and default retries',
      files: { 'dags/ingest.py': AIRFLOW },
      expected: [
        { kind: 'strength', messageId: 'pipeline', at: 'dags/ingest.py:7' },
        { kind: 'strength', messageId: 'scheduled', at: 'dags/ingest.py:7' },
        { kind: 'strength', messageId: 'retries', at: 'dags/ingest.py:5' },
      ],
    },
    {
      name: 'an Argo CronWorkflow',
      files: { 'argo/reindex.yaml': 'apiVersion: argoproj.io/v1alpha1\nkind: CronWorkflow\nmetadata: { name: reindex }\nspec:\n  schedule: "0 3 * * *"\n  workflowSpec: {}\n' },
      expected: [
        { kind: 'strength', messageId: 'pipeline', at: 'argo/reindex.yaml:2' },
        { kind: 'strength', messageId: 'scheduled', at: 'argo/reindex.yaml:5' },
      ],
    },
    {
      name: 'a plain script and a Kubernetes CronJob without any orchestrated pipeline',
      files: { 'ingest.py': 'def main():\n    pass\n\nif __name__ == "__main__":\n    main()\n', 'k8s/cron.yaml': 'apiVersion: batch/v1\nkind: CronJob\nmetadata: { name: backup }\nspec:\n  schedule: "0 1 * * *"\n' },
      expected: [],
    },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('lists the steps the flow runs, the schedule and the retries', async () => {
    const [pipeline, schedule, retries] = await findingsOf(check, { 'flows/reindex.py': PREFECT });
    expect(pipeline!.message).toBe('Prefect flow `reindex-docs` runs `load` → `upsert`');
    expect(schedule!.message).toBe('The pipeline runs on a schedule: `cron="0 2 * * *"`');
    expect(retries!.message).toBe('Failed pipeline steps are retried: `task(retries=3, retry_delay_seconds=10)`');
    const [dag] = await findingsOf(check, { 'dags/ingest.py': AIRFLOW });
    expect(dag!.message).toBe('Airflow DAG `ingest_docs` runs `extract` → `embed`');
  });
});
