import { defineCheck } from '../../src/engine/define-check.js';
import { calleeMatches, pythonCalls } from '../../src/facts/query.js';
import type { Literal } from '../../src/facts/types.js';
import { at, scriptOption, shown } from '../../src/facts/queries/rag.js';
import type { Evidence } from '../../src/types.js';
import { addTo } from '../../src/multimap.js';

/** Embedding constructors and calls; the model is a keyword argument or, for some, the first argument. */
const PY_EMBEDDERS = [
  'sentence_transformers.SentenceTransformer',
  '*.HuggingFaceEmbeddings', '*.HuggingFaceBgeEmbeddings', '*.HuggingFaceInstructEmbeddings', '*.HuggingFaceEndpointEmbeddings', '*.HuggingFaceEmbedding',
  '*.OpenAIEmbeddings', '*.AzureOpenAIEmbeddings', '*.OpenAIEmbedding', '*.OllamaEmbeddings', '*.OllamaEmbedding', '*.CohereEmbeddings', '*.FastEmbedEmbeddings',
  '*.SentenceTransformerEmbeddings', '*.SentenceTransformerEmbeddingFunction', '*.OpenAIEmbeddingFunction', '*.OllamaEmbeddingFunction', '*.HuggingFaceEmbeddingFunction',
  '*.GoogleGenerativeAIEmbeddings', '*.VoyageAIEmbeddings', '*.MistralAIEmbeddings', '*.TextEmbedding',
  '*.embeddings.create', 'ollama.embeddings', 'ollama.embed', '*.Client().embeddings', '*.Client().embed',
];
const PY_PACKAGES = /^(sentence_transformers|langchain|llama_index|chromadb|openai|ollama|fastembed|cohere)/;
const JS_EMBEDDERS = /^(OpenAIEmbeddings|OllamaEmbeddings|HuggingFaceInferenceEmbeddings|HuggingFaceTransformersEmbeddings|CohereEmbeddings|GoogleGenerativeAIEmbeddings|MistralAIEmbeddings|OpenAIEmbedding|OllamaEmbedding|HuggingFaceEmbedding)$/;
const MODEL_KEYS = ['model_name', 'model', 'model_id', 'modelName', 'model_name_or_path'];
/** Where the first positional argument is the model. */
const FIRST_ARG_MODEL = /^(SentenceTransformer|SentenceTransformerEmbeddingFunction|TextEmbedding|HuggingFaceEmbedding)$/;

interface Embedder {
  via: string;
  model: string | null;
  evidence: Evidence;
}

function embedders(facts: Parameters<typeof pythonCalls>[0]): Embedder[] {
  const out: Embedder[] = [];
  for (const call of pythonCalls(facts)) {
    if (!PY_PACKAGES.test(call.callee) || !PY_EMBEDDERS.some((p) => calleeMatches(call.callee, p))) continue;
    if (call.callee.includes('().') && !/embed/i.test(call.callee.slice(call.callee.lastIndexOf('().')))) continue;
    // `model.encode(...)` is a use, not a construction: only the constructor or the embed call names the model.
    const key = MODEL_KEYS.find((k) => call.kwargs[k]);
    const value = key ? call.kwargs[key] : FIRST_ARG_MODEL.test(call.name) ? call.args[0] : undefined;
    const literal: Literal | undefined = value?.literal;
    const model = literal === undefined ? (value ? `${value.text} (not a literal)` : null) : shown(literal, value!.text);
    out.push({ via: call.raw.replace(/^.*\.(?=\w+\.\w+$)/, ''), model, evidence: call.evidence });
  }
  for (const call of facts.scripts.flatMap((m) => m.calls)) {
    const isEmbedder = JS_EMBEDDERS.test(call.name) && /^(@langchain\/|langchain|llamaindex|@llamaindex\/)/.test(call.callee);
    const isPipeline = call.name === 'pipeline' && /^(@xenova\/transformers|@huggingface\/transformers)/.test(call.callee) && call.args[0]?.literal === 'feature-extraction';
    const isOpenAI = /embeddings\.create$/.test(call.callee);
    if (!isEmbedder && !isPipeline && !isOpenAI) continue;
    const option = scriptOption(call, 'model') ?? scriptOption(call, 'modelName');
    const model = isPipeline ? (call.args[1] ? shown(call.args[1].literal, call.args[1].text) : null) : option ? shown(option.literal, option.text) : null;
    out.push({ via: call.name, model, evidence: call.evidence });
  }
  return out;
}

export default defineCheck({
  id: 'rag/embedding-model',
  docs: 'Reports the embedding model(s) named in code, and whether documents and queries are embedded by different models or by an unnamed library default.',
  messages: {
    named: 'Embedding model `{{model}}` through `{{via}}` ({{count}} place(s))',
    unnamed: '`{{via}}` at {{at}} names no model: the library’s default embedding model is used',
    differentModels: 'Different embedding models in one pipeline: {{models}} — documents and queries must be embedded by the same model to be comparable',
  },
  questions: {
    unnamed: '`{{via}}` at `{{at}}` relies on the default embedding model — which model is that, and why is it a fit for your documents?',
    differentModels: 'The code embeds with {{models}} — which one embeds the documents and which the queries, and what happens to similarity scores across models?',
  },
  *run({ facts }) {
    const found = embedders(facts);
    const byModel = new Map<string, Embedder[]>();
    for (const e of found) {
      if (e.model === null) {
        yield { kind: 'info', messageId: 'unnamed', evidence: [e.evidence], data: { via: e.via, at: at(e.evidence) } };
        continue;
      }
      addTo(byModel, e.model, e);
    }
    for (const [model, uses] of byModel) {
      const [first, ...rest] = uses.map((u) => u.evidence);
      yield { kind: 'info', messageId: 'named', evidence: [first!, ...rest], data: { model, via: uses[0]!.via, count: uses.length } };
    }
    const literalModels = [...byModel.keys()].filter((m) => !m.endsWith('(not a literal)'));
    if (literalModels.length > 1) {
      const evidence = literalModels.map((m) => byModel.get(m)![0]!.evidence);
      yield {
        kind: 'concern',
        messageId: 'differentModels',
        evidence: [evidence[0]!, ...evidence.slice(1)],
        data: { models: literalModels.map((m) => `\`${m}\` (${at(byModel.get(m)![0]!.evidence)})`).join(' and ') },
      };
    }
  },
});
