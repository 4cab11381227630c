import { isTestPath, plainCallee } from '../query.js';
import type { Facts, PyCall, PyModule } from '../types.js';
import { functionNamed } from './ops.js';

export { at } from '../evidence.js';

// ---------------------------------------------------------------- receivers typed by annotations

/**
 * A call's callee with its receiver resolved through the enclosing function's parameter annotations:
 * `def upsert(client: QdrantClient): client.delete(…)` → `qdrant_client.QdrantClient().delete`.
 */
export function typedCallee(call: PyCall, module: PyModule): string {
  if (call.callee !== call.raw) return call.callee;
  const dot = call.raw.indexOf('.');
  if (dot <= 0) return call.callee;
  const receiver = call.raw.slice(0, dot);
  const type = functionNamed(module, call.scope)?.paramTypes[receiver];
  return type ? `${type}()${call.raw.slice(dot)}` : call.callee;
}

// ---------------------------------------------------------------- vector store writes

/** Libraries whose clients hold a vector index. */
const STORE_LIBRARY = /^(chromadb|langchain\w*|llama_index|qdrant_client|pinecone|weaviate|pymilvus|lancedb|redisvl|elasticsearch|opensearchpy|faiss|pgvector|psycopg\w*|supabase|vecs|marqo|typesense|turbopuffer)(\.|$)/;
/** Receivers whose name says they are a store, for calls the resolver could not follow. */
const STORE_RECEIVER = /(store|vectordb|vector_db|db|index|collection|chroma|qdrant|pinecone|weaviate|milvus|lance)$/i;

export type StoreOp = 'upsert' | 'add' | 'delete' | 'drop' | 'indexApi';

const OPS: readonly [RegExp, StoreOp][] = [
  [/^(upsert|aupsert|upsert_points|upsert_documents|batch_upsert|update_documents|update_document|refresh_ref_docs)$/, 'upsert'],
  [/^(add|add_documents|aadd_documents|add_texts|aadd_texts|add_embeddings|insert|insert_nodes|insert_many|index_documents|from_documents|from_texts|afrom_documents)$/, 'add'],
  [/^(delete|adelete|delete_documents|delete_ref_doc|delete_nodes|delete_by_ids|remove_documents)$/, 'delete'],
  [/^(delete_collection|recreate_collection|reset|drop_collection|drop_table|delete_index|drop_index|clear_collection)$/, 'drop'],
];

/** One write to a vector store: what it does, whether it names ids, and the call. */
export interface StoreWrite {
  op: StoreOp;
  call: PyCall;
  module: PyModule;
  /** The callee with its receiver resolved, for messages. */
  callee: string;
  /** `ids=`, `points=[PointStruct(id=…)]`, a record manager: the write names what it replaces. */
  hasIds: boolean;
}

/** Whether a call reaches a vector store: resolved to a store library, or on a receiver named like one in a module that imports one. */
function isStoreCall(callee: string, call: PyCall, module: PyModule): boolean {
  if (STORE_LIBRARY.test(plainCallee(callee))) return true;
  const receiver = call.raw.slice(0, call.raw.lastIndexOf('.'));
  return receiver !== '' && STORE_RECEIVER.test(receiver.replace(/^self\./, '')) && module.imports.some((i) => STORE_LIBRARY.test(i.module));
}

/** Writes to vector stores across the submission (tests left out), in file order. */
export function storeWrites(facts: Facts): StoreWrite[] {
  const out: StoreWrite[] = [];
  for (const module of facts.python) {
    if (isTestPath(module.path)) continue;
    for (const call of module.calls) {
      const callee = typedCallee(call, module);
      const plain = plainCallee(callee);
      // LangChain's indexing API: `index(docs, record_manager, vector_store, cleanup="incremental")`.
      if (/^(langchain|langchain_core)\.(indexes|indexing)(\.\w+)*\.a?index$/.test(plain)) {
        out.push({ op: 'indexApi', call, module, callee, hasIds: true });
        continue;
      }
      const op = OPS.find(([pattern]) => pattern.test(call.name))?.[1];
      if (!op || !isStoreCall(callee, call, module)) continue;
      const text = [...call.args, ...Object.values(call.kwargs)].map((v) => v.text).join(' ');
      const hasIds = 'ids' in call.kwargs || 'id' in call.kwargs || /\bids?\s*=|PointStruct|\bids\b/.test(text);
      out.push({ op, call, module, callee, hasIds });
    }
    // `shutil.rmtree(PERSIST_DIR)` before indexing again is a full rebuild.
    for (const call of module.calls) {
      if (plainCallee(call.callee) !== 'shutil.rmtree') continue;
      const target = call.args[0];
      const text = `${target?.text ?? ''} ${typeof target?.literal === 'string' ? target.literal : ''}`;
      if (/chroma|index|vector|persist|faiss|lance|qdrant|embedding/i.test(text)) out.push({ op: 'drop', call, module, callee: 'shutil.rmtree', hasIds: false });
    }
  }
  return out.sort((a, b) => (a.call.evidence.path < b.call.evidence.path ? -1 : a.call.evidence.path > b.call.evidence.path ? 1 : a.call.evidence.line - b.call.evidence.line));
}

/** Stores that keep their vectors between runs: a persistent client, a server, a persist directory. */
const PERSISTENT_STORE = /^(chromadb\.(PersistentClient|HttpClient|AsyncHttpClient)|qdrant_client\.(QdrantClient|AsyncQdrantClient)|pinecone\.|weaviate\.(connect\w*|Client|WeaviateClient)|pymilvus\.|lancedb\.connect|langchain_postgres\.|elasticsearch\.|opensearchpy\.|redisvl\.)/;

/** Whether the submission writes to a store that outlives the process, where repeated ingestion accumulates. */
export function persistsVectors(facts: Facts): boolean {
  return facts.python.some((m) => m.calls.some((c) => 'persist_directory' in c.kwargs || PERSISTENT_STORE.test(plainCallee(c.callee))));
}

// ---------------------------------------------------------------- content hashing

const HASH_CALL = /^(hashlib\.\w+|xxhash\.\w+|mmh3\.\w+|uuid\.(uuid3|uuid5)|farmhash\.\w+|blake3\.\w+)$/;

/** Hashes of content (`hashlib.sha256(text)`, `uuid5(namespace, text)`) computed in non-test code. */
export function contentHashes(facts: Facts): PyCall[] {
  return facts.python.filter((m) => !isTestPath(m.path)).flatMap((m) => m.calls.filter((c) => HASH_CALL.test(plainCallee(c.callee)) && !/\.(hexdigest|digest)$/.test(plainCallee(c.callee))));
}

/** Random ids (`uuid.uuid4()`), which make a re-ingested document a new one. */
export function randomIds(facts: Facts): PyCall[] {
  return facts.python.filter((m) => !isTestPath(m.path)).flatMap((m) => m.calls.filter((c) => plainCallee(c.callee) === 'uuid.uuid4'));
}

/** Evidence of a call, for messages: `client.upsert(…)`. */
export function shownCall(call: PyCall): string {
  return `${call.raw}(…)`;
}
