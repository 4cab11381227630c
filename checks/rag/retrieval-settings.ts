import { defineCheck } from '../../src/engine/define-check.js';
import { pythonCalls } from '../../src/facts/query.js';
import type { Literal, PyCall, PyValue, ScriptCall } from '../../src/facts/types.js';
import { at, scriptOption, shown } from '../../src/facts/queries/rag.js';

const RAG_PACKAGES = /^(langchain|langchain_\w+|llama_index|chromadb|qdrant_client|faiss|pinecone|weaviate|pymilvus|lancedb|sentence_transformers|rank_bm25|@langchain\/|langchain\/|llamaindex|chromadb|@qdrant\/)/;
const RERANK_PACKAGES = /^(sentence_transformers|langchain|langchain_\w+|llama_index|cohere|FlagEmbedding|flashrank|rerankers|@langchain\/|cohere-ai)/;
const RERANKER = /^(CrossEncoder|\w*Rerank(er)?|FlagReranker|LayerWiseFlagLLMReranker|Ranker|rerank|CrossEncoderReranker)$/;

function settingsOf(call: PyCall, chromaModules: Set<string>): string[] | null {
  const lit = (v: PyValue | undefined): Literal | undefined => v?.literal;
  const text = (v: PyValue | undefined) => (v ? (v.kind === 'name' || v.kind === 'call' ? shown(lit(v), v.text) : v.text) : undefined);
  const out: string[] = [];
  const add = (label: string, value: string | undefined) => value !== undefined && out.push(`${label}=${value}`);
  const name = call.name;
  // `self.collection.query(...)` in a module that imports chromadb is a Chroma query the resolver could not follow.
  const chromaQuery = name === 'query' && ((call.callee.startsWith('chromadb') && call.callee.includes('().')) || (/collection\.query$/i.test(call.raw) && chromaModules.has(call.evidence.path)));
  if (chromaQuery) {
    add('n_results', text(call.kwargs.n_results));
    if (call.kwargs.where) out.push('metadata filter');
    return out;
  }
  if (!RAG_PACKAGES.test(call.callee)) return null;
  if (name === 'as_retriever' || name === 'as_query_engine' || name === 'as_chat_engine' || name === 'VectorIndexRetriever') {
    const type = lit(call.kwargs.search_type);
    const kwargs = lit(call.kwargs.search_kwargs);
    const options = kwargs && typeof kwargs === 'object' && !Array.isArray(kwargs) ? kwargs : {};
    add('k', options.k !== undefined ? shown(options.k, '') : text(call.kwargs.similarity_top_k));
    if (type === 'mmr') out.push('MMR');
    else if (type !== undefined) add('search_type', shown(type, ''));
    for (const key of ['fetch_k', 'lambda_mult', 'score_threshold'] as const) if (options[key] !== undefined) add(key, shown(options[key], ''));
    if (call.kwargs.vector_store_query_mode) add('mode', text(call.kwargs.vector_store_query_mode));
    return out;
  }
  if (/^(similarity_search\w*|max_marginal_relevance_search\w*|asimilarity_search\w*)$/.test(name)) {
    add('k', text(call.kwargs.k ?? call.args[1]));
    if (/max_marginal/.test(name)) out.push('MMR');
    add('fetch_k', text(call.kwargs.fetch_k));
    add('score_threshold', text(call.kwargs.score_threshold));
    return out;
  }
  if (/^(search|query_points|search_batch)$/.test(name) && call.callee.startsWith('qdrant_client')) {
    add('limit', text(call.kwargs.limit));
    add('score_threshold', text(call.kwargs.score_threshold));
    return out;
  }
  if (name === 'search' && call.callee.startsWith('faiss') && call.callee.includes('().')) {
    add('k', text(call.args[1] ?? call.kwargs.k));
    return out;
  }
  if (name === 'semantic_search' && call.callee.startsWith('sentence_transformers')) {
    add('top_k', text(call.kwargs.top_k));
    add('score_threshold', text(call.kwargs.score_threshold));
    return out;
  }
  if (/^BM25(Retriever|Okapi|L|Plus)?$/.test(name) || /BM25Retriever\.(from_documents|from_texts|from_defaults)$/.test(call.callee)) {
    out.push('keyword search (BM25)');
    add('k', text(call.kwargs.k ?? call.kwargs.similarity_top_k));
    return out;
  }
  if (name === 'EnsembleRetriever' || name === 'QueryFusionRetriever') {
    out.push('hybrid search');
    add('weights', text(call.kwargs.weights));
    return out;
  }
  return null;
}

function scriptSettings(call: ScriptCall): string[] | null {
  if (!/^(@langchain\/|langchain\/|langchain$|llamaindex|chromadb)/.test(call.callee)) return null;
  const out: string[] = [];
  const first = call.args[0];
  if (call.name === 'asRetriever') {
    const k = first?.kind === 'number' ? first.text : scriptOption(call, 'k')?.text;
    if (k) out.push(`k=${k}`);
    if (scriptOption(call, 'searchType')?.text.includes('mmr')) out.push('MMR');
    return out;
  }
  if (/^(similaritySearch\w*|maxMarginalRelevanceSearch)$/.test(call.name)) {
    const k = call.args[1];
    if (k?.kind === 'number') out.push(`k=${k.text}`);
    else if (k && scriptOption({ ...call, args: [k] }, 'k')) out.push(`k=${scriptOption({ ...call, args: [k] }, 'k')!.text}`);
    if (call.name === 'maxMarginalRelevanceSearch') out.push('MMR');
    return out;
  }
  if (call.name === 'query' && call.callee.startsWith('chromadb')) {
    const n = scriptOption(call, 'nResults')?.text;
    if (n) out.push(`n_results=${n}`);
    return out;
  }
  return null;
}

export default defineCheck({
  id: 'rag/retrieval-settings',
  docs: 'Reports each retrieval call with its choices (top-k, score threshold, MMR, keyword or hybrid search) and each reranker that reorders the retrieved passages.',
  messages: {
    retrieval: 'Retrieval: {{settings}}',
    defaultK: 'Retrieval leaves the number of passages (top-k) at the library default{{extra}}',
    reranked: 'Retrieved passages are reranked with `{{via}}`{{model}}',
  },
  questions: {
    defaultK: '`{{at}}` retrieves the library’s default number of passages — how many is that, and how would you pick k for your data?',
    reranked: 'You rerank retrieved passages at `{{at}}` — what did reranking change in your results, and what does it cost in latency?',
  },
  *run({ facts }) {
    const chromaModules = new Set(facts.python.filter((m) => m.imports.some((i) => i.module.startsWith('chromadb'))).map((m) => m.path));
    for (const call of pythonCalls(facts)) {
      const settings = settingsOf(call, chromaModules);
      if (settings) yield report(settings, call.evidence);
      if (RERANKER.test(call.name) && RERANK_PACKAGES.test(call.callee) && (!call.callee.includes('().') || call.name === 'rerank')) {
        const model = (call.kwargs.model ?? call.kwargs.model_name ?? call.args[0])?.literal;
        yield { kind: 'strength', messageId: 'reranked', evidence: [call.evidence], data: { via: call.name, model: typeof model === 'string' ? ` (\`${model}\`)` : '', at: at(call.evidence) } };
      }
    }
    for (const call of facts.scripts.flatMap((m) => m.calls)) {
      const settings = scriptSettings(call);
      if (settings) yield report(settings, call.evidence);
      if (/Rerank/.test(call.name) && RERANK_PACKAGES.test(call.callee)) {
        yield { kind: 'strength', messageId: 'reranked', evidence: [call.evidence], data: { via: call.name, model: '', at: at(call.evidence) } };
      }
    }

    function report(settings: string[], evidence: PyCall['evidence']) {
      const hasK = settings.some((s) => /^(k|n_results|limit|top_k)=/.test(s));
      const keyword = settings.some((s) => /BM25|hybrid/.test(s));
      if (!hasK && !keyword) {
        const extra = settings.length ? ` (${settings.join(', ')})` : '';
        return { kind: 'info' as const, messageId: 'defaultK' as const, evidence: [evidence] as [typeof evidence], data: { extra, at: at(evidence) } };
      }
      return { kind: 'info' as const, messageId: 'retrieval' as const, evidence: [evidence] as [typeof evidence], data: { settings: settings.join(', '), at: at(evidence) } };
    }
  },
});
