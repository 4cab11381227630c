import { describe, expect, it } from 'vitest';
import check from '../../../checks/data/corpus-loaded-into-memory.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

describe('data/corpus-loaded-into-memory', () => {
  it.each<CheckRow>([
    {
      name: 'DirectoryLoader.load() reads every document',
      files: { 'ingest.py': 'from langchain_community.document_loaders import DirectoryLoader\nloader = DirectoryLoader("data/", glob="**/*.md")\ndocs = loader.load()\n' },
      expected: [{ kind: 'info', messageId: 'inMemory', at: 'ingest.py:3' }],
    },
    {
      name: 'a list of every file\'s text',
      files: { 'ingest.py': 'from pathlib import Path\ntexts = [p.read_text() for p in Path("docs").glob("*.txt")]\n' },
      expected: [{ kind: 'info', messageId: 'inMemory', at: 'ingest.py:2' }],
    },
    {
      name: 'lazy_load streams and encode batches',
      files: { 'ingest.py': 'from langchain_community.document_loaders import DirectoryLoader\nfrom sentence_transformers import SentenceTransformer\nmodel = SentenceTransformer("all-MiniLM-L6-v2")\nfor doc in DirectoryLoader("data/").lazy_load():\n    model.encode([doc.page_content], batch_size=64)\n' },
      expected: [
        { kind: 'strength', messageId: 'streamed', at: 'ingest.py:4' },
        { kind: 'strength', messageId: 'batched', at: 'ingest.py:5' },
      ],
    },
    {
      name: 'a streamed Hugging Face dataset',
      files: { 'prepare.py': 'from datasets import load_dataset\nds = load_dataset("wikipedia", "20220301.en", split="train", streaming=True)\n' },
      expected: [{ kind: 'strength', messageId: 'streamed', at: 'prepare.py:2' }],
    },
    {
      name: 'one PDF loaded, a list of numbers, and a loop that reads one file at a time',
      files: { 'ingest.py': 'from pathlib import Path\nfrom langchain_community.document_loaders import PyPDFLoader\npages = PyPDFLoader("manual.pdf").load()\nsquares = [i * i for i in range(10)]\nfor p in Path("docs").glob("*.txt"):\n    print(p.read_text()[:10])\n' },
      expected: [],
    },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('asks about a corpus that does not fit in memory', async () => {
    const [finding] = await findingsOf(check, { 'ingest.py': 'from llama_index.core import SimpleDirectoryReader\ndocuments = SimpleDirectoryReader("data").load_data()\n' });
    expect(finding!.message).toBe('The whole corpus is read into memory at once (`SimpleDirectoryReader("data").load_data()`) before it is processed');
    expect(finding!.question).toContain('`ingest.py:2` loads every document before embedding');
  });
});
