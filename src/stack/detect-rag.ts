import { codeStrings, plainCallee, pythonCalls } from '../facts/query.js';
import type { Facts } from '../facts/types.js';
import type { Evidence } from '../types.js';
import { sortedEvidence } from './evidence-map.js';
import type { RagStages } from './types.js';

type Stage = keyof RagStages;

/** Call names (last segment, or `Class.method`) that perform each stage, in Python and TypeScript. */
const STAGE_CALLS: Record<Exclude<Stage, 'promptTemplate'>, RegExp> = {
  chunking: /^(split_documents|split_text|create_documents|get_nodes_from_documents|chunk\w*|\w*_chunks?|\w*TextSplitter|SentenceSplitter|TokenTextSplitter|SemanticChunker|splitDocuments|splitText|createDocuments)$/,
  embeddings: /^(\w*Embeddings?|\w*EmbeddingFunction|SentenceTransformer|embed_documents|embed_query|embed|embeddings|embedDocuments|embedQuery|encode)$/,
  retrieval: /^(similarity_search\w*|max_marginal_relevance_search|as_retriever|get_relevant_documents|retrieve|query|search|invoke_retriever|similaritySearch\w*|asRetriever|getRelevantDocuments|semantic_search)$/,
  reranking: /^(CrossEncoder|(?=\w*$)\w*Rerank\w*|rerank\w*|\w*Reranker|compress_documents)$/,
};

/** Receivers that make an ambiguous method (`encode`, `query`, `search`) a RAG step. */
const AMBIGUOUS = new Set(['encode', 'query', 'search', 'embed', 'embeddings', 'retrieve']);
const RAG_RECEIVER = /(sentence_transformers|SentenceTransformer|chromadb|collection|faiss|index|qdrant|vector|store|retriever|pinecone|weaviate|lancedb|milvus|embed|ollama|openai)/i;
const PROMPT_TEMPLATE_CALLS = /^(PromptTemplate|ChatPromptTemplate|from_template|from_messages|RichPromptTemplate|SystemMessagePromptTemplate|HumanMessagePromptTemplate)$/;
const CONTEXT_SLOT = /\{\s*(context|contexts|docs|documents|passages|sources|retrieved\w*|chunks)\s*\}|\$\{\s*(context|docs|documents|passages|chunks)\s*\}/i;
const QUESTION_SLOT = /\{\s*(question|query|input|user_question|prompt)\s*\}|\$\{\s*(question|query|input)\s*\}/i;

/**
 * `stack.rag`: evidence per stage (chunking, embeddings, retrieval, reranking, prompt template).
 * Null unless something is retrieved — an embedding model alone is not retrieval-augmented generation.
 */
export function detectRag(facts: Facts): RagStages | null {
  const stages: Record<Stage, Evidence[]> = { chunking: [], embeddings: [], retrieval: [], reranking: [], promptTemplate: [] };
  const calls = [
    ...pythonCalls(facts).map((c) => ({ name: c.name, callee: plainCallee(c.callee), evidence: c.evidence })),
    ...facts.scripts.flatMap((m) => m.calls).map((c) => ({ name: c.name, callee: plainCallee(c.callee), evidence: c.evidence })),
  ];
  for (const call of calls) {
    for (const stage of Object.keys(STAGE_CALLS) as (keyof typeof STAGE_CALLS)[]) {
      if (!STAGE_CALLS[stage].test(call.name)) continue;
      if (AMBIGUOUS.has(call.name) && !RAG_RECEIVER.test(call.callee.slice(0, -call.name.length))) continue;
      stages[stage].push(call.evidence);
    }
    if (PROMPT_TEMPLATE_CALLS.test(call.name)) stages.promptTemplate.push(call.evidence);
  }
  for (const { value, evidence } of codeStrings(facts)) {
    if (CONTEXT_SLOT.test(value) && QUESTION_SLOT.test(value)) stages.promptTemplate.push(evidence);
  }
  // Chunkers the candidate wrote: `def chunk_text(...)`.
  for (const fn of facts.python.flatMap((m) => m.functions)) {
    if (/(^|_)(chunk|chunks|split_into_chunks|chunker)(_|$)/i.test(fn.name) && !/^test_/.test(fn.name)) stages.chunking.push(fn.evidence);
  }
  if (!stages.retrieval.length) return null;
  return {
    chunking: sortedEvidence(stages.chunking),
    embeddings: sortedEvidence(stages.embeddings),
    retrieval: sortedEvidence(stages.retrieval),
    reranking: sortedEvidence(stages.reranking),
    promptTemplate: sortedEvidence(stages.promptTemplate),
  };
}
