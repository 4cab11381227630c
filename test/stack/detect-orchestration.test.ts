import { describe, expect, it } from 'vitest';
import { itemsAt } from '../helpers/review-fixture.js';
import { reviewFiles } from '../helpers/review-files.js';

describe('stack.orchestration', () => {
  it.each<{ name: string; files: Record<string, string>; expected: Record<string, string> }>([
    {
      name: 'an Airflow DAG with an operator: the DAG, not the import',
      files: {
        'dags/reindex.py': [
          'from datetime import datetime',
          'from airflow import DAG',
          'from airflow.operators.python import PythonOperator',
          '',
          'with DAG("reindex", start_date=datetime(2024, 1, 1), schedule="@daily") as dag:',
          '    PythonOperator(task_id="embed", python_callable=print)',
        ].join('\n'),
      },
      expected: { airflow: 'dags/reindex.py:5' },
    },
    {
      name: 'an Airflow TaskFlow DAG',
      files: {
        'dags/etl.py': ['from airflow.decorators import dag, task', '', '@task', 'def load():', '    return 1', '', '@dag(schedule=None)', 'def etl():', '    load()'].join('\n'),
      },
      expected: { airflow: 'dags/etl.py:8' },
    },
    {
      name: 'a Prefect flow is shown before its tasks',
      files: {
        'flows/ingest.py': ['from prefect import flow, task', '', '@task(retries=2)', 'def embed(doc):', '    return doc', '', '@flow(name="ingest")', 'def ingest():', '    embed("a")'].join('\n'),
      },
      expected: { prefect: 'flows/ingest.py:8' },
    },
    {
      name: 'Dagster assets and definitions',
      files: { 'pipeline/assets.py': ['from dagster import Definitions, asset', '', '@asset', 'def documents():', '    return []', '', 'defs = Definitions(assets=[documents])'].join('\n') },
      expected: { dagster: 'pipeline/assets.py:4' },
    },
    {
      name: 'a Kubeflow pipeline through an aliased dsl module',
      files: {
        'kfp_pipeline.py': ['from kfp import dsl', '', '@dsl.component', 'def chunk(text: str) -> str:', '    return text', '', '@dsl.pipeline(name="rag-index")', 'def index(text: str):', '    chunk(text=text)'].join('\n'),
      },
      expected: { kubeflow: 'kfp_pipeline.py:8' },
    },
    {
      name: 'a Luigi task class',
      files: { 'tasks.py': ['import luigi', '', '', 'class Embed(luigi.Task):', '    def run(self):', '        pass'].join('\n') },
      expected: { luigi: 'tasks.py:4' },
    },
    {
      name: 'an Argo Workflows manifest',
      files: { 'argo/reindex.yaml': 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  generateName: reindex-\nspec:\n  entrypoint: main\n' },
      expected: { 'argo-workflows': 'argo/reindex.yaml:2' },
    },
    {
      name: 'Airflow run from its image in compose',
      files: { 'docker-compose.yml': 'services:\n  scheduler:\n    image: apache/airflow:2.9.2\n    command: scheduler\n' },
      expected: { airflow: 'docker-compose.yml:3' },
    },
    {
      name: 'an orchestrator only imported keeps its import line',
      files: { 'run.py': 'import prefect\n\nprint(prefect.__version__)\n' },
      expected: { prefect: 'run.py:1' },
    },
    {
      name: 'an orchestrator only declared is listed as declared',
      files: { 'requirements.txt': 'dagster==1.7.0\napache-airflow==2.9.2\n', 'main.py': 'print("hi")\n' },
      expected: { 'dagster (declared)': 'requirements.txt:1', 'airflow (declared)': 'requirements.txt:2' },
    },
    {
      name: 'negative: decorators named flow/task from the candidate’s own module, an Argo CD Application',
      files: {
        'app/jobs.py': ['from .decorators import flow, task', '', '@task', 'def step():', '    pass', '', '@flow', 'def run():', '    step()'].join('\n'),
        'deploy/app.yaml': 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: rag\n',
      },
      expected: {},
    },
  ])('$name', async ({ files, expected }) => {
    const { stack } = await reviewFiles(files);
    expect(itemsAt(stack.orchestration)).toEqual(expected);
  });
});
