import type { Evidence } from '../../types.js';
import { plainCallee } from '../query.js';
import type { Facts, PyCall, PyFunction, PyModule, ScriptCall } from '../types.js';

export { at } from '../evidence.js';

// ---------------------------------------------------------------- endpoints

/** A route the submission serves, in any framework. */
export interface Endpoint {
  framework: string;
  method: string;
  path: string;
  /** The route's declaration (the decorator or `app.get(...)` line). */
  evidence: Evidence;
  /** Python handlers only: the decorated function and its module. */
  handler?: { fn: PyFunction; module: PyModule };
}

const ROUTE_METHOD = /\.(get|post|put|patch|delete|route|api_route|websocket)$/;
/** Receivers that are an app or a router even when imported from another module (`from .main import app`). */
const APP_RECEIVER = /(^|\.)(app|api|router|\w+_router|bp|\w+_bp|blueprint|server)$/;

/** The web framework of a route decorator, or null when the decorator is not a route. */
export function routeFramework(decorator: string, module: PyModule): string | null {
  const plain = plainCallee(decorator);
  if (!ROUTE_METHOD.test(plain)) return null;
  const framework = /^(fastapi|flask|starlette)\./.exec(plain)?.[1];
  if (framework) return framework === 'starlette' ? 'fastapi' : framework;
  if (!APP_RECEIVER.test(plain.slice(0, plain.lastIndexOf('.')))) return null;
  const imported = module.imports.map((i) => i.module);
  if (imported.some((m) => m === 'fastapi' || m.startsWith('fastapi.'))) return 'fastapi';
  if (imported.some((m) => m === 'flask' || m.startsWith('flask.'))) return 'flask';
  return null;
}

/** The decorator call that declares a handler's route: the nearest call to the decorator above the `def`. */
function decoratorCall(fn: PyFunction, module: PyModule, decorator: string): PyCall | undefined {
  let best: PyCall | undefined;
  for (const call of module.calls) {
    const line = call.evidence.line;
    if (call.callee !== decorator || line >= fn.line || line < fn.line - 20) continue;
    if (!best || line > best.evidence.line) best = call;
  }
  return best;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** FastAPI and Flask route handlers, with the method and path read from the decorator's call. */
export function pythonEndpoints(facts: Facts): Endpoint[] {
  const out: Endpoint[] = [];
  for (const module of facts.python) {
    for (const fn of module.functions) {
      for (const decorator of fn.decorators) {
        const framework = routeFramework(decorator, module);
        if (!framework) continue;
        const call = decoratorCall(fn, module, decorator);
        const verb = plainCallee(decorator).slice(plainCallee(decorator).lastIndexOf('.') + 1);
        const methods = stringList(call?.kwargs['methods']?.literal).map((m) => m.toUpperCase());
        const method = verb === 'route' || verb === 'api_route' ? (methods.length ? methods.join(',') : 'GET') : verb === 'websocket' ? 'WEBSOCKET' : verb.toUpperCase();
        const path = call?.args[0]?.literal ?? call?.kwargs['path']?.literal ?? call?.kwargs['rule']?.literal;
        out.push({
          framework,
          method,
          path: typeof path === 'string' ? path : '?',
          evidence: call?.evidence ?? fn.evidence,
          handler: { fn, module },
        });
      }
    }
  }
  return out;
}

/** Every endpoint: FastAPI/Flask handlers, Django `path()`/`re_path()`, and TypeScript routes. */
export function endpoints(facts: Facts): Endpoint[] {
  const out = pythonEndpoints(facts);
  for (const module of facts.python) {
    for (const call of module.calls) {
      if (!/^django\.(urls|conf\.urls)\.(path|re_path|url)$/.test(call.callee)) continue;
      const path = call.args[0]?.literal;
      if (typeof path !== 'string') continue;
      out.push({ framework: 'django', method: 'ANY', path: path.startsWith('/') || path.startsWith('^') ? path : `/${path}`, evidence: call.evidence });
    }
  }
  for (const module of facts.scripts) {
    for (const route of module.routes) out.push({ framework: route.framework, method: route.method.toUpperCase(), path: route.path, evidence: route.evidence });
  }
  return out.sort((a, b) => a.evidence.path.localeCompare(b.evidence.path) || a.evidence.line - b.evidence.line);
}

// ---------------------------------------------------------------- model calls

/** A call that sends a prompt to a language model (generation, not embedding). */
export interface ModelCall {
  evidence: Evidence;
  /** The callee as written (`client.chat.completions.create`). */
  raw: string;
  /** Hosted API (OpenAI, Anthropic, Cohere, Gemini, …) rather than a model the candidate runs. */
  hosted: boolean;
  /** Provider or library, for messages (`openai`, `ollama`, `transformers`). */
  provider: string;
  python?: PyCall;
  script?: ScriptCall;
}

const HOSTED_PY = /^(openai|anthropic|cohere|google\.generativeai|google\.genai|mistralai|groq|together|litellm|langchain_openai|langchain_anthropic|langchain_cohere|langchain_google_genai|langchain_mistralai|langchain_groq|langchain_community\.(chat_models|llms)\.(ChatOpenAI|OpenAI|ChatAnthropic|Cohere)|llama_index\.llms\.(openai|anthropic|cohere|gemini|mistralai|groq))(\.|\(|$)/;
const LOCAL_PY = /^(ollama|transformers|vllm|llama_cpp|ctransformers|gpt4all|langchain_ollama|langchain_huggingface|langchain_community\.(chat_models|llms)\.(ChatOllama|Ollama|HuggingFacePipeline|LlamaCpp|VLLM)|llama_index\.llms\.(ollama|huggingface|llama_cpp|vllm)|huggingface_hub)(\.|\(|$)/;
const GENERATE_METHODS = new Set(['create', 'chat', 'generate', 'generate_content', 'invoke', 'ainvoke', 'stream', 'astream', 'complete', 'acomplete', 'stream_complete', 'stream_chat', 'predict', 'text_generation', 'chat_completion', 'create_chat_completion', 'create_completion', 'completion', 'acompletion']);
const HTTP_CLIENT = /^(requests|httpx|aiohttp)\./;
const EMBEDDING = /(^|\.)(embeddings?|embed\w*|Embeddings?\w*)(\(\))?\./;
/** Receivers whose `.generate()`/`.invoke()` is a model even when unresolved (`model.generate`, `chain.invoke`). */
const MODEL_RECEIVER = /(^|\.|_)(llm|model|chain|qa|rag|pipe|pipeline|generator|engine|query_engine|chat_engine|client)(\(\))?$/i;
/** Raw HTTP calls to a model server's API. */
const MODEL_URL = /\/api\/(generate|chat)\b|\/v1\/(chat\/)?completions\b|\/v1\/messages\b|\/generate\b|api\.openai\.com|api\.anthropic\.com|api\.cohere\.|generativelanguage\.googleapis\.com|api-inference\.huggingface\.co/;
const HOSTED_URL = /api\.openai\.com|api\.anthropic\.com|api\.cohere\.|generativelanguage\.googleapis\.com|api\.groq\.com|api\.mistral\.ai|openrouter\.ai/;

function urlOf(call: PyCall): string | undefined {
  const value = call.args[0]?.literal ?? call.kwargs['url']?.literal;
  return typeof value === 'string' ? value : undefined;
}

/** Whether an OpenAI-style client of this module points at a local server (`base_url="http://localhost:11434/v1"`). */
function localBaseUrl(module: PyModule): boolean {
  let local = LOCAL_BASE_URL.get(module);
  if (local === undefined) {
    local = module.calls.some((c) => {
      const base = c.kwargs['base_url']?.literal ?? c.kwargs['api_base']?.literal;
      return typeof base === 'string' && /localhost|127\.0\.0\.1|0\.0\.0\.0|:11434|:8000|:8080|ollama|vllm/i.test(base);
    });
    LOCAL_BASE_URL.set(module, local);
  }
  return local;
}
/** Once per module: asked for every OpenAI call, it would otherwise rescan the module each time. */
const LOCAL_BASE_URL = new WeakMap<PyModule, boolean>();

/** `pipe = pipeline("text-generation"); pipe(prompt)`: the callee of `pipe(prompt)`. */
const TEXT_PIPELINE = 'transformers.pipeline()';

/** Asked by a dozen checks of the same calls: worked out once per call. */
const MODEL_CALL = new WeakMap<PyCall, ModelCall | null>();

/** The model call a Python call (of `module`) is, if any. */
export function pythonModelCall(call: PyCall, module: PyModule): ModelCall | null {
  // Most calls (`print`, `append`, `get`, …) cannot be one: ruled out without a lookup.
  if (!GENERATE_METHODS.has(call.name) && call.callee !== TEXT_PIPELINE && !HTTP_CLIENT.test(call.callee)) return null;
  let model = MODEL_CALL.get(call);
  if (model === undefined) MODEL_CALL.set(call, (model = modelCallOf(call, module)));
  return model;
}

function modelCallOf(call: PyCall, module: PyModule): ModelCall | null {
  const plain = plainCallee(call.callee);
  const base = { evidence: call.evidence, raw: call.raw, python: call };
  if (HTTP_CLIENT.test(plain) && /\.(post|get|request|stream)$/.test(plain)) {
    const url = urlOf(call);
    if (url && MODEL_URL.test(url)) return { ...base, hosted: HOSTED_URL.test(url), provider: HOSTED_URL.test(url) ? 'a hosted API' : 'HTTP' };
    return null;
  }
  if (EMBEDDING.test(call.callee)) return null;
  // `pipe = pipeline("text-generation"); pipe(prompt)`
  if (call.callee === TEXT_PIPELINE) return { ...base, hosted: false, provider: 'transformers' };
  if (!GENERATE_METHODS.has(call.name)) return null;
  const provider = plain.split('.')[0]!;
  if (HOSTED_PY.test(plain)) {
    if (/^openai\b/.test(plain) && /\.create$/.test(plain) && !/\.(chat\.completions|completions|responses|messages|beta\.chat\.completions)\.create$/.test(plain)) return null;
    const hosted = !(provider === 'openai' && localBaseUrl(module));
    return { ...base, hosted, provider };
  }
  if (LOCAL_PY.test(plain)) return { ...base, hosted: false, provider };
  const receiver = plain.slice(0, plain.length - call.name.length - 1);
  if (receiver && !receiver.includes('.') && MODEL_RECEIVER.test(receiver) && /^(generate|invoke|ainvoke|predict|chat|complete|acomplete|stream|astream)$/.test(call.name)) {
    return { ...base, hosted: false, provider: 'model' };
  }
  return null;
}

const HOSTED_NPM = /^(openai|@anthropic-ai\/sdk|@langchain\/openai|@langchain\/anthropic|@langchain\/google-genai|@langchain\/cohere|cohere-ai|@google\/generative-ai|@google\/genai|groq-sdk|@mistralai\/mistralai|@ai-sdk\/(openai|anthropic|google|mistral|cohere|groq))\./;
const LOCAL_NPM = /^(ollama|@langchain\/ollama|node-llama-cpp|@xenova\/transformers|@huggingface\/transformers|ollama-ai-provider)\./;
const GENERATE_NPM = /^(create|chat|generate|generateContent|invoke|stream|call|complete)$/;

/** The model call a TypeScript/JavaScript call is, if any. */
export function scriptModelCall(call: ScriptCall): ModelCall | null {
  const plain = plainCallee(call.callee);
  const base = { evidence: call.evidence, raw: call.raw, script: call };
  if (/^ai\.(generateText|streamText|generateObject|streamObject)$/.test(plain)) {
    const hosted = !/ollama/i.test(call.args.map((a) => a.text).join(' '));
    return { ...base, hosted, provider: 'ai-sdk' };
  }
  if (/embed/i.test(plain) || !GENERATE_NPM.test(call.name) || call.isNew) return null;
  if (HOSTED_NPM.test(plain)) {
    if (/\.create$/.test(plain) && !/\.(chat\.completions|completions|responses|messages)\.create$/.test(plain)) return null;
    return { ...base, hosted: true, provider: plain.split('.')[0]! };
  }
  if (LOCAL_NPM.test(plain)) return { ...base, hosted: false, provider: plain.split('.')[0]! };
  return null;
}

/** Every model call of the submission, Python and TypeScript, in file order. */
export function modelCalls(facts: Facts): ModelCall[] {
  const out: ModelCall[] = [];
  for (const module of facts.python) {
    for (const call of module.calls) {
      const model = pythonModelCall(call, module);
      if (model) out.push(model);
    }
  }
  for (const module of facts.scripts) {
    for (const call of module.calls) {
      const model = scriptModelCall(call);
      if (model) out.push(model);
    }
  }
  return out;
}
