import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import type { RubricResult } from '../../src/scoring/evaluate-rubric.js';
import { at, reviewFolder } from '../helpers/review-fixture.js';
import { reviewFiles } from '../helpers/review-files.js';

const statusOf = (items: RubricResult[]) =>
  Object.fromEntries(items.map((i) => [i.id, `${i.status}${i.evidence[0] ? ` @ ${at(i.evidence[0])}` : ''}`]));

describe('the take-home rubric', () => {
  it('decides every item of the reference assignment for the bundled example', async () => {
    const { rubric } = await reviewFolder('examples/rag-takehome');
    expect(rubric.role).toBe('ml-engineer');
    expect(statusOf(rubric.items)).toEqual({
      'vector-db': 'met @ rag_service/ingest.py:11',
      'rag-open-source-llm': 'met @ rag_service/pipeline.py:17',
      'api-endpoint': 'met @ rag_service/api.py:9',
      evaluation: 'met @ rag_service/evaluate.py:75',
      report: 'met @ REPORT.md:29',
    });
  });

  it('says partly met and not found, with what it looked for', async () => {
    const { rubric } = await reviewFiles({
      'rag.py': [
        'import chromadb',
        'from openai import OpenAI',
        'client = chromadb.Client()',
        'docs = client.get_or_create_collection("docs")',
        'def answer(q):',
        '    hits = docs.query(query_texts=[q], n_results=3)',
        '    return OpenAI().chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": str(hits)}])',
      ].join('\n'),
      'README.md': '# RAG demo\nRun `python rag.py`.\n',
    });
    expect(statusOf(rubric.items)).toEqual({
      'vector-db': 'partial @ rag.py:1',
      'rag-open-source-llm': 'partial @ rag.py:6',
      'api-endpoint': 'not-found',
      evaluation: 'not-found',
      report: 'not-found',
    });
    expect(rubric.items.find((i) => i.id === 'api-endpoint')?.lookedFor).toMatch(/route handler in FastAPI/);
  });

  it('follows a team’s own assignment from configuration', async () => {
    const config = loadConfig(
      [
        'role: mlops-engineer',
        'rubric:',
        '  items:',
        '    - id: containerised',
        '      title: The service runs in a container',
        '      lookedFor: a Dockerfile',
        '      met: [{ stack: containers, ids: [dockerfile] }]',
        '    - id: ci',
        '      title: CI runs the tests',
        '      lookedFor: a CI workflow that runs pytest',
        '      met: [{ stack: ci }, { file: "^\\\\.github/workflows/", contains: "pytest" }]',
        '      partial: [{ stack: ci }]',
      ].join('\n'),
      'team.yml',
    );
    const { rubric } = await reviewFiles(
      { Dockerfile: 'FROM python:3.12-slim\n', '.github/workflows/ci.yml': 'on: push\njobs:\n  t:\n    steps:\n      - run: ruff check .\n' },
      { config },
    );
    expect(rubric.role).toBe('mlops-engineer');
    expect(statusOf(rubric.items)).toEqual({ containerised: 'met @ Dockerfile:1', ci: 'partial @ .github/workflows/ci.yml:1' });
  });
});

describe('loadConfig', () => {
  it.each([
    ['role: wizard', /^team\.yml: role: Invalid option/],
    ['rubric:\n  items: []', /^team\.yml: rubric\.items: Too small/],
    ['rubric:\n  items:\n    - id: X Y\n      title: t\n      lookedFor: l\n      met: [{ stack: models }]', /^team\.yml: rubric\.items\.0\.id: kebab-case id/],
    ['rubric:\n  items:\n    - id: a\n      title: t\n      lookedFor: l\n      met: [{ file: "(" }]', /^team\.yml: rubric\.items\.0\.met\.0/],
    ['colour: blue', /^team\.yml: colour: unknown key$/],
    [`a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [${'*a, '.repeat(9)}*a]\nc: &c [${'*b, '.repeat(9)}*b]\nd: [${'*c, '.repeat(9)}*c]`, /^team\.yml: invalid YAML: Excessive alias count/],
    [': : :', /^team\.yml: invalid YAML/],
  ])('rejects %j with one line naming the path', (text, message) => {
    expect(() => loadConfig(text, 'team.yml')).toThrow(message);
  });

  it('defaults to the reference assignment', () => {
    expect(loadConfig('', 'empty.yml').rubric.items.map((i) => i.id)).toEqual(['vector-db', 'rag-open-source-llm', 'api-endpoint', 'evaluation', 'report']);
  });
});
