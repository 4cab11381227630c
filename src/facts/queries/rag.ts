import type { Evidence } from '../../types.js';
import { plainCallee, pythonCalls, pythonCallsTo } from '../query.js';
import type { Facts, Literal, PyCall, ScriptCall } from '../types.js';

export { at } from '../evidence.js';

/** A value shown in a message: literals as written in Python, anything else as its source text. */
export function shown(value: Literal | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A keyword argument of a JS options object (`{ chunkSize: 500 }`), literal or as written. */
export function scriptOption(call: ScriptCall, key: string): { literal?: Literal; text: string } | undefined {
  for (const arg of call.args) {
    const literal = arg.literal;
    if (literal && typeof literal === 'object' && !Array.isArray(literal) && key in literal) return { literal: literal[key]!, text: JSON.stringify(literal[key]) };
    if (arg.kind === 'object') {
      const match = new RegExp(`(?:^|[{,\\s])${key}\\s*:\\s*([^,}]+)`).exec(arg.text);
      if (match) return { text: match[1]!.trim() };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------- text splitters

export interface Splitter {
  /** Class name: `RecursiveCharacterTextSplitter`. */
  name: string;
  unit: 'characters' | 'tokens' | 'sentences' | 'semantic';
  /** `null` when the call leaves it to the library default. */
  size: Literal | null;
  overlap: Literal | null;
  /** Library defaults for the unset values, as the docs give them. */
  defaultSize: number | null;
  defaultOverlap: number | null;
  /** True when the splitter splits something: a method is called on it or it is handed on. */
  used: boolean;
  evidence: Evidence;
}

const SPLITTER_CLASS = /^(\w*TextSplitter|SentenceSplitter|TokenSplitter|SemanticChunker|SemanticSplitterNodeParser|SentenceWindowNodeParser|MarkdownNodeParser|HierarchicalNodeParser|CodeSplitter)$/;
/** Only classes from these packages count: a candidate's own `TextSplitter` class is a function to read, not a library splitter. */
const SPLITTER_PACKAGES = /^(langchain|langchain_\w+|llama_index|@langchain\/|langchain\/|llamaindex|@llamaindex\/|semantic_text_splitter|semchunk|chonkie)/;
const SPLIT_METHODS = new Set(['split_documents', 'split_text', 'create_documents', 'transform_documents', 'get_nodes_from_documents', 'splitDocuments', 'splitText', 'createDocuments', 'transformDocuments', 'getNodesFromDocuments', 'chunks', 'chunk']);

function unitOf(name: string, tokenKwarg: boolean): Splitter['unit'] {
  if (/Semantic/.test(name)) return 'semantic';
  if (/Token|SentenceTransformers/.test(name) || tokenKwarg) return 'tokens';
  if (/^Sentence(Splitter|Window)/.test(name)) return 'tokens';
  return 'characters';
}

/** Library defaults (LangChain's TextSplitter: 4000/200; LlamaIndex SentenceSplitter: 1024/200, TokenTextSplitter: 1024/20). */
function defaultsOf(name: string, llama: boolean): [number | null, number | null] {
  if (/Semantic/.test(name)) return [null, null];
  if (llama) return name === 'TokenTextSplitter' ? [1024, 20] : [1024, 200];
  return [4000, 200];
}

/**
 * A test for whether a Python argument's name is mentioned in another call's arguments
 * (`from_documents(chunks)`, `transformations=[splitter]`): the pattern is built once per name.
 */
function mentions(name: string): (text: string) => boolean {
  // `name` is the candidate's own text (an assignment target): escaped, never a pattern.
  const literal = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(^|[^\\w.])${literal}([^\\w]|$)`);
  // The name itself must appear for the pattern to match: a cheap test first.
  return (text) => text.includes(name) && pattern.test(text);
}

const splittersOf = new WeakMap<Facts, readonly Splitter[]>();

/**
 * Every library text splitter the submission constructs, Python and TypeScript, with its settings
 * (found once per facts: several checks ask).
 */
export function textSplitters(facts: Facts): readonly Splitter[] {
  let splitters = splittersOf.get(facts);
  if (!splitters) splittersOf.set(facts, (splitters = findTextSplitters(facts)));
  return splitters;
}

function findTextSplitters(facts: Facts): Splitter[] {
  const out: Splitter[] = [];
  const calls = pythonCalls(facts);
  const byPath = callsByPath(calls);
  for (const call of calls) {
    if (!SPLITTER_CLASS.test(call.name) || !SPLITTER_PACKAGES.test(call.callee)) continue;
    if (call.callee.includes('().')) continue; // a method of a splitter, not a construction
    const llama = call.callee.startsWith('llama_index');
    const tokenKwarg = 'encoding_name' in call.kwargs || 'model_name' in call.kwargs || call.name.startsWith('from_tiktoken');
    const sizeValue = call.kwargs.chunk_size ?? call.kwargs.max_chunk_size;
    const overlapValue = call.kwargs.chunk_overlap;
    const [defaultSize, defaultOverlap] = defaultsOf(call.name, llama);
    out.push({
      name: call.name,
      unit: unitOf(call.name, tokenKwarg),
      size: sizeValue ? (sizeValue?.literal ?? sizeValue.text) : null,
      overlap: overlapValue ? (overlapValue?.literal ?? overlapValue.text) : null,
      defaultSize,
      defaultOverlap,
      used: pythonSplitterUsed(byPath.get(call.evidence.path) ?? [], call),
      evidence: call.evidence,
    });
  }
  // `RecursiveCharacterTextSplitter.from_tiktoken_encoder(chunk_size=…)` constructs a token-counting splitter.
  for (const call of calls) {
    if (!/^from_(tiktoken_encoder|huggingface_tokenizer|language)$/.test(call.name) || !SPLITTER_PACKAGES.test(call.callee)) continue;
    const cls = plainCallee(call.callee).split('.').slice(-2, -1)[0] ?? call.name;
    if (!SPLITTER_CLASS.test(cls)) continue;
    const sizeValue = call.kwargs.chunk_size;
    const overlapValue = call.kwargs.chunk_overlap;
    out.push({
      name: `${cls}.${call.name}`,
      unit: call.name === 'from_language' ? 'characters' : 'tokens',
      size: sizeValue ? (sizeValue?.literal ?? sizeValue.text) : null,
      overlap: overlapValue ? (overlapValue?.literal ?? overlapValue.text) : null,
      defaultSize: 4000,
      defaultOverlap: 200,
      used: pythonSplitterUsed(byPath.get(call.evidence.path) ?? [], call),
      evidence: call.evidence,
    });
  }
  for (const module of facts.scripts) {
    for (const call of module.calls) {
      if (!SPLITTER_CLASS.test(call.name) || !SPLITTER_PACKAGES.test(call.callee) || call.callee.includes('().')) continue;
      const size = scriptOption(call, 'chunkSize');
      const overlap = scriptOption(call, 'chunkOverlap');
      const llama = /llamaindex/.test(call.callee);
      const [defaultSize, defaultOverlap] = defaultsOf(call.name, llama);
      const own = plainCallee(call.callee);
      const used = module.calls.some((c) => c !== call && plainCallee(c.callee).startsWith(`${own}.`) && SPLIT_METHODS.has(c.name))
        || module.calls.some((c) => c !== call && c.args.some((a) => a.text.includes(`new ${call.raw}`)));
      out.push({
        name: call.name,
        unit: unitOf(call.name, scriptOption(call, 'encodingName') !== undefined),
        size: size ? (size.literal ?? size.text) : null,
        overlap: overlap ? (overlap.literal ?? overlap.text) : null,
        defaultSize,
        defaultOverlap,
        used: used || scriptSplitterHandedOn(module.calls, call),
        evidence: call.evidence,
      });
    }
  }
  return out;
}

/** Python calls grouped by file, in their order. */
function callsByPath(calls: readonly PyCall[]): Map<string, PyCall[]> {
  const byPath = new Map<string, PyCall[]>();
  for (const call of calls) {
    const list = byPath.get(call.evidence.path);
    if (list) list.push(call);
    else byPath.set(call.evidence.path, [call]);
  }
  return byPath;
}

/** Whether a Python splitter is used; `fileCalls` are the calls of its own file (itself included). */
function pythonSplitterUsed(fileCalls: readonly PyCall[], splitter: PyCall): boolean {
  const own = `${plainCallee(splitter.callee)}.`;
  const sameFile = fileCalls.filter((c) => c !== splitter);
  // A method called on it: `splitter.split_documents(docs)` resolves to `…TextSplitter().split_documents`.
  if (sameFile.some((c) => SPLIT_METHODS.has(c.name) && plainCallee(c.callee).startsWith(own))) return true;
  const values = (c: PyCall) => [...c.args, ...Object.values(c.kwargs)];
  // Handed on by name: `from_documents(docs, transformations=[splitter])`, `load_and_split(splitter)`.
  const variable = splitter.assignedTo;
  if (variable) {
    const isMentioned = mentions(variable);
    if (sameFile.some((c) => values(c).some((v) => isMentioned(v.text)))) return true;
  }
  // Or built inline as an argument: `IngestionPipeline(transformations=[SentenceSplitter(...)])`.
  if (!variable && sameFile.some((c) => values(c).some((v) => v.text.includes(`${splitter.raw}(`)))) return true;
  // `Settings.node_parser = SentenceSplitter(...)` or `Settings.text_splitter = …` configures LlamaIndex globally.
  return /node_parser|text_splitter|transformations/i.test(splitter.evidence.snippet) && splitter.evidence.snippet.indexOf(splitter.raw) > splitter.evidence.snippet.indexOf('=');
}

function scriptSplitterHandedOn(calls: ScriptCall[], splitter: ScriptCall): boolean {
  const variable = /(?:const|let|var)\s+(\w+)\s*=/.exec(splitter.evidence.snippet)?.[1];
  if (!variable) return false;
  const isMentioned = mentions(variable);
  return calls.some((c) => c !== splitter && c.args.some((a) => isMentioned(a.text)));
}

/** Calls that chunk text without a library splitter: the candidate's own chunking function, called. */
export function ownChunkerCalls(facts: Facts): PyCall[] {
  const chunkers = new Set(
    facts.python.flatMap((m) => m.functions).filter((f) => /(^|_)(chunk|chunks|chunker|chunked|split_into_chunks|split_text|split_documents|sliding_window|windows?)(_|$)/i.test(f.name) && !/^test_/.test(f.name)).map((f) => f.name),
  );
  return pythonCalls(facts).filter((c) => chunkers.has(c.name) && !SPLITTER_PACKAGES.test(c.callee));
}

/** LlamaIndex chunks documents itself (SentenceSplitter, 1024 tokens) when it builds an index from them. */
export function implicitChunking(facts: Facts): (PyCall | ScriptCall)[] {
  return [
    ...pythonCalls(facts).filter((c) => c.callee.startsWith('llama_index') && /^(from_documents|IngestionPipeline)$/.test(c.name)),
    ...facts.scripts.flatMap((m) => m.calls).filter((c) => /^(llamaindex|@llamaindex\/)/.test(c.callee) && c.name === 'fromDocuments'),
    // `loader.load_and_split()` splits with RecursiveCharacterTextSplitter by default.
    ...pythonCalls(facts).filter((c) => c.name === 'load_and_split' && c.callee.startsWith('langchain')),
  ];
}

/** Whether the submission splits its documents at all (a used splitter, its own chunker, or an index that chunks). */
export function chunksDocuments(facts: Facts): boolean {
  return textSplitters(facts).some((s) => s.used) || ownChunkerCalls(facts).length > 0 || implicitChunking(facts).length > 0;
}

// ---------------------------------------------------------------- vector stores

/** Calls that write documents or their vectors into a vector store. */
const PY_INGEST = [
  '*.from_documents', '*.from_texts', '*.afrom_documents', '*.afrom_texts', '*.add_documents', '*.aadd_documents', '*.add_texts', '*.add_embeddings',
];
const PY_STORE = /^(chromadb|langchain|llama_index|qdrant_client|faiss|pinecone|weaviate|pymilvus|lancedb|redisvl|elasticsearch|opensearchpy)/;

export function ingestionCalls(facts: Facts): (PyCall | ScriptCall)[] {
  const ingesting = new Set(pythonCallsTo(facts, PY_INGEST));
  const py = pythonCalls(facts).filter((c) => {
    if (ingesting.has(c)) return PY_STORE.test(c.callee) || /(store|db|index|vector|chroma|faiss|qdrant)/i.test(c.raw);
    // `collection.add(...)`/`upsert`, `index.add(vectors)`, `client.upsert(collection_name=…, points=…)`.
    if (/^(add|upsert|insert|upsert_points|index_documents)$/.test(c.name)) return PY_STORE.test(c.callee) && c.callee.includes('().');
    return false;
  });
  const js = facts.scripts.flatMap((m) => m.calls).filter((c) =>
    /^(fromDocuments|fromTexts|addDocuments|addVectors)$/.test(c.name) || (/^(add|upsert)$/.test(c.name) && /^(chromadb|@qdrant|@pinecone-database|@lancedb|vectordb)/.test(c.callee)),
  );
  return [...py, ...js];
}
