import { describe, expect, it } from 'vitest';
import check from '../../../checks/data/reindex-strategy.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const QDRANT = [
  'import hashlib',
  'from qdrant_client import QdrantClient',
  'from qdrant_client.models import PointStruct',
  '',
  'def upsert_document(path: str, chunks: list[str], vectors, client: QdrantClient) -> None:',
  '    client.delete("docs", points_selector=None)',
  '    points = [PointStruct(id=hashlib.md5(f"{path}:{i}".encode()).hexdigest(), vector=v, payload={"source": path}) for i, v in enumerate(vectors)]',
  '    client.upsert(collection_name="docs", points=points)',
  '',
].join('\n');

describe('data/reindex-strategy', () => {
  it.each<CheckRow>([
    {
      name: 'upserts under content-hash ids, with deletes, through an annotated client parameter',
      files: { 'flows/reindex.py': QDRANT },
      expected: [
        { kind: 'strength', messageId: 'incremental', at: 'flows/reindex.py:8' },
        { kind: 'strength', messageId: 'deletesHandled', at: 'flows/reindex.py:6' },
      ],
    },
    {
      name: 'LangChain\'s record manager with incremental cleanup',
      files: { 'ingest.py': 'from langchain.indexes import SQLRecordManager, index\n\ndef run(docs, store):\n    manager = SQLRecordManager("chroma/docs", db_url="sqlite:///records.db")\n    index(docs, manager, store, cleanup="incremental", source_id_key="source")\n' },
      expected: [{ kind: 'strength', messageId: 'recordManager', at: 'ingest.py:5' }],
    },
    {
      name: 'Chroma ids from uuid4',
      files: { 'ingest.py': 'import uuid\nimport chromadb\ncollection = chromadb.PersistentClient(path="db").get_or_create_collection("docs")\n\ndef ingest(chunks):\n    ids = [str(uuid.uuid4()) for _ in chunks]\n    collection.upsert(ids=ids, documents=chunks)\n' },
      expected: [{ kind: 'concern', messageId: 'randomIds', at: 'ingest.py:6' }],
    },
    {
      name: 'a collection dropped and rebuilt',
      files: { 'build_index.py': 'import chromadb\nclient = chromadb.PersistentClient(path="db")\nclient.delete_collection("docs")\ncollection = client.create_collection("docs")\ncollection.add(ids=["a"], documents=["x"])\n' },
      expected: [
        { kind: 'strength', messageId: 'idempotent', at: 'build_index.py:5' },
        { kind: 'info', messageId: 'fullRebuild', at: 'build_index.py:3' },
      ],
    },
    {
      name: 'add_documents without ids and nothing else',
      files: { 'ingest.py': 'from langchain_chroma import Chroma\nstore = Chroma(persist_directory="db")\n\ndef ingest(docs):\n    store.add_documents(docs)\n' },
      expected: [{ kind: 'concern', messageId: 'appendOnly', at: 'ingest.py:5' }],
    },
    {
      name: 'a FAISS index built in memory on every run',
      files: { 'index.py': 'import faiss\nindex = faiss.IndexFlatL2(384)\n\ndef build(vectors):\n    index.add(vectors)\n' },
      expected: [],
    },
    {
      name: 'dictionary and list methods that are no vector store',
      files: { 'util.py': 'seen = set()\nseen.add(1)\nitems = {}\nitems.update({"a": 1})\n' },
      expected: [],
    },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('says where the ids come from', async () => {
    const [incremental] = await findingsOf(check, { 'flows/reindex.py': QDRANT });
    expect(incremental!.message).toBe('Re-indexing is incremental: `client.upsert(…)` replaces chunks under ids derived from content hashes');
  });
});
