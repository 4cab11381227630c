import { describe, expect, it } from 'vitest';
import check from '../../../checks/rag/documents-embedded-whole.js';
import { findingsOf, reportsOf } from '../../helpers/check-tester.js';
import { WEB_APP } from './fixtures.js';

const WHOLE = `import json
import chromadb

client = chromadb.PersistentClient(path="db")
col = client.get_or_create_collection("qa")
pairs = [json.loads(line) for line in open("qa.jsonl")]
col.add(ids=[p["id"] for p in pairs], documents=[p["answer"] for p in pairs])
hits = col.query(query_texts=["How do I reset my password?"], n_results=3)
`;

describe('rag/documents-embedded-whole', () => {
  it('reports documents stored whole and asks about their length', async () => {
    const findings = await findingsOf(check, { 'ingest.py': WHOLE });
    expect(findings).toEqual([expect.objectContaining({ kind: 'concern', messageId: 'unchunked', at: 'ingest.py:7' })]);
    expect(findings[0]!.question).toMatch(/^`ingest\.py:7` embeds each document whole/);
  });

  it.each<{ name: string; files: Record<string, string>; at: string }>([
    { name: 'a splitter imported but never called, which is not chunking', files: { 'ingest.py': `from langchain_text_splitters import RecursiveCharacterTextSplitter\n${WHOLE}` }, at: 'ingest.py:8' },
    { name: 'LangChain documents loaded and stored whole', files: { 'rag.py': 'from langchain_community.vectorstores import FAISS\nfrom langchain_community.document_loaders import TextLoader\ndocs = TextLoader("faq.txt").load()\ndb = FAISS.from_documents(docs, emb)\nhits = db.similarity_search("q", k=3)\n' }, at: 'rag.py:4' },
  ])('reports $name', async ({ files, at }) => {
    expect(await reportsOf(check, files)).toEqual([{ kind: 'concern', messageId: 'unchunked', at }]);
  });

  it.each<{ name: string; files: Record<string, string> }>([
    { name: 'documents split before they are stored', files: { 'rag.py': 'from langchain_community.vectorstores import FAISS\nfrom langchain_text_splitters import RecursiveCharacterTextSplitter\nchunks = RecursiveCharacterTextSplitter(chunk_size=500).split_documents(docs)\ndb = FAISS.from_documents(chunks, emb)\nhits = db.similarity_search("q", k=3)\n' } },
    { name: 'the candidate’s own chunker', files: { 'ingest.py': `def chunk_text(text):\n    return [text[i:i + 500] for i in range(0, len(text), 400)]\n\n${WHOLE.replace('p["answer"] for p in pairs', 'c for p in pairs for c in chunk_text(p["answer"])')}` } },
    { name: 'a LlamaIndex index, which chunks by default', files: { 'index.py': 'from llama_index.core import VectorStoreIndex\nindex = VectorStoreIndex.from_documents(docs)\nretriever = index.as_retriever(similarity_top_k=3)\n' } },
    { name: 'a store that is written but never queried (no RAG)', files: { 'ingest.py': WHOLE.split('\nhits')[0]! + '\n' } },
    { name: 'an ordinary web app', files: WEB_APP },
  ])('stays quiet about $name', async ({ files }) => {
    expect(await reportsOf(check, files)).toEqual([]);
  });
});
