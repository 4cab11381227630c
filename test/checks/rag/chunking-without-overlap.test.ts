import { describe, expect, it } from 'vitest';
import check from '../../../checks/rag/chunking-without-overlap.js';
import { findingsOf, reportsOf } from '../../helpers/check-tester.js';
import { WEB_APP } from './fixtures.js';

const INGEST = (overlap: string) => `from langchain_text_splitters import RecursiveCharacterTextSplitter
from langchain_community.document_loaders import DirectoryLoader


def load():
    return DirectoryLoader("docs").load()


def split(docs):
    ...


docs = load()
splitter = RecursiveCharacterTextSplitter(chunk_size=2000${overlap})
chunks = splitter.split_documents(docs)
`;

describe('rag/chunking-without-overlap', () => {
  it('reports a splitter with chunk_overlap=0 and asks about it', async () => {
    expect(await findingsOf(check, { 'ingest.py': INGEST(', chunk_overlap=0') })).toEqual([
      {
        check: 'rag/chunking-without-overlap',
        kind: 'concern',
        messageId: 'noOverlap',
        at: 'ingest.py:14',
        message: '`RecursiveCharacterTextSplitter` cuts chunks of 2000 characters with no overlap (chunk_overlap=0)',
        question: '`chunk_size=2000` with no overlap at `ingest.py:14` — how did you choose it, and how would you measure retrieval recall?',
      },
    ]);
  });

  it.each<{ name: string; files: Record<string, string>; at: string }>([
    { name: 'a zero overlap held in a constant of another module', files: { 'cfg.py': 'OVERLAP = 0\n', 'ingest.py': 'from langchain.text_splitter import CharacterTextSplitter\nimport cfg\ns = CharacterTextSplitter(chunk_size=1000, chunk_overlap=cfg.OVERLAP)\nparts = s.split_text(text)\n' }, at: 'ingest.py:3' },
    { name: 'the candidate’s chunker called with overlap=0', files: { 'ingest.py': 'def chunk_text(text, size, overlap):\n    return []\n\nchunks = chunk_text(doc, size=2000, overlap=0)\n' }, at: 'ingest.py:4' },
    { name: 'a LangChain.js splitter with chunkOverlap: 0', files: { 'ingest.ts': 'import { RecursiveCharacterTextSplitter } from "langchain/text_splitter";\nconst s = new RecursiveCharacterTextSplitter({ chunkSize: 1500, chunkOverlap: 0 });\nconst docs = await s.createDocuments([text]);\n' }, at: 'ingest.ts:2' },
  ])('reports $name', async ({ files, at }) => {
    expect(await reportsOf(check, files)).toEqual([{ kind: 'concern', messageId: 'noOverlap', at }]);
  });

  it.each<{ name: string; files: Record<string, string> }>([
    { name: 'an explicit overlap', files: { 'ingest.py': INGEST(', chunk_overlap=200') } },
    { name: 'an overlap left to the library default (200)', files: { 'ingest.py': INGEST('') } },
    { name: 'a zero-overlap splitter that is never called', files: { 'ingest.py': 'from langchain_text_splitters import RecursiveCharacterTextSplitter\ns = RecursiveCharacterTextSplitter(chunk_size=2000, chunk_overlap=0)\n' } },
    { name: 'prose', files: { 'README.md': 'RecursiveCharacterTextSplitter(chunk_size=2000, chunk_overlap=0)\n', 'x.py': '"""chunk_overlap=0"""\n# chunk_overlap=0\n' } },
    { name: 'an ordinary web app', files: WEB_APP },
  ])('stays quiet about $name', async ({ files }) => {
    expect(await reportsOf(check, files)).toEqual([]);
  });
});
