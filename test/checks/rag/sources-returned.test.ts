import { describe, expect, it } from 'vitest';
import check from '../../../checks/rag/sources-returned.js';
import { findingsOf, reportsOf } from '../../helpers/check-tester.js';
import { CHROMA_QUERY, WEB_APP } from './fixtures.js';

describe('rag/sources-returned', () => {
  it.each<{ name: string; files: Record<string, string>; at: string; field: string }>([
    {
      name: 'a response model with a sources field',
      files: { 'rag/store.py': CHROMA_QUERY, 'rag/api.py': 'from pydantic import BaseModel\n\nclass AskResponse(BaseModel):\n    answer: str\n    sources: list[str]\n' },
      at: 'rag/api.py:5',
      field: 'AskResponse.sources',
    },
    { name: 'a returned dict with the retrieved ids', files: { 'rag/store.py': CHROMA_QUERY, 'rag/answer.py': 'def answer(q):\n    return {"answer": text, "sources": [h["id"] for h in hits]}\n' }, at: 'rag/answer.py:2', field: 'sources' },
    { name: 'a chain that returns its source documents', files: { 'rag/store.py': CHROMA_QUERY, 'rag/chain.py': 'from langchain.chains import RetrievalQA\nqa = RetrievalQA.from_chain_type(llm, retriever=r, return_source_documents=True)\n' }, at: 'rag/chain.py:2', field: 'return_source_documents=True' },
    { name: 'an Express handler', files: { 'rag/store.py': CHROMA_QUERY, 'src/server.ts': 'app.post("/ask", async (req, res) => {\n  res.json({ answer, citations: docs.map((d) => d.metadata.id) });\n});\n' }, at: 'src/server.ts:2', field: 'citations' },
  ])('reports $name', async ({ files, at, field }) => {
    expect(await findingsOf(check, files)).toEqual([expect.objectContaining({ kind: 'strength', messageId: 'returned', at, message: `Answers come back with their sources (\`${field}\`)` })]);
  });

  it('reports the submission once, leading with the response model', async () => {
    const files = {
      'rag/store.py': CHROMA_QUERY,
      'rag/a_pipeline.py': 'def run(q):\n    return {"answer": a, "sources": ids}\n',
      'rag/b_api.py': 'class AskResponse(BaseModel):\n    answer: str\n    citations: list[str]\n',
    };
    expect(await reportsOf(check, files)).toEqual([{ kind: 'strength', messageId: 'returned', at: 'rag/b_api.py:3' }]);
  });

  it.each<{ name: string; files: Record<string, string> }>([
    { name: 'an answer without sources', files: { 'rag/store.py': CHROMA_QUERY, 'rag/api.py': 'class AskResponse(BaseModel):\n    answer: str\n' } },
    { name: 'sources only in a test', files: { 'rag/store.py': CHROMA_QUERY, 'tests/test_api.py': 'def test_ask():\n    assert r == {"answer": "x", "sources": []}\n' } },
    { name: 'sources promised in the README', files: { 'rag/store.py': CHROMA_QUERY, 'README.md': 'The API returns `{"answer": ..., "sources": [...]}`.\n' } },
    { name: 'an ordinary web app with a "sources" key', files: WEB_APP },
  ])('stays quiet about $name', async ({ files }) => {
    expect(await reportsOf(check, files)).toEqual([]);
  });
});
