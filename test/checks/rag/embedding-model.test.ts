import { describe, expect, it } from 'vitest';
import check from '../../../checks/rag/embedding-model.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';
import { sorted, WEB_APP } from './fixtures.js';

describe('rag/embedding-model', () => {
  it('names one model used for documents and queries once, with every place', async () => {
    const findings = await findingsOf(check, {
      'rag/config.py': 'import os\nEMBEDDING_MODEL = os.getenv("EMBEDDING_MODEL", "sentence-transformers/all-MiniLM-L6-v2")\n',
      'rag/ingest.py': 'from sentence_transformers import SentenceTransformer\nfrom rag import config\nmodel = SentenceTransformer(config.EMBEDDING_MODEL)\nvectors = model.encode(docs)\n',
      'rag/query.py': 'from sentence_transformers import SentenceTransformer\nfrom rag.config import EMBEDDING_MODEL\nmodel = SentenceTransformer(EMBEDDING_MODEL)\n',
    });
    expect(findings).toEqual([
      expect.objectContaining({ kind: 'info', messageId: 'named', at: 'rag/ingest.py:3', message: 'Embedding model `sentence-transformers/all-MiniLM-L6-v2` through `SentenceTransformer` (2 place(s))' }),
    ]);
  });

  it.each<CheckRow>([
    {
      name: 'different models for documents and queries',
      files: {
        'ingest.py': 'from langchain_huggingface import HuggingFaceEmbeddings\nemb = HuggingFaceEmbeddings(model_name="BAAI/bge-small-en-v1.5")\n',
        'query.py': 'from langchain_huggingface import HuggingFaceEmbeddings\nemb = HuggingFaceEmbeddings(model_name="sentence-transformers/all-mpnet-base-v2")\n',
      },
      expected: [
        { kind: 'info', messageId: 'named', at: 'ingest.py:2' },
        { kind: 'info', messageId: 'named', at: 'query.py:2' },
        { kind: 'concern', messageId: 'differentModels', at: 'ingest.py:2' },
      ],
    },
    { name: 'an embedding class left to its default model', files: { 'rag.py': 'from langchain_openai import OpenAIEmbeddings\nemb = OpenAIEmbeddings()\n' }, expected: [{ kind: 'info', messageId: 'unnamed', at: 'rag.py:2' }] },
    { name: 'the OpenAI embeddings endpoint', files: { 'rag.py': 'from openai import OpenAI\nclient = OpenAI()\nr = client.embeddings.create(model="text-embedding-3-small", input=texts)\n' }, expected: [{ kind: 'info', messageId: 'named', at: 'rag.py:3' }] },
    { name: 'LangChain.js embeddings', files: { 'src/rag.ts': 'import { OllamaEmbeddings } from "@langchain/ollama";\nconst emb = new OllamaEmbeddings({ model: "nomic-embed-text" });\n' }, expected: [{ kind: 'info', messageId: 'named', at: 'src/rag.ts:2' }] },
  ])('reports $name', async ({ files, expected }) => {
    expect(sorted(await reportsOf(check, files))).toEqual(sorted(expected));
  });

  it.each<{ name: string; files: Record<string, string> }>([
    { name: 'an embedding class only imported', files: { 'rag.py': 'from sentence_transformers import SentenceTransformer\n' } },
    { name: 'prose', files: { 'README.md': 'Embeddings: `SentenceTransformer("all-MiniLM-L6-v2")`\n' } },
    { name: 'an ordinary web app', files: WEB_APP },
  ])('stays quiet about $name', async ({ files }) => {
    expect(await reportsOf(check, files)).toEqual([]);
  });
});
