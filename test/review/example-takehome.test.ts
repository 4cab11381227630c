import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/render/render-json.js';
import type { Evidence } from '../../src/types.js';
import { at, itemsAt, reviewFolder } from '../helpers/review-fixture.js';

const SKIP_REASONS = ['binary', 'too-large', 'symlink', 'submodule', 'vendored', 'ignored', 'missing-blob', 'unreadable', 'parse-error', 'limit'];

/** Every Evidence object anywhere in the document. */
function allEvidence(value: unknown, out: Evidence[] = []): Evidence[] {
  if (Array.isArray(value)) value.forEach((v) => allEvidence(v, out));
  else if (value && typeof value === 'object') {
    if ('path' in value && 'line' in value && 'snippet' in value) out.push(value as Evidence);
    else Object.values(value).forEach((v) => allEvidence(v, out));
  }
  return out;
}

describe('the bundled example take-home (README quick start)', async () => {
  const report = await reviewFolder('examples/rag-takehome');
  const json = JSON.parse(renderJson(report));

  it('lists the RAG stack with the lines that prove it', () => {
    const { stack } = report;
    expect(itemsAt(stack.vectorStores)).toEqual({ chroma: 'rag_service/ingest.py:11' });
    expect(itemsAt(stack.libraries)).toEqual({ ollama: 'rag_service/generator.py:21', 'sentence-transformers': 'rag_service/ingest.py:13' });
    expect(itemsAt(stack.models)).toEqual({ 'sentence-transformers/all-MiniLM-L6-v2': 'rag_service/config.py:11', 'llama3.2': 'rag_service/config.py:12' });
    expect(itemsAt(stack.apiFrameworks)).toEqual({ fastapi: 'rag_service/api.py:9' });
    expect(stack.apiFrameworks[0]!.evidence.map(at)).toContain('rag_service/api.py:57');
    expect(itemsAt(stack.containers)).toEqual({ dockerfile: 'Dockerfile:1', 'docker-compose': 'docker-compose.yml:1' });
    expect(itemsAt(stack.ci)).toEqual({ 'github-actions': '.github/workflows/ci.yml:1' });
    expect(itemsAt(stack.testFrameworks)).toEqual({ pytest: 'tests/conftest.py:1' });
    expect(report.tests.count).toBe(9);
    expect(stack.rag!.embeddings.map(at)).toContain('rag_service/ingest.py:103');
    expect(stack.rag!.retrieval.map(at)).toContain('rag_service/retriever.py:34');
    expect(at(stack.rag!.promptTemplate[0])).toBe('rag_service/prompt.py:13');
    expect(at(stack.rag!.chunking[0])).toBe('rag_service/ingest.py:33');
    expect(stack.rag!.reranking).toEqual([]);
    expect(stack.evaluation.map(at)).toContain('rag_service/evaluate.py:75');
    expect(stack.fineTuning).toEqual([]);
    expect(stack.secrets).toEqual([]);
  });

  it('matches the JSON contract (schemaVersion 1)', () => {
    expect(json.schemaVersion).toBe(1);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['target', 'stack', 'tests', 'findings']));
    expect(json.target).toMatchObject({ source: 'examples/rag-takehome', commit: null, base: null, files: 27 });
    expect(json.target.languages).toMatchObject({ python: expect.any(Number), notebook: expect.any(Number), typescript: 0 });
    for (const key of ['libraries', 'fineTuning', 'vectorStores', 'models', 'apiFrameworks', 'testFrameworks', 'containers', 'ci']) {
      for (const item of json.stack[key]) {
        expect(Object.keys(item)).toEqual(expect.arrayContaining(['id', 'evidence']));
        expect(item.evidence.length).toBeGreaterThan(0);
      }
    }
    for (const key of ['chunking', 'embeddings', 'retrieval', 'reranking', 'promptTemplate']) expect(Array.isArray(json.stack.rag[key])).toBe(true);
    for (const skipped of json.target.skipped) expect(SKIP_REASONS).toContain(skipped.reason);
    for (const e of allEvidence(json)) {
      expect(e.line).toBeGreaterThanOrEqual(1);
      expect(typeof e.snippet).toBe('string');
      expect(e.path).not.toMatch(/^\/|\.\./);
    }
  });

  it('points notebook evidence at the cell and the line through code cells', () => {
    const notebookLines = report.stack.libraries.flatMap((l) => l.evidence).filter((e) => e.path.endsWith('.ipynb'));
    expect(notebookLines).toContainEqual({ path: 'notebooks/exploration.ipynb', line: 25, cell: 10, snippet: 'from sentence_transformers import SentenceTransformer' });
  });
});
