import type { Rubric } from './rubric-schema.js';

const OPEN_SOURCE_GENERATORS = ['ollama', 'vllm', 'llama-cpp', 'transformers', 'transformers-js'];
const LOADS_INTO_STORE = [
  '*.add', '*.upsert', '*.add_documents', '*.add_texts', '*.from_documents', '*.from_texts', '*.insert',
  '*.index_documents', '*.addDocuments', '*.fromDocuments', '*.fromTexts',
];

/**
 * The reference take-home of PRODUCT.md: load the data into a vector database, a RAG pipeline
 * with an open-source LLM, an API endpoint, an evaluation over the test questions, a short report.
 * Item ids are part of the JSON contract.
 */
export const DEFAULT_RUBRIC: Rubric = {
  items: [
    {
      id: 'vector-db',
      title: 'Data loaded into a vector database',
      lookedFor: 'a vector store client (Chroma, FAISS, Qdrant, …) and a call that adds documents or embeddings to it',
      met: [{ stack: 'vectorStores' }, { calls: LOADS_INTO_STORE }],
      partial: [{ stack: 'vectorStores' }],
    },
    {
      id: 'rag-open-source-llm',
      title: 'A RAG pipeline whose generator is an open-source model',
      lookedFor: 'retrieval feeding a prompt, and generation through Ollama, Hugging Face Transformers, vLLM or llama.cpp',
      met: [{ stack: 'rag.retrieval' }, { stack: 'libraries', ids: OPEN_SOURCE_GENERATORS }],
      partial: [{ stack: 'rag.retrieval' }],
    },
    {
      id: 'api-endpoint',
      title: 'An API endpoint that answers a question',
      lookedFor: 'a route handler in FastAPI, Flask, Django, Express, Fastify, NestJS, Next.js, BentoML or LitServe',
      met: [{ stack: 'apiFrameworks', ids: ['fastapi', 'flask', 'django', 'express', 'fastify', 'nestjs', 'nextjs', 'bentoml', 'litserve'] }],
      partial: [{ stack: 'apiFrameworks', ids: ['gradio', 'streamlit'] }],
    },
    {
      id: 'evaluation',
      title: 'Evaluation of the test questions with a metric',
      lookedFor: 'code that computes a quality metric (accuracy, exact match, F1, recall@k, ROUGE, ragas, an LLM judge)',
      met: [{ stack: 'evaluation' }],
      partial: [{ file: '(^|/)(eval|evaluation|test_questions|questions)[^/]*\\.(jsonl?|csv|ya?ml)$' }],
    },
    {
      id: 'report',
      title: 'A short report with results',
      lookedFor: 'a REPORT/RESULTS document, or a README section, that states measured results',
      met: [{ file: '(^|/)(README|REPORT|RESULTS|report|results)[^/]*\\.(md|rst|txt)$', contains: '(accuracy|exact match|f1|recall|precision|score|latency)[^\\n]{0,40}\\d' }],
      partial: [{ file: '(^|/)(REPORT|RESULTS|report|results)[^/]*\\.(md|rst|txt|pdf|ipynb)$' }],
    },
  ],
};
