import { describe, expect, it } from 'vitest';
import check from '../../../checks/rag/splitter-never-called.js';
import { findingsOf, reportsOf } from '../../helpers/check-tester.js';
import { WEB_APP } from './fixtures.js';

describe('rag/splitter-never-called', () => {
  it.each<{ name: string; files: Record<string, string>; messageId: string; at: string }>([
    { name: 'a splitter only imported', files: { 'ingest.py': 'from langchain_text_splitters import RecursiveCharacterTextSplitter\nimport chromadb\n' }, messageId: 'imported', at: 'ingest.py:1' },
    { name: 'a splitter created and never called', files: { 'ingest.py': 'from langchain.text_splitter import RecursiveCharacterTextSplitter\n\nsplitter = RecursiveCharacterTextSplitter(chunk_size=500)\ndb = Chroma.from_documents(docs, emb)\n' }, messageId: 'constructed', at: 'ingest.py:3' },
    { name: 'a LangChain.js splitter only imported', files: { 'src/rag.ts': 'import { RecursiveCharacterTextSplitter } from "@langchain/textsplitters";\nexport const x = 1;\n' }, messageId: 'imported', at: 'src/rag.ts:1' },
  ])('reports $name', async ({ files, messageId, at }) => {
    expect(await reportsOf(check, files)).toEqual([{ kind: 'concern', messageId, at }]);
  });

  it('asks whether documents are chunked at all', async () => {
    const [finding] = await findingsOf(check, { 'ingest.py': 'from llama_index.core.node_parser import SentenceSplitter\nparser = SentenceSplitter(chunk_size=512)\n' });
    expect(finding?.question).toBe('`SentenceSplitter` is created at `ingest.py:2` but nothing calls it — are your documents chunked at all, and where?');
  });

  it.each<{ name: string; files: Record<string, string> }>([
    { name: 'a splitter that splits', files: { 'ingest.py': 'from langchain_text_splitters import RecursiveCharacterTextSplitter\ns = RecursiveCharacterTextSplitter(chunk_size=500)\nchunks = s.split_documents(docs)\n' } },
    { name: 'a splitter handed to a loader', files: { 'ingest.py': 'from langchain_text_splitters import RecursiveCharacterTextSplitter\ns = RecursiveCharacterTextSplitter(chunk_size=500)\npages = loader.load_and_split(text_splitter=s)\n' } },
    { name: 'a splitter set as LlamaIndex’s global node parser', files: { 'index.py': 'from llama_index.core import Settings\nfrom llama_index.core.node_parser import SentenceSplitter\nSettings.node_parser = SentenceSplitter(chunk_size=512)\n' } },
    { name: 'a LangChain.js splitter that splits', files: { 'src/rag.ts': 'import { RecursiveCharacterTextSplitter } from "@langchain/textsplitters";\nconst s = new RecursiveCharacterTextSplitter({ chunkSize: 400 });\nconst docs = await s.splitDocuments(raw);\n' } },
    { name: 'a splitter named only in prose', files: { 'README.md': 'from langchain_text_splitters import RecursiveCharacterTextSplitter\n', 'a.py': '# from langchain_text_splitters import RecursiveCharacterTextSplitter\nx = 1\n' } },
    { name: 'an ordinary web app', files: WEB_APP },
  ])('stays quiet about $name', async ({ files }) => {
    expect(await reportsOf(check, files)).toEqual([]);
  });
});
