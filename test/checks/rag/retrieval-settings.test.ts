import { describe, expect, it } from 'vitest';
import check from '../../../checks/rag/retrieval-settings.js';
import { findingsOf, reportsOf } from '../../helpers/check-tester.js';
import { sorted, WEB_APP } from './fixtures.js';

describe('rag/retrieval-settings', () => {
  it.each<{ name: string; files: Record<string, string>; at: string; message: string }>([
    { name: 'an MMR retriever', files: { 'rag.py': 'from langchain_chroma import Chroma\ndb = Chroma(persist_directory="db", embedding_function=emb)\nretriever = db.as_retriever(search_type="mmr", search_kwargs={"k": 4, "fetch_k": 20})\n' }, at: 'rag.py:3', message: 'Retrieval: k=4, MMR, fetch_k=20' },
    { name: 'a Chroma query with a constant top-k', files: { 'rag.py': 'import chromadb\nTOP_K = 5\ncol = chromadb.PersistentClient(path="db").get_or_create_collection("qa")\nres = col.query(query_texts=[q], n_results=TOP_K)\n' }, at: 'rag.py:4', message: 'Retrieval: n_results=5' },
    { name: 'a score threshold', files: { 'rag.py': 'from langchain_community.vectorstores import FAISS\ndb = FAISS.load_local("idx", emb)\nhits = db.similarity_search_with_relevance_scores(q, k=3, score_threshold=0.5)\n' }, at: 'rag.py:3', message: 'Retrieval: k=3, score_threshold=0.5' },
    { name: 'a LlamaIndex query engine', files: { 'rag.py': 'from llama_index.core import VectorStoreIndex\nindex = VectorStoreIndex.from_documents(docs)\nengine = index.as_query_engine(similarity_top_k=3)\n' }, at: 'rag.py:3', message: 'Retrieval: k=3' },
    { name: 'a LangChain.js retriever', files: { 'src/rag.ts': 'import { MemoryVectorStore } from "langchain/vectorstores/memory";\nconst store = await MemoryVectorStore.fromDocuments(docs, emb);\nconst retriever = store.asRetriever(4);\n' }, at: 'src/rag.ts:3', message: 'Retrieval: k=4' },
  ])('reports $name', async ({ files, at, message }) => {
    expect(await findingsOf(check, files)).toEqual([expect.objectContaining({ kind: 'info', messageId: 'retrieval', at, message })]);
  });

  it('reports hybrid search with BM25', async () => {
    const files = { 'rag.py': 'from langchain_community.retrievers import BM25Retriever\nfrom langchain.retrievers import EnsembleRetriever\nbm25 = BM25Retriever.from_documents(chunks, k=4)\nhybrid = EnsembleRetriever(retrievers=[bm25, dense], weights=[0.4, 0.6])\n' };
    expect(sorted(await findingsOf(check, files)).map((f) => [f.at, f.message])).toEqual([
      ['rag.py:3', 'Retrieval: keyword search (BM25), k=4'],
      ['rag.py:4', 'Retrieval: hybrid search, weights=[0.4, 0.6]'],
    ]);
  });

  it('asks about a top-k left to the default', async () => {
    const [finding] = await findingsOf(check, { 'rag.py': 'from langchain_chroma import Chroma\ndb = Chroma(persist_directory="db")\ndocs = db.similarity_search(question)\n' });
    expect(finding).toMatchObject({ kind: 'info', messageId: 'defaultK', at: 'rag.py:3' });
    expect(finding?.question).toMatch(/^`rag\.py:3` retrieves the library’s default number of passages/);
  });

  it.each<{ name: string; files: Record<string, string>; at: string; message: string }>([
    { name: 'a cross-encoder', files: { 'rerank.py': 'from sentence_transformers import CrossEncoder\nreranker = CrossEncoder("cross-encoder/ms-marco-MiniLM-L-6-v2")\nscores = reranker.predict(pairs)\n' }, at: 'rerank.py:2', message: 'Retrieved passages are reranked with `CrossEncoder` (`cross-encoder/ms-marco-MiniLM-L-6-v2`)' },
    { name: 'a Cohere reranker in a compression retriever', files: { 'rag.py': 'from langchain_cohere import CohereRerank\nfrom langchain.retrievers import ContextualCompressionRetriever\nr = ContextualCompressionRetriever(base_compressor=CohereRerank(model="rerank-english-v3.0"), base_retriever=base)\n' }, at: 'rag.py:3', message: 'Retrieved passages are reranked with `CohereRerank` (`rerank-english-v3.0`)' },
  ])('reports reranking with $name as a strength', async ({ files, at, message }) => {
    expect(await findingsOf(check, files)).toEqual([expect.objectContaining({ kind: 'strength', messageId: 'reranked', at, message })]);
  });

  it.each<{ name: string; files: Record<string, string> }>([
    { name: 'a reranker only imported', files: { 'rag.py': 'from sentence_transformers import CrossEncoder\n' } },
    { name: 'a search method of an unrelated library', files: { 'app.py': 'import re\nm = re.search("a", text)\nresults = es.search(index="logs", size=10)\n' } },
    { name: 'prose', files: { 'README.md': 'We retrieve with `db.as_retriever(search_kwargs={"k": 4})` and rerank with a CrossEncoder.\n' } },
    { name: 'an ordinary web app', files: WEB_APP },
  ])('stays quiet about $name', async ({ files }) => {
    expect(await reportsOf(check, files)).toEqual([]);
  });
});
