import type { Evidence } from '../../types.js';
import { addTo, trimLists } from '../../multimap.js';
import { snippetOf } from '../evidence.js';
import { fileAt, isTestPath, plainCallee } from '../query.js';
import type { ConfigDocument, Facts, Literal, PyCall, PyFunction, PyModule } from '../types.js';
import { commandWords, composeServices, isMap, kubernetesContainers, startInstructions, dockerStages, valueAt, type LiteralMap } from './docker.js';
import { pythonModelCall } from './serving.js';

export { at } from '../evidence.js';

// ---------------------------------------------------------------- per-module indexes

interface ModuleIndex {
  byScope: Map<string | null, PyCall[]>;
  /** Positions in `module.calls` ordered by line (a call's position breaks ties), and each one's line: 8 bytes a call, where a list per line cost a hundred. */
  byLine: { positions: Uint32Array; lines: Int32Array };
  functions: Map<string, PyFunction>;
}

const indexes = new WeakMap<PyModule, ModuleIndex>();

/** Calls by enclosing function and by line, functions by qualified name: built once per module, so lookups stay linear on huge files. */
function indexOf(module: PyModule): ModuleIndex {
  let index = indexes.get(module);
  if (!index) {
    const { calls } = module;
    const byScope = new Map<string | null, PyCall[]>();
    for (const call of calls) addTo(byScope, call.scope, call);
    trimLists(byScope);
    const positions = Uint32Array.from(calls.keys());
    const lineOf = (position: number) => calls[position]!.evidence.line;
    positions.sort((a, b) => lineOf(a) - lineOf(b) || a - b);
    const functions = new Map<string, PyFunction>();
    for (const fn of module.functions) if (!functions.has(fn.qualname)) functions.set(fn.qualname, fn);
    index = { byScope, byLine: { positions, lines: Int32Array.from(positions, lineOf) }, functions };
    indexes.set(module, index);
  }
  return index;
}

/** Calls made directly in a function's body (nested functions excluded). */
export function callsInFunction(fn: PyFunction, module: PyModule): PyCall[] {
  return indexOf(module).byScope.get(fn.qualname) ?? [];
}

/** A module's calls by the qualified name of the function they are made in (`null`: module level), in order. */
export function callsByScope(module: PyModule): ReadonlyMap<string | null, readonly PyCall[]> {
  return indexOf(module).byScope;
}

/** A function of a module by its qualified name (`Api.answer`), the way `PyCall.scope` names it. */
export function functionNamed(module: PyModule, qualname: string | null): PyFunction | undefined {
  return qualname === null ? undefined : indexOf(module).functions.get(qualname);
}

/** The calls that start on one line. */
export function callsOnLine(module: PyModule, line: number): PyCall[] {
  const { positions, lines } = indexOf(module).byLine;
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]! < line) lo = mid + 1;
    else hi = mid;
  }
  const out: PyCall[] = [];
  for (let i = lo; i < lines.length && lines[i] === line; i++) out.push(module.calls[positions[i]!]!);
  return out;
}

// ---------------------------------------------------------------- lines of a file

/** How far below a key a flag or value is looked for (a folded `command: >` block, a shell continuation). */
const LINE_WINDOW = 60;

/** Evidence for the first line at or below `from` (within a few dozen lines) that contains `needle`, if any. */
export function lineContaining(facts: Facts, path: string, from: number, needle: string): Evidence | undefined {
  const lines = fileAt(facts, path)?.text.split('\n') ?? [];
  for (let line = Math.max(1, from); line <= Math.min(lines.length, from + LINE_WINDOW); line++) {
    if (lines[line - 1]!.includes(needle)) return { path, line, snippet: snippetOf(lines[line - 1]) };
  }
  return undefined;
}

/** Evidence without repeated lines, at most `max` items, as a finding's evidence list. */
export function distinctEvidence(first: Evidence, rest: readonly Evidence[], max = 5): [Evidence, ...Evidence[]] {
  const seen = new Set([`${first.path}:${first.line}`]);
  const out: [Evidence, ...Evidence[]] = [first];
  for (const evidence of rest) {
    const key = `${evidence.path}:${evidence.line}`;
    if (seen.has(key) || out.length >= max) continue;
    seen.add(key);
    out.push(evidence);
  }
  return out;
}

// ---------------------------------------------------------------- Kubernetes objects

/** A Kubernetes (or CRD) object of a YAML document: `apiVersion` and `kind` set. */
export interface KubeObject {
  kind: string;
  apiVersion: string;
  /** `metadata.name`, or `?`. */
  name: string;
  document: ConfigDocument;
  data: LiteralMap;
  /** Line of `kind:`. */
  evidence: Evidence;
}

/** Every YAML document that declares `apiVersion` and `kind`, optionally only the given kinds. */
export function kubernetesObjects(facts: Facts, kinds?: ReadonlySet<string>): KubeObject[] {
  const out: KubeObject[] = [];
  for (const document of facts.configs) {
    if (document.format !== 'yaml' || !isMap(document.data)) continue;
    const { apiVersion, kind } = document.data;
    if (typeof apiVersion !== 'string' || typeof kind !== 'string' || (kinds && !kinds.has(kind))) continue;
    const evidence = document.evidenceFor(['kind']);
    if (!evidence) continue;
    const name = valueAt(document.data, ['metadata', 'name']);
    out.push({ kind, apiVersion, name: typeof name === 'string' ? name : '?', document, data: document.data, evidence });
  }
  return out;
}

/** A number or a short string read from YAML, for a message; `?` otherwise. */
export function scalar(value: Literal | undefined): string {
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value === 'string' ? value.slice(0, 60) : '?';
}

// ---------------------------------------------------------------- serving engines

export type EngineId = 'vLLM' | 'TGI' | 'SGLang' | 'llama.cpp server' | 'Ollama' | 'Triton';

/** One setting of an inference engine, normalised (`tensor_parallel_size`), with its value as written. */
export interface EngineSetting {
  name: string;
  value: string;
  evidence: Evidence;
}

/** An inference engine the submission runs: a compose service, a Kubernetes container, an image, a launch script or an in-process engine. */
export interface ServingEngine {
  engine: EngineId;
  /** For messages: "compose service `tgi`", "container `vllm` of Deployment", "`Dockerfile`", "`vllm.LLM(…)`". */
  where: string;
  evidence: Evidence;
  settings: EngineSetting[];
  /** Whether a GPU is reserved: known for compose services and Kubernetes containers, null elsewhere. */
  gpu: boolean | null;
  /** The image as written, when there is one. */
  image: string | null;
}

const ENGINE_IMAGE: readonly [RegExp, EngineId][] = [
  [/(^|\/)vllm(-openai|-tpu|-rocm)?([:@]|$)|(^|\/)vllm\//i, 'vLLM'],
  [/text-generation-inference/i, 'TGI'],
  [/(^|\/)sglang([:@/]|$)/i, 'SGLang'],
  [/(^|\/)llama\.cpp[:@]|ggerganov\/llama\.cpp|ggml-org\/llama\.cpp/i, 'llama.cpp server'],
  [/(^|\/)ollama([:@]|$)/i, 'Ollama'],
  [/tritonserver/i, 'Triton'],
];

const ENGINE_COMMAND: readonly [RegExp, EngineId][] = [
  [/\bvllm\s+serve\b|\bvllm\.entrypoints\b/, 'vLLM'],
  [/\btext-generation-launcher\b/, 'TGI'],
  [/\bsglang\.launch_server\b/, 'SGLang'],
  [/\b(llama-server|llama_cpp\.server)\b/, 'llama.cpp server'],
  [/\bollama\s+serve\b/, 'Ollama'],
  [/\btritonserver\b/, 'Triton'],
];

/** Launcher flags and environment variables worth showing, by normalised name. */
const FLAG_NAMES: Readonly<Record<string, string>> = {
  // vLLM
  'tensor-parallel-size': 'tensor_parallel_size', tp: 'tensor_parallel_size', 'pipeline-parallel-size': 'pipeline_parallel_size',
  'gpu-memory-utilization': 'gpu_memory_utilization', 'max-model-len': 'max_model_len', 'max-num-seqs': 'max_num_seqs',
  'max-num-batched-tokens': 'max_num_batched_tokens', quantization: 'quantization', dtype: 'dtype',
  'enable-prefix-caching': 'enable_prefix_caching', 'kv-cache-dtype': 'kv_cache_dtype', 'swap-space': 'swap_space',
  // TGI
  'num-shard': 'num_shard', quantize: 'quantize', 'max-concurrent-requests': 'max_concurrent_requests',
  'max-batch-prefill-tokens': 'max_batch_prefill_tokens', 'max-batch-total-tokens': 'max_batch_total_tokens',
  'max-total-tokens': 'max_total_tokens', 'max-input-length': 'max_input_length', 'max-input-tokens': 'max_input_tokens',
  'max-batch-size': 'max_batch_size', sharded: 'sharded',
  // SGLang
  'tp-size': 'tensor_parallel_size', 'mem-fraction-static': 'mem_fraction_static', 'max-running-requests': 'max_running_requests',
  // llama.cpp server
  'n-gpu-layers': 'n_gpu_layers', ngl: 'n_gpu_layers', 'ctx-size': 'ctx_size', c: 'ctx_size', parallel: 'parallel', np: 'parallel',
  'batch-size': 'batch_size', 'cont-batching': 'cont_batching',
};
const ENV_NAMES: Readonly<Record<string, string>> = {
  NUM_SHARD: 'num_shard', QUANTIZE: 'quantize', MAX_CONCURRENT_REQUESTS: 'max_concurrent_requests',
  MAX_BATCH_PREFILL_TOKENS: 'max_batch_prefill_tokens', MAX_BATCH_TOTAL_TOKENS: 'max_batch_total_tokens',
  MAX_TOTAL_TOKENS: 'max_total_tokens', MAX_INPUT_LENGTH: 'max_input_length', MAX_INPUT_TOKENS: 'max_input_tokens', MAX_BATCH_SIZE: 'max_batch_size',
  OLLAMA_NUM_PARALLEL: 'num_parallel', OLLAMA_MAX_LOADED_MODELS: 'max_loaded_models', OLLAMA_KEEP_ALIVE: 'keep_alive',
  OLLAMA_MAX_QUEUE: 'max_queue', OLLAMA_FLASH_ATTENTION: 'flash_attention',
};
/** Constructor keywords of in-process engines (`vllm.LLM(...)`, `llama_cpp.Llama(...)`). */
const ENGINE_KWARGS = new Set([
  'tensor_parallel_size', 'pipeline_parallel_size', 'gpu_memory_utilization', 'max_model_len', 'max_num_seqs', 'max_num_batched_tokens',
  'quantization', 'dtype', 'enable_prefix_caching', 'kv_cache_dtype', 'swap_space', 'n_gpu_layers', 'n_ctx', 'n_batch', 'n_threads',
]);
const PY_ENGINES: readonly [RegExp, EngineId][] = [
  [/^vllm\.(LLM|AsyncLLMEngine\.from_engine_args|LLMEngine\.from_engine_args|AsyncEngineArgs|EngineArgs)$/, 'vLLM'],
  [/^vllm\.engine\.arg_utils\.(AsyncEngineArgs|EngineArgs)$/, 'vLLM'],
  [/^llama_cpp\.Llama(\.from_pretrained)?$/, 'llama.cpp server'],
];

/** Settings shown per engine, at most: a message stays readable whatever the launcher says. */
const MAX_SETTINGS = 12;

/** `--flag value`, `--flag=value`, `-tp 2` and bare `--flag` switches of a launcher's words, for the flags worth showing (each once, at most `MAX_SETTINGS`). */
export function launcherFlags(words: readonly string[]): { flag: string; name: string; value: string }[] {
  const out: { flag: string; name: string; value: string }[] = [];
  for (let i = 0; i < words.length && out.length < MAX_SETTINGS; i++) {
    const word = words[i]!;
    const match = /^--?([a-z][a-z-]*)(?:=(.*))?$/.exec(word);
    if (!match) continue;
    const name = FLAG_NAMES[match[1]!];
    if (!name || out.some((f) => f.name === name)) continue;
    const next = words[i + 1];
    const value = match[2] ?? (next !== undefined && !next.startsWith('-') ? next : 'on');
    out.push({ flag: word.includes('=') ? word.slice(0, word.indexOf('=')) : word, name, value: value.slice(0, 60) });
  }
  return out;
}

function engineOfImage(image: string | null): EngineId | null {
  return image ? (ENGINE_IMAGE.find(([pattern]) => pattern.test(image))?.[1] ?? null) : null;
}

function engineOfCommand(text: string): EngineId | null {
  return ENGINE_COMMAND.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

/** A command as words: a YAML list of strings or one string (a folded block included). */
function wordsOf(value: Literal | undefined): string[] {
  if (Array.isArray(value)) return value.filter((w): w is string => typeof w === 'string' || typeof w === 'number').map(String).flatMap((w) => w.split(/\s+/)).filter((w) => w !== '');
  return typeof value === 'string' ? value.split(/\s+/).map((w) => w.replace(/^["']|["']$/g, '')).filter((w) => w !== '') : [];
}

/** Environment of a compose service (map or `KEY=VALUE` list) or a Kubernetes container (`[{ name, value }]`), with each entry's key path. */
function environmentOf(value: Literal | undefined): { key: string; value: string; path: (string | number)[] }[] {
  if (isMap(value)) return Object.entries(value).map(([key, v]) => ({ key, value: scalar(v), path: [key] }));
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry, i) => {
    if (typeof entry === 'string' && entry.includes('=')) return [{ key: entry.slice(0, entry.indexOf('=')), value: entry.slice(entry.indexOf('=') + 1), path: [i] }];
    if (isMap(entry) && typeof entry['name'] === 'string' && entry['value'] !== undefined) return [{ key: entry['name'], value: scalar(entry['value']), path: [i] }];
    return [];
  });
}

function flagSettings(facts: Facts, path: string, from: number, words: readonly string[], fallback: Evidence): EngineSetting[] {
  return launcherFlags(words).map(({ flag, name, value }) => ({ name, value, evidence: lineContaining(facts, path, from, flag) ?? fallback }));
}

function envSettings(document: ConfigDocument, base: (string | number)[], env: ReturnType<typeof environmentOf>, fallback: Evidence): EngineSetting[] {
  return env.filter((e) => ENV_NAMES[e.key]).map((e) => ({ name: ENV_NAMES[e.key]!, value: e.value, evidence: document.evidenceFor([...base, ...e.path]) ?? fallback }));
}

function gpuIn(value: Literal | undefined): boolean {
  const text = JSON.stringify(value ?? null).toLowerCase();
  return text.includes('gpu') || text.includes('nvidia');
}

/** Each setting once (the first), at most `MAX_SETTINGS`. */
function distinctSettings(settings: EngineSetting[]): EngineSetting[] {
  const seen = new Set<string>();
  return settings.filter((s) => !seen.has(s.name) && seen.add(s.name) && seen.size <= MAX_SETTINGS);
}

/** Inference engines the submission runs, with the settings it gives them. */
export function servingEngines(facts: Facts): ServingEngine[] {
  return collectEngines(facts).map((engine) => ({ ...engine, settings: distinctSettings(engine.settings) }));
}

function collectEngines(facts: Facts): ServingEngine[] {
  const out: ServingEngine[] = [];
  for (const service of composeServices(facts)) {
    const command = [...wordsOf(service.data['entrypoint']), ...wordsOf(service.data['command'])];
    const engine = engineOfImage(service.image) ?? engineOfCommand(command.join(' '));
    if (!engine) continue;
    const { document, name } = service;
    const environment = environmentOf(service.data['environment']);
    const commandAt = document.evidenceFor(['services', name, 'command']) ?? service.evidence;
    out.push({
      engine,
      where: `compose service \`${name}\``,
      evidence: document.evidenceFor(['services', name, 'image']) ?? service.evidence,
      settings: [...flagSettings(facts, document.path, commandAt.line, command, commandAt), ...envSettings(document, ['services', name, 'environment'], environment, service.evidence)],
      gpu: gpuIn(valueAt(service.data, ['deploy', 'resources', 'reservations', 'devices'])) || service.data['runtime'] === 'nvidia' || service.data['gpus'] !== undefined,
      image: service.image,
    });
  }
  for (const container of kubernetesContainers(facts)) {
    const image = typeof container.data['image'] === 'string' ? container.data['image'] : null;
    const command = [...wordsOf(container.data['command']), ...wordsOf(container.data['args'])];
    const engine = engineOfImage(image) ?? engineOfCommand(command.join(' '));
    if (!engine) continue;
    const { document, path } = container;
    const argsAt = document.evidenceFor([...path, 'args']) ?? document.evidenceFor([...path, 'command']) ?? container.evidence;
    out.push({
      engine,
      where: `container \`${container.name}\` of ${container.workload}`,
      evidence: document.evidenceFor([...path, 'image']) ?? container.evidence,
      settings: [...flagSettings(facts, document.path, argsAt.line, command, argsAt), ...envSettings(document, [...path, 'env'], environmentOf(container.data['env']), container.evidence)],
      gpu: gpuIn(valueAt(container.data, ['resources', 'limits'])) || gpuIn(valueAt(container.data, ['resources', 'requests'])),
      image,
    });
  }
  for (const dockerfile of facts.dockerfiles) {
    const stage = dockerStages(dockerfile).at(-1);
    if (!stage) continue;
    const image = stage.from?.image ?? null;
    const start = startInstructions(stage);
    const words = start.flatMap((i) => commandWords(i.args));
    const engine = engineOfImage(image) ?? engineOfCommand(words.join(' '));
    if (!engine) continue;
    const env = stage.instructions.filter((i) => i.keyword === 'ENV').flatMap((i) => {
      const match = /^([A-Z_][A-Z0-9_]*)[= ]\s*"?([^"\s]*)/.exec(i.args);
      return match && ENV_NAMES[match[1]!] ? [{ name: ENV_NAMES[match[1]!]!, value: match[2]!, evidence: i.evidence }] : [];
    });
    const first = start[0];
    out.push({
      engine,
      where: `\`${dockerfile.path}\``,
      evidence: engineOfImage(image) ? (stage.from?.evidence ?? stage.fromInstruction.evidence) : (first?.evidence ?? stage.fromInstruction.evidence),
      settings: [...(first ? flagSettings(facts, dockerfile.path, first.line, words, first.evidence) : []), ...env],
      gpu: null,
      image,
    });
  }
  for (const file of facts.files) {
    if (!/\.(sh|bash)$|(^|\/)(Makefile|Procfile)$/.test(file.path) || isTestPath(file.path)) continue;
    // A launch line, joined with its `\` continuations.
    const lines = file.text.split('\n');
    for (let i = 0; i < lines.length && i < 5000; i++) {
      const engine = engineOfCommand(lines[i]!);
      if (!engine || /^\s*#/.test(lines[i]!)) continue;
      const joined: string[] = [lines[i]!];
      for (let j = i; j < lines.length - 1 && j < i + LINE_WINDOW && /\\\s*$/.test(lines[j]!); j++) joined.push(lines[j + 1]!);
      const words = joined.map((l) => l.replace(/\\\s*$/, '')).join(' ').split(/\s+/).filter((w) => w !== '');
      const evidence = { path: file.path, line: i + 1, snippet: snippetOf(lines[i]) };
      out.push({ engine, where: `\`${file.path}\``, evidence, settings: flagSettings(facts, file.path, i + 1, words, evidence), gpu: null, image: null });
      i += joined.length - 1;
    }
  }
  for (const module of facts.python) {
    if (isTestPath(module.path)) continue;
    for (const call of module.calls) {
      const engine = PY_ENGINES.find(([pattern]) => pattern.test(plainCallee(call.callee)))?.[1];
      if (!engine) continue;
      const settings = Object.entries(call.kwargs).filter(([key]) => ENGINE_KWARGS.has(key)).map(([name, value]) => ({ name, value: value.text.slice(0, 60), evidence: value.evidence }));
      out.push({ engine, where: `\`${call.raw}(…)\``, evidence: call.evidence, settings, gpu: null, image: null });
    }
  }
  return out;
}

// ---------------------------------------------------------------- decorated functions

/** A function or class with a decorator matching a pattern, and the decorator's own line (the call, or the `@…` line above the definition). */
export interface Decorated {
  /** The function's or class's name. */
  name: string;
  /** The decorated function; null for a class. */
  fn: PyFunction | null;
  module: PyModule;
  /** The decorator as resolved (`tenacity.retry`). */
  decorator: string;
  /** The decorator call (`@retry(stop=…)`), when it has arguments. */
  call: PyCall | undefined;
  evidence: Evidence;
}

/** Functions and classes (tests left out) carrying a decorator that matches `pattern`, in file order. */
export function decoratedWith(facts: Facts, pattern: RegExp): Decorated[] {
  const out: Decorated[] = [];
  for (const module of facts.python) {
    if (isTestPath(module.path)) continue;
    let lines: string[] | undefined;
    const definitions = [
      ...module.functions.map((fn) => ({ name: fn.name, fn, line: fn.line, decorators: fn.decorators, evidence: fn.evidence })),
      ...module.classes.map((cls) => ({ name: cls.name, fn: null, line: cls.line, decorators: cls.decorators, evidence: cls.evidence })),
    ];
    for (const definition of definitions) {
      for (const decorator of definition.decorators) {
        if (!pattern.test(plainCallee(decorator))) continue;
        const lowest = definition.line - definition.decorators.length - 3;
        let call: PyCall | undefined;
        for (let l = Math.max(1, lowest); l < definition.line && !call; l++) call = callsOnLine(module, l).find((c) => c.callee === decorator);
        let evidence = call?.evidence;
        // A bare decorator (`@lru_cache`) is no call: its line is the `@…` line above the definition that names it.
        lines ??= fileAt(facts, module.path)?.text.split('\n') ?? [];
        const short = decorator.slice(decorator.lastIndexOf('.') + 1);
        for (let l = definition.line - 1; l >= Math.max(1, lowest) && !evidence; l--) {
          const text = lines[l - 1] ?? '';
          if (text.trimStart().startsWith('@') && text.includes(short)) evidence = { path: module.path, line: l, snippet: snippetOf(text) };
        }
        out.push({ name: definition.name, fn: definition.fn, module, decorator, call, evidence: evidence ?? definition.evidence });
      }
    }
  }
  return out.sort((a, b) => (a.evidence.path < b.evidence.path ? -1 : a.evidence.path > b.evidence.path ? 1 : a.evidence.line - b.evidence.line));
}

// ---------------------------------------------------------------- model and embedding calls

const EMBED_CALL = /(^|\.)(embed_query|embed_documents|aembed_query|aembed_documents|get_text_embedding|get_query_embedding|embed|embeddings)$|(^|\.)embeddings(\(\))?\.create$|^sentence_transformers\.SentenceTransformer(\(\))?\.encode$/;

/** Whether a call computes embeddings: an embeddings API, a LangChain/LlamaIndex embedder, `SentenceTransformer.encode`. */
export function isEmbeddingCall(call: PyCall): boolean {
  return EMBED_CALL.test(plainCallee(call.callee));
}

/** The first model or embedding call made directly in a function's body. */
export function modelOrEmbeddingCallIn(fn: PyFunction, module: PyModule): PyCall | undefined {
  return callsInFunction(fn, module).find((c) => pythonModelCall(c, module) !== null || isEmbeddingCall(c));
}

// ---------------------------------------------------------------- orchestration

export type Orchestrator = 'Prefect' | 'Airflow' | 'Dagster' | 'Kubeflow Pipelines' | 'Luigi' | 'Argo Workflows' | 'Metaflow' | 'ZenML';

/** A pipeline definition of an orchestrator: a flow, a DAG, an asset or job, a workflow. */
export interface Pipeline {
  orchestrator: Orchestrator;
  /** The flow's, DAG's or job's name. */
  name: string;
  evidence: Evidence;
  /** The function that defines it (decorator-based orchestrators). */
  fn?: PyFunction;
  module?: PyModule;
}

const FLOW_DECORATOR: readonly [RegExp, Orchestrator][] = [
  [/^prefect\.flow$/, 'Prefect'],
  [/^airflow\.decorators\.dag$|^airflow\.sdk\.dag$/, 'Airflow'],
  [/^dagster\.(job|graph|asset|multi_asset|graph_asset)$/, 'Dagster'],
  [/^(kfp\.dsl|kfp\.v2\.dsl)\.pipeline$/, 'Kubeflow Pipelines'],
  [/^zenml\.pipeline$/, 'ZenML'],
];

/** Pipelines defined in code (`@flow`, `@dag`, `DAG(...)`, `@asset`, `@dsl.pipeline`, `FlowSpec` subclasses, `luigi.Task`) and Argo `Workflow` objects. */
export function pipelines(facts: Facts): Pipeline[] {
  const out: Pipeline[] = [];
  for (const { name, fn, module, decorator, call, evidence } of decoratedWith(facts, /./)) {
    const orchestrator = FLOW_DECORATOR.find(([pattern]) => pattern.test(plainCallee(decorator)))?.[1];
    if (!orchestrator || !fn) continue;
    const named = call?.kwargs['name']?.literal ?? call?.kwargs['dag_id']?.literal;
    out.push({ orchestrator, name: typeof named === 'string' ? named : name, evidence, fn, module });
  }
  for (const module of facts.python) {
    if (isTestPath(module.path)) continue;
    for (const call of module.calls) {
      if (!/^airflow(\.models)?(\.dag)?\.DAG$/.test(plainCallee(call.callee))) continue;
      const id = call.kwargs['dag_id']?.literal ?? call.args[0]?.literal;
      out.push({ orchestrator: 'Airflow', name: typeof id === 'string' ? id : call.assignedTo ?? 'DAG', evidence: call.evidence, module });
    }
    for (const cls of module.classes) {
      const orchestrator = cls.bases.some((b) => /^metaflow\.FlowSpec$/.test(b)) ? 'Metaflow' : cls.bases.some((b) => /^luigi\.(Task|WrapperTask)$/.test(b)) ? 'Luigi' : null;
      if (orchestrator) out.push({ orchestrator, name: cls.name, evidence: cls.evidence, module });
    }
  }
  for (const object of kubernetesObjects(facts, new Set(['Workflow', 'CronWorkflow', 'WorkflowTemplate']))) {
    if (object.apiVersion.startsWith('argoproj.io/')) out.push({ orchestrator: 'Argo Workflows', name: object.name, evidence: object.evidence });
  }
  return out;
}
