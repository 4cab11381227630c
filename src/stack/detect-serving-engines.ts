import {
  callsInPackages, commandLines, containerImages, decoratedFunctions, envSettings, fileLineWhere, imageRepository, imageTag, lineContaining, packageCallsTo,
} from '../facts/queries/production.js';
import { calleeMatches, codeStrings, plainCallee } from '../facts/query.js';
import type { Facts } from '../facts/types.js';
import type { Evidence } from '../types.js';
import { EvidenceMap } from './evidence-map.js';
import { productionItems } from './production-items.js';
import type { StackItem } from './types.js';

/** Images that run an engine (repository without tag; llama.cpp's image only in its `server` variants). */
const IMAGES: readonly { id: string; repository: RegExp; tag?: RegExp }[] = [
  { id: 'vllm', repository: /^vllm\/vllm-openai(-rocm)?$/ },
  { id: 'tgi', repository: /(^|\/)huggingface\/text-generation-inference$/ },
  { id: 'triton', repository: /(^|\/)nvidia\/tritonserver$/ },
  { id: 'ollama', repository: /^ollama\/ollama$/ },
  { id: 'llama-cpp-server', repository: /(^|\/)(ggerganov|ggml-org)\/llama\.cpp$/, tag: /server/ },
  { id: 'torchserve', repository: /^pytorch\/torchserve(-\w+)?$/ },
  { id: 'sglang', repository: /^lmsysorg\/sglang$/ },
];
/** Commands that start (or feed) an engine. */
const COMMANDS: readonly [string, RegExp][] = [
  ['vllm', /\bvllm\s+serve\b|\bvllm\.entrypoints\.(openai\.)?api_server\b/],
  ['tgi', /\btext-generation-launcher\b/],
  ['triton', /\btritonserver\b/],
  ['ollama', /\bollama\s+(serve|run|pull|create)\b/],
  ['llama-cpp-server', /(^|[\s/])llama-server(\s|$)|\bllama_cpp\.server\b|(^|[\s/])server\s+(-m|--model)\s/],
  ['ray-serve', /(^|[\s/])serve\s+(run|deploy)\s/],
  ['bentoml', /\bbentoml\s+(serve|serve-http|serve-grpc|start-http-server|containerize)\b/],
  ['torchserve', /\btorchserve\s+--start\b|\btorch-model-archiver\b/],
  ['sglang', /\bsglang\.launch_server\b|\bsglang\s+serve\b/],
];
/** Python calls that run an engine in-process or call its server. */
const CALLS: readonly [string, readonly string[]][] = [
  ['vllm', ['vllm.LLM', 'vllm.AsyncLLMEngine.from_engine_args', 'vllm.LLMEngine.from_engine_args', 'langchain_community.llms.VLLM', 'langchain_community.llms.VLLMOpenAI', 'llama_index.llms.vllm.Vllm']],
  ['tgi', ['text_generation.Client', 'text_generation.AsyncClient', 'langchain_community.llms.HuggingFaceTextGenInference', 'llama_index.llms.text_generation_inference.TextGenerationInference']],
  ['triton', ['tritonclient.http.InferenceServerClient', 'tritonclient.grpc.InferenceServerClient', 'tritonclient.http.aio.InferenceServerClient', 'tritonclient.grpc.aio.InferenceServerClient']],
  ['ray-serve', ['ray.serve.run', 'ray.serve.start', 'ray.serve.deployment']],
  ['bentoml', ['bentoml.Service']],
  ['sglang', ['sglang.Engine', 'sglang.Runtime', 'sglang.RuntimeEndpoint', 'sglang.set_default_backend']],
];
const DECORATORS: readonly [string, readonly string[]][] = [
  ['ray-serve', ['ray.serve.deployment', 'ray.serve.ingress']],
  ['bentoml', ['bentoml.service', 'bentoml.api']],
  ['sglang', ['sglang.function']],
];
const CLASS_BASES: readonly [string, readonly string[]][] = [['torchserve', ['ts.torch_handler.base_handler.BaseHandler']]];
/** The Ollama client, in Python or TypeScript, directly or through LangChain / LlamaIndex. */
const OLLAMA_PY = /^(ollama|langchain_ollama)\.|^langchain_community\.(llms|chat_models|embeddings)\.(Ollama|ChatOllama|OllamaEmbeddings|OllamaLLM)\b|^llama_index\.(llms|embeddings)\.ollama\./;
const OLLAMA_NPM = /^(ollama|@langchain\/ollama|ollama-ai-provider)(\/[\w/-]+)?\./;
/** Raw HTTP to Ollama's API: a URL on its port, or a path of its API under a base URL (`{OLLAMA_URL}/api/generate`). */
const OLLAMA_URL = /\/api\/(generate|embeddings?|pull)\b|:11434\b/;
/** A model server's host in a URL the code or configuration points at (`http://vllm:8000/v1`). */
const URL_HOSTS: readonly [string, RegExp][] = [
  ['vllm', /(^|[.-])vllm([.-]|$)/],
  ['tgi', /(^|[.-])(tgi|text-generation-inference)([.-]|$)/],
  ['triton', /(^|[.-])triton([.-]|$)/],
  ['ollama', /(^|[.-])ollama([.-]|$)/],
];

/**
 * `stack.servingEngines`: an engine counts only when something runs or calls it — its image in
 * compose, Kubernetes or a Dockerfile, a command that starts it, in-process use (`vllm.LLM(...)`),
 * a client call or a URL pointing at its server. An `import vllm` or a manifest line alone does not.
 */
export function detectServingEngines(facts: Facts): StackItem[] {
  const found = new EvidenceMap();
  for (const { image, evidence } of containerImages(facts)) {
    const repository = imageRepository(image);
    for (const engine of IMAGES) {
      if (engine.repository.test(repository) && (!engine.tag || engine.tag.test(imageTag(image)))) found.add(engine.id, evidence);
    }
  }
  for (const { command, evidence } of commandLines(facts)) {
    for (const [id, pattern] of COMMANDS) {
      const match = pattern.exec(command);
      if (match) found.add(id, lineContaining(facts, evidence, match[0].trim()));
    }
  }
  for (const [id, patterns] of CALLS) for (const call of packageCallsTo(facts, patterns)) found.add(id, call.evidence);
  for (const [id, decorators] of DECORATORS) for (const { fn } of decoratedFunctions(facts, decorators)) found.add(id, fn.evidence);
  for (const m of facts.python) {
    for (const cls of m.classes) {
      for (const [id, bases] of CLASS_BASES) if (cls.bases.some((b) => bases.some((p) => calleeMatches(b, p)))) found.add(id, cls.evidence);
      for (const [id, decorators] of DECORATORS) if (cls.decorators.some((d) => decorators.some((p) => calleeMatches(d, p)))) found.add(id, cls.evidence);
      if (cls.name === 'TritonPythonModel') found.add('triton', cls.evidence);
    }
  }
  for (const call of callsInPackages(facts, ['ollama', 'langchain_ollama', 'langchain_community', 'llama_index', 'llama_cpp'])) {
    const plain = plainCallee(call.callee);
    if (OLLAMA_PY.test(plain)) found.add('ollama', call.evidence);
    else if (/^llama_cpp\.server\./.test(plain)) found.add('llama-cpp-server', call.evidence);
  }
  for (const call of facts.scripts.flatMap((m) => m.calls)) if (OLLAMA_NPM.test(plainCallee(call.callee))) found.add('ollama', call.evidence);
  const urls: { value: string; evidence: Evidence }[] = [...codeStrings(facts), ...envSettings(facts).flatMap((e) => (e.value ? [{ value: e.value, evidence: e.evidence }] : []))];
  // Weaker: a URL points at the engine's server.
  const pointed = new EvidenceMap();
  for (const { value, evidence } of urls) {
    if (OLLAMA_URL.test(value) && /^(https?:\/\/|\{\w+\}\/api\/)/.test(value)) pointed.add('ollama', evidence);
    const host = hostOf(value);
    if (host) for (const [id, pattern] of URL_HOSTS) if (pattern.test(host)) pointed.add(id, evidence);
  }
  for (const file of facts.files) {
    // A Triton model repository: `<model>/config.pbtxt` naming its backend.
    if (file.path.endsWith('/config.pbtxt') || file.path === 'config.pbtxt') found.add('triton', fileLineWhere(file.path, file.text, (l) => /^(platform|backend)\s*:/.test(l)));
  }
  return productionItems(facts, [found, pointed], [], { declared: false });
}

/** The host of an `http(s)://` URL, or null. */
function hostOf(value: string): string | null {
  if (!/^https?:\/\/[^\s]+$/.test(value) || value.length > 500) return null;
  try {
    return new URL(value).hostname.toLowerCase();
  } catch {
    return null;
  }
}
