import { describe, expect, it } from 'vitest';
import check from '../../../checks/rag/chunk-settings.js';
import { findingsOf, reportsOf } from '../../helpers/check-tester.js';
import { WEB_APP } from './fixtures.js';

describe('rag/chunk-settings', () => {
  it.each<{ name: string; files: Record<string, string>; at: string; message: RegExp }>([
    {
      name: 'a LangChain splitter with a constant size',
      files: { 'ingest.py': 'from langchain_text_splitters import RecursiveCharacterTextSplitter\nSIZE = 800\nsplitter = RecursiveCharacterTextSplitter(chunk_size=SIZE, chunk_overlap=100)\nchunks = splitter.split_documents(docs)\n' },
      at: 'ingest.py:3',
      message: /`RecursiveCharacterTextSplitter` splits by characters: chunk_size=800, chunk_overlap=100/,
    },
    {
      name: 'a token splitter configured from another module',
      files: {
        'rag/config.py': 'CHUNK_SIZE = 512\nCHUNK_OVERLAP = 64\n',
        'rag/ingest.py': 'from langchain_text_splitters import TokenTextSplitter\nfrom rag import config\n\nsplitter = TokenTextSplitter(chunk_size=config.CHUNK_SIZE, chunk_overlap=config.CHUNK_OVERLAP)\ntexts = splitter.split_text(text)\n',
      },
      at: 'rag/ingest.py:4',
      message: /splits by tokens: chunk_size=512, chunk_overlap=64/,
    },
    {
      name: 'a LlamaIndex SentenceSplitter handed to the index, overlap left to its default',
      files: { 'index.py': 'from llama_index.core import VectorStoreIndex\nfrom llama_index.core.node_parser import SentenceSplitter\nindex = VectorStoreIndex.from_documents(docs, transformations=[SentenceSplitter(chunk_size=256)])\n' },
      at: 'index.py:3',
      message: /`SentenceSplitter` splits by tokens: chunk_size=256, chunk_overlap=default \(200\)/,
    },
    {
      name: 'a LangChain.js splitter',
      files: { 'src/ingest.ts': 'import { RecursiveCharacterTextSplitter } from "@langchain/textsplitters";\nconst splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });\nconst docs = await splitter.splitDocuments(raw);\n' },
      at: 'src/ingest.ts:2',
      message: /chunk_size=1000, chunk_overlap=200/,
    },
    {
      name: 'the candidate’s own chunker, called',
      files: { 'ingest.py': 'def chunk_text(text, size=500, overlap=50):\n    return [text[i:i + size] for i in range(0, len(text), size - overlap)]\n\nchunks = [c for d in docs for c in chunk_text(d)]\n' },
      at: 'ingest.py:1',
      message: /own function `chunk_text`/,
    },
  ])('reports $name', async ({ files, at, message }) => {
    const findings = await findingsOf(check, files);
    expect(findings).toEqual([expect.objectContaining({ kind: 'info', at, message: expect.stringMatching(message) })]);
  });

  it.each<{ name: string; files: Record<string, string> }>([
    { name: 'a splitter created but never called', files: { 'ingest.py': 'from langchain_text_splitters import RecursiveCharacterTextSplitter\nsplitter = RecursiveCharacterTextSplitter(chunk_size=500, chunk_overlap=50)\n' } },
    { name: 'a splitter only imported', files: { 'ingest.py': 'from langchain_text_splitters import RecursiveCharacterTextSplitter\n' } },
    { name: 'a chunk function defined but never called', files: { 'ingest.py': 'def chunk_text(text):\n    return [text]\n' } },
    { name: 'prose and comments', files: { 'README.md': 'We use `RecursiveCharacterTextSplitter(chunk_size=800)`.\n', 'ingest.py': '# splitter = RecursiveCharacterTextSplitter(chunk_size=800)\nx = 1\n' } },
    { name: 'an ordinary web app', files: WEB_APP },
  ])('stays quiet about $name', async ({ files }) => {
    expect(await reportsOf(check, files)).toEqual([]);
  });
});
