import { defineCheck } from '../../src/engine/define-check.js';
import { calleeMatches, plainCallee, pythonCalls } from '../../src/facts/query.js';
import type { PyCall, ScriptCall } from '../../src/facts/types.js';
import { at, ingestionCalls } from '../../src/facts/queries/rag.js';

const APP_MODULES = /^(fastapi|flask|gradio|streamlit|django|litserve|bentoml|starlette|quart|sanic)/;
const STARTUP = /(^|\.)(on_event|before_first_request|before_serving|on_startup|startup)(\(\))?$/;

type Verdict = { persistent: boolean; what: string } | null;

/** What every store `pythonStore` knows is called by: most calls of a repository are none, and are ruled out with one test. */
const STORE_CALLEE = /^(chromadb|langchain|qdrant_client|faiss|llama_index|pinecone|weaviate|pymilvus|pgvector|lancedb)|InMemoryVectorStore|DocArrayInMemorySearch/;

/** What one store construction says about where the vectors live. */
function pythonStore(call: PyCall, calls: PyCall[]): Verdict {
  const c = plainCallee(call.callee);
  if (!STORE_CALLEE.test(c)) return null;
  const kw = (k: string) => call.kwargs[k];
  if (calleeMatches(c, 'chromadb.PersistentClient')) return { persistent: true, what: `chromadb.PersistentClient(path=${kw('path')?.text ?? call.args[0]?.text ?? 'default'})` };
  if (calleeMatches(c, 'chromadb.HttpClient') || calleeMatches(c, 'chromadb.AsyncHttpClient')) return { persistent: true, what: 'a Chroma server (HttpClient)' };
  if (calleeMatches(c, 'chromadb.EphemeralClient')) return { persistent: false, what: 'chromadb.EphemeralClient()' };
  if (c === 'chromadb.Client') {
    const settings = kw('settings')?.text ?? call.args[0]?.text ?? '';
    return /persist_directory|is_persistent\s*=\s*True/.test(settings) ? { persistent: true, what: 'chromadb.Client with persist_directory' } : { persistent: false, what: 'chromadb.Client()' };
  }
  if (/^(langchain\w*|langchain_community)\.(vectorstores\.)?Chroma(\.(from_documents|from_texts))?$/.test(c) || /^langchain_chroma\.Chroma/.test(c)) {
    if (kw('persist_directory')) return { persistent: true, what: `Chroma persist_directory=${kw('persist_directory')!.text}` };
    const client = kw('client');
    if (client) return /PersistentClient|HttpClient/.test(client.resolved ?? client.text) ? { persistent: true, what: 'Chroma on a persistent client' } : null;
    return { persistent: false, what: `${call.raw}() without persist_directory` };
  }
  if (calleeMatches(c, 'qdrant_client.QdrantClient')) {
    const location = (kw('location') ?? call.args[0])?.literal;
    if (location === ':memory:') return { persistent: false, what: 'QdrantClient(":memory:")' };
    if (kw('path')) return { persistent: true, what: `QdrantClient(path=${kw('path')!.text})` };
    if (kw('url') || kw('host') || location) return { persistent: true, what: 'a Qdrant server' };
    return null;
  }
  if (/(^|\.)FAISS\.(from_documents|from_texts|from_embeddings)$/.test(c) && c.startsWith('langchain')) {
    const saved = calls.some((o) => o.name === 'save_local' && plainCallee(o.callee).startsWith(c));
    return saved ? { persistent: true, what: 'FAISS saved with save_local' } : { persistent: false, what: `${call.raw}() never saved` };
  }
  if (/^faiss\.Index\w*$/.test(c)) {
    const saved = calls.some((o) => calleeMatches(o.callee, 'faiss.write_index'));
    return saved ? { persistent: true, what: 'faiss index written with faiss.write_index' } : { persistent: false, what: `${call.raw}() never written to disk` };
  }
  if (/InMemoryVectorStore|DocArrayInMemorySearch/.test(c)) return { persistent: false, what: call.name };
  if (calleeMatches(c, 'llama_index.core.VectorStoreIndex.from_documents') || calleeMatches(c, 'llama_index.core.VectorStoreIndex')) {
    if (kw('storage_context')) return null; // an external vector store decides
    const persisted = calls.some((o) => o.name === 'persist' && o.callee.startsWith('llama_index'));
    return persisted ? { persistent: true, what: 'LlamaIndex storage persisted' } : { persistent: false, what: `${call.raw}() never persisted` };
  }
  if (/^(pinecone|weaviate|pymilvus|langchain_postgres|pgvector)/.test(c) && /^(Pinecone|connect_to_\w+|WeaviateClient|MilvusClient|PGVector|connect)$/.test(call.name)) return { persistent: true, what: `${call.raw} (a database service)` };
  if (calleeMatches(c, 'lancedb.connect')) return { persistent: true, what: `lancedb.connect(${call.args[0]?.text ?? ''})` };
  return null;
}

function scriptStore(call: ScriptCall): Verdict {
  if (call.name === 'MemoryVectorStore' || /MemoryVectorStore\.(fromDocuments|fromTexts)$/.test(call.callee)) return { persistent: false, what: 'MemoryVectorStore' };
  if (/^(chromadb\.ChromaClient|@langchain\/community\/vectorstores\/chroma\.Chroma)$/.test(plainCallee(call.callee))) return { persistent: true, what: 'a Chroma server' };
  return null;
}

export default defineCheck({
  id: 'rag/vector-store-persistence',
  docs: 'Reports where the vector index lives (persisted to disk or a database server, or in process memory) and documents indexed anew each time the service starts.',
  messages: {
    persistent: 'The vector index is persisted: {{what}}',
    inMemory: 'The vector index lives in process memory ({{what}}): it is lost when the process exits',
    rebuiltOnStart: 'Documents are indexed {{when}} at {{at}}: every start re-embeds the whole corpus',
  },
  questions: {
    rebuiltOnStart: '`{{at}}` indexes the documents {{when}} — how long does a start take with 1,000 documents, and with a million? How would you re-index only when documents change?',
  },
  *run({ facts }) {
    const calls = pythonCalls(facts);
    for (const call of calls) {
      const verdict = pythonStore(call, calls);
      if (verdict) yield { kind: 'info', messageId: verdict.persistent ? 'persistent' : 'inMemory', evidence: [call.evidence], data: { what: verdict.what } };
    }
    for (const call of facts.scripts.flatMap((m) => m.calls)) {
      const verdict = scriptStore(call);
      if (verdict) yield { kind: 'info', messageId: verdict.persistent ? 'persistent' : 'inMemory', evidence: [call.evidence], data: { what: verdict.what } };
    }

    // Re-indexing on start: ingestion at module level of a served module, or in a start-up hook,
    // directly or through one of the candidate's functions that ingests.
    const ingests = ingestionCalls(facts);
    const ingestSet = new Set(ingests);
    const ingestingFunctions = new Set(ingests.flatMap((c) => ('scope' in c && c.scope ? [c.scope.split('.').pop()!] : [])));
    const appModules = new Set(facts.python.filter((m) => m.imports.some((i) => APP_MODULES.test(i.module))).map((m) => m.path));
    const seen = new Set<string>();
    for (const call of calls) {
      const ingestsHere = ingestSet.has(call) || (ingestingFunctions.has(call.name) && !call.callee.includes('().') && call.scope?.split('.').pop() !== call.name);
      if (!ingestsHere) continue;
      const hook = call.scope && (call.scopeDecorators.some((d) => STARTUP.test(d)) || /^(lifespan|on_startup|startup\w*)$/.test(call.scope)) ? call.scope : null;
      const when = hook ? `in the start-up hook \`${hook}\`` : call.scope === null && appModules.has(call.evidence.path) ? 'at import time of the app module' : null;
      if (!when || seen.has(call.evidence.path)) continue;
      seen.add(call.evidence.path);
      yield { kind: 'concern', messageId: 'rebuiltOnStart', evidence: [call.evidence], data: { when, at: at(call.evidence) } };
    }
    for (const module of facts.scripts) {
      if (!module.routes.length) continue;
      const call = ingests.find((c) => c.evidence.path === module.path);
      if (call) yield { kind: 'concern', messageId: 'rebuiltOnStart', evidence: [call.evidence], data: { when: 'in the server process', at: at(call.evidence) } };
    }
  },
});
