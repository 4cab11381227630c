import { describe, expect, it } from 'vitest';
import { at, itemsAt, reviewFixture } from '../helpers/review-fixture.js';
import { reviewFiles } from '../helpers/review-files.js';

describe('stack detection over fixture repositories', () => {
  it('a notebook-only QLoRA fine-tune: libraries from cells and !pip, qlora, LoRA values, model, no RAG', async () => {
    const { stack, target } = await reviewFixture('peft-qlora-notebook');
    const nb = 'finetune.ipynb';
    expect(itemsAt(stack.libraries)).toMatchObject({
      torch: `${nb}:2`,
      datasets: `${nb}:3`,
      transformers: `${nb}:4`,
      peft: `${nb}:5`,
      trl: `${nb}:6`,
      'bitsandbytes (declared)': `${nb}:1`,
    });
    expect(stack.libraries.find((l) => l.id === 'openai')).toBeUndefined();
    expect(itemsAt(stack.fineTuning)).toEqual({ qlora: `${nb}:10`, lora: `${nb}:19`, sft: `${nb}:21` });
    expect(stack.lora).toMatchObject({ r: 16, alpha: 32, targetModules: ['q_proj', 'v_proj'], dropout: 0.05 });
    expect(stack.lora?.evidence[0]).toEqual({ path: nb, line: 19, cell: 6, snippet: expect.stringContaining('LoraConfig(r=16') });
    expect(itemsAt(stack.models)).toEqual({ 'meta-llama/Llama-2-7b-hf': `${nb}:8` });
    expect(stack.rag).toBeNull();
    expect(target.languages.notebook).toBeGreaterThan(15);
  });

  it('aliased imports resolve to the libraries and models they stand for', async () => {
    const { stack } = await reviewFixture('aliased-imports');
    expect(itemsAt(stack.libraries)).toMatchObject({ transformers: 'model.py:1', torch: 'model.py:2', 'sentence-transformers': 'model.py:3', langchain: 'model.py:4' });
    expect(itemsAt(stack.vectorStores)).toEqual({ faiss: 'model.py:4' });
    expect(itemsAt(stack.models)).toEqual({ 'distilbert-base-uncased': 'model.py:6', 'sentence-transformers/all-mpnet-base-v2': 'model.py:8' });
  });

  it('LoRA set in a YAML training config is the candidate’s LoRA', async () => {
    const { stack } = await reviewFixture('lora-yaml-config');
    expect(stack.lora).toMatchObject({ r: 32, alpha: 64, dropout: 0.05, targetModules: ['q_proj', 'k_proj', 'v_proj'] });
    expect(at(stack.lora?.evidence[0])).toBe('configs/train.yaml:4');
    expect(itemsAt(stack.fineTuning)).toEqual({ lora: 'configs/train.yaml:3' });
    expect(itemsAt(stack.models)).toEqual({ 'mistralai/Mistral-7B-v0.1': 'configs/train.yaml:2' });
    expect(itemsAt(stack.libraries)).toEqual({ 'accelerate (declared)': 'requirements.txt:2' });
  });

  it('LoRA values passed as module constants resolve to their values', async () => {
    const { stack } = await reviewFixture('lora-constants');
    expect(stack.lora).toMatchObject({ r: 8, alpha: 16, targetModules: ['q_proj', 'v_proj', 'o_proj'], evidence: [{ path: 'train.py', line: 12 }] });
    expect(itemsAt(stack.fineTuning)).toEqual({ lora: 'train.py:12' });
    expect(itemsAt(stack.models)).toEqual({ 'Qwen/Qwen2-0.5B': 'train.py:7' });
  });

  it('a prompt-only app: a hosted API and nothing else; README prose counts for nothing', async () => {
    const { stack, tests } = await reviewFixture('prompt-only-openai');
    expect(itemsAt(stack.libraries)).toEqual({ openai: 'app.py:3', 'langchain (declared)': 'requirements.txt:2' });
    expect(itemsAt(stack.models)).toEqual({ 'gpt-4o-mini': 'app.py:11' });
    expect(stack.fineTuning).toEqual([]);
    expect(stack.vectorStores).toEqual([]);
    expect(stack.rag).toBeNull();
    expect(tests.count).toBe(0);
  });

  it('a non-ML web app shows no ML stack at all', async () => {
    const { stack, tests } = await reviewFixture('plain-web-app');
    expect(stack.libraries).toEqual([]);
    expect(stack.models).toEqual([]);
    expect(stack.fineTuning).toEqual([]);
    expect(stack.vectorStores).toEqual([]);
    expect(stack.rag).toBeNull();
    expect(stack.evaluation).toEqual([]);
    expect(stack.lora).toBeNull();
    expect(itemsAt(stack.apiFrameworks)).toEqual({ flask: 'app/main.py:2' });
    expect(itemsAt(stack.testFrameworks)).toEqual({ pytest: 'tests/test_main.py:4' });
    expect(tests.count).toBe(2);
  });

  it('a Python package: RAG stages, vector store, models through env defaults, API, evaluation and tests', async () => {
    const { stack, tests } = await reviewFixture('python-package');
    expect(itemsAt(stack.vectorStores)).toEqual({ qdrant: 'support_bot/index.py:2' });
    expect(itemsAt(stack.models)).toEqual({ 'BAAI/bge-small-en-v1.5': 'support_bot/settings.py:3', 'qwen2.5:7b-instruct': 'support_bot/settings.py:4' });
    expect(itemsAt(stack.apiFrameworks)).toEqual({ fastapi: 'support_bot/api.py:1' });
    expect(itemsAt(stack.libraries)).toMatchObject({ langchain: 'support_bot/index.py:1', 'sentence-transformers': 'support_bot/index.py:4', ollama: 'support_bot/answer.py:1', 'wandb (declared)': 'pyproject.toml:11' });
    expect(stack.rag).not.toBeNull();
    expect(at(stack.rag!.chunking[0])).toBe('support_bot/index.py:8');
    expect(at(stack.rag!.embeddings[0])).toBe('support_bot/index.py:9');
    expect(stack.rag!.retrieval.map(at)).toContain('support_bot/index.py:21');
    expect(stack.rag!.reranking).toEqual([]);
    expect(at(stack.rag!.promptTemplate[0])).toBe('support_bot/answer.py:6');
    expect(stack.evaluation.map(at)).toContain('support_bot/evaluate.py:9');
    expect(itemsAt(stack.testFrameworks)).toEqual({ pytest: 'tests/test_answer.py:1' });
    expect(tests.count).toBe(3);
  });

  it('a TypeScript LangChain.js app: npm libraries, in-memory store, models, express routes, vitest', async () => {
    const { stack, tests, target } = await reviewFixture('langchainjs-app');
    expect(itemsAt(stack.libraries)).toMatchObject({ openai: 'src/rag.ts:1', langchainjs: 'src/rag.ts:1' });
    expect(itemsAt(stack.vectorStores)).toEqual({ 'in-memory': 'src/rag.ts:3' });
    expect(itemsAt(stack.models)).toEqual({ 'text-embedding-3-small': 'src/rag.ts:6', 'gpt-4o-mini': 'src/rag.ts:7' });
    expect(itemsAt(stack.apiFrameworks)).toEqual({ express: 'src/server.ts:1' });
    expect(itemsAt(stack.testFrameworks)).toEqual({ vitest: 'test/rag.test.ts:1' });
    expect(tests.count).toBe(2);
    expect(stack.rag?.retrieval.map(at)).toEqual(['src/rag.ts:15']);
    expect(stack.rag?.chunking.map(at)).toContain('src/rag.ts:5');
    expect(stack.rag?.promptTemplate.map(at)).toEqual(['src/rag.ts:17']);
    expect(target.languages.typescript).toBeGreaterThan(20);
  });
});

describe('stack detection on hostile names', () => {
  it('reads a 180 KB call name full of `Rerank` without backtracking; a real reranker still counts', async () => {
    const rag = [
      'from sentence_transformers import CrossEncoder',
      'docs = store.similarity_search("q", k=4)',
      `${'Rerank'.repeat(30_000)}[0](docs)`,
      'scores = CrossEncoder("cross-encoder/ms-marco-MiniLM-L-6-v2")',
      '',
    ].join('\n');
    const { stack } = await reviewFiles({ 'rag.py': rag });
    expect(stack.rag?.reranking.map(at)).toEqual(['rag.py:4']);
  });
});
