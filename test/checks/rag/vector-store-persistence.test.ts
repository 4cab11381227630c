import { describe, expect, it } from 'vitest';
import check from '../../../checks/rag/vector-store-persistence.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';
import { sorted, WEB_APP } from './fixtures.js';

describe('rag/vector-store-persistence', () => {
  it.each<CheckRow>([
    { name: 'a Chroma PersistentClient', files: { 'ingest.py': 'import chromadb\nclient = chromadb.PersistentClient(path="chroma_db")\n' }, expected: [{ kind: 'info', messageId: 'persistent', at: 'ingest.py:2' }] },
    { name: 'an in-memory Chroma client', files: { 'ingest.py': 'import chromadb\nclient = chromadb.Client()\n' }, expected: [{ kind: 'info', messageId: 'inMemory', at: 'ingest.py:2' }] },
    { name: 'LangChain Chroma with persist_directory', files: { 'ingest.py': 'from langchain_chroma import Chroma\ndb = Chroma.from_documents(chunks, emb, persist_directory="db")\n' }, expected: [{ kind: 'info', messageId: 'persistent', at: 'ingest.py:2' }] },
    { name: 'FAISS never saved', files: { 'rag.py': 'from langchain_community.vectorstores import FAISS\ndb = FAISS.from_texts(texts, emb)\n' }, expected: [{ kind: 'info', messageId: 'inMemory', at: 'rag.py:2' }] },
    { name: 'FAISS saved with save_local', files: { 'rag.py': 'from langchain_community.vectorstores import FAISS\ndb = FAISS.from_texts(texts, emb)\ndb.save_local("index")\n' }, expected: [{ kind: 'info', messageId: 'persistent', at: 'rag.py:2' }] },
    { name: 'Qdrant in memory', files: { 'rag.py': 'from qdrant_client import QdrantClient\nclient = QdrantClient(":memory:")\n' }, expected: [{ kind: 'info', messageId: 'inMemory', at: 'rag.py:2' }] },
    {
      name: 'documents indexed at import time of a FastAPI app',
      files: { 'app.py': 'import chromadb\nfrom fastapi import FastAPI\n\napp = FastAPI()\nclient = chromadb.PersistentClient(path="db")\ncol = client.get_or_create_collection("qa")\ncol.add(ids=ids, documents=docs)\n' },
      expected: [{ kind: 'info', messageId: 'persistent', at: 'app.py:5' }, { kind: 'concern', messageId: 'rebuiltOnStart', at: 'app.py:7' }],
    },
    {
      name: 'the candidate’s ingest function called from the start-up hook',
      files: {
        'rag/ingest.py': 'import chromadb\n\ndef ingest(docs):\n    col = chromadb.PersistentClient(path="db").get_or_create_collection("qa")\n    col.upsert(ids=ids, documents=docs)\n',
        'rag/api.py': 'from contextlib import asynccontextmanager\nfrom fastapi import FastAPI\nfrom rag.ingest import ingest\n\n@asynccontextmanager\nasync def lifespan(app):\n    ingest(load_docs())\n    yield\n\napp = FastAPI(lifespan=lifespan)\n',
      },
      expected: [{ kind: 'concern', messageId: 'rebuiltOnStart', at: 'rag/api.py:7' }, { kind: 'info', messageId: 'persistent', at: 'rag/ingest.py:4' }],
    },
    {
      name: 'an in-memory store built inside an Express server',
      files: { 'src/server.ts': 'import express from "express";\nimport { MemoryVectorStore } from "langchain/vectorstores/memory";\nconst store = await MemoryVectorStore.fromDocuments(docs, emb);\nconst app = express();\napp.post("/ask", async (req, res) => res.json(await store.similaritySearch(req.body.q, 3)));\n' },
      expected: [{ kind: 'info', messageId: 'inMemory', at: 'src/server.ts:3' }, { kind: 'concern', messageId: 'rebuiltOnStart', at: 'src/server.ts:3' }],
    },
  ])('reports $name', async ({ files, expected }) => {
    expect(sorted(await reportsOf(check, files))).toEqual(sorted(expected));
  });

  it('asks how long a start takes', async () => {
    const findings = await findingsOf(check, { 'app.py': 'import chromadb\nfrom fastapi import FastAPI\napp = FastAPI()\n\n@app.on_event("startup")\ndef boot():\n    chromadb.PersistentClient(path="db").get_or_create_collection("qa").add(ids=ids, documents=docs)\n' });
    const concern = findings.find((f) => f.messageId === 'rebuiltOnStart');
    expect(concern).toMatchObject({ at: 'app.py:7', message: 'Documents are indexed in the start-up hook `boot` at app.py:7: every start re-embeds the whole corpus' });
    expect(concern?.question).toMatch(/^`app\.py:7` indexes the documents in the start-up hook `boot` — how long does a start take/);
  });

  it.each<{ name: string; files: Record<string, string> }>([
    { name: 'an ingestion script run on its own', files: { 'ingest.py': 'from langchain_chroma import Chroma\n\ndef main():\n    Chroma.from_documents(chunks, emb, persist_directory="db")\n\nif __name__ == "__main__":\n    main()\n' } },
    { name: 'a store only imported', files: { 'rag.py': 'import chromadb\nfrom langchain_community.vectorstores import FAISS\n' } },
    { name: 'an ordinary web app', files: WEB_APP },
  ])('does not report re-indexing for $name', async ({ files }) => {
    expect((await reportsOf(check, files)).filter((f) => f.kind !== 'info')).toEqual([]);
  });

  it('stays quiet about an ordinary web app', async () => {
    expect(await reportsOf(check, WEB_APP)).toEqual([]);
  });
});
