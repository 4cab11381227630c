import type { Facts, PyCall, PyFunction, PyModule, PyValue } from '../types.js';
import { argument, isTestPath } from '../query.js';

/**
 * Queries the transformers checks share: which calls load a model, tokenizer or pipeline, and
 * which calls later run what they loaded (through the resolved-callee convention:
 * `m = AutoModel.from_pretrained(); m.to("cuda"); m.generate()` →
 * `transformers.AutoModel.from_pretrained().to().generate`).
 */

/** `transformers.AutoModelForCausalLM.from_pretrained`, `peft.PeftModel.from_pretrained`, `transformers.pipeline`, … */
const LOADER = /^(transformers|peft)\.(?:[\w.]+\.)?(\w+)\.from_pretrained$|^transformers\.(?:pipelines\.)?pipeline$/;
const PIPELINE = /^transformers\.(?:pipelines\.)?pipeline$/;
/** Classes whose `from_pretrained` loads no weights. */
const NOT_A_MODEL = /(Tokenizer|TokenizerFast|Processor|FeatureExtractor|Config)$/;
/** Methods that return the same model (`.to("cuda")`, `.eval()`), so a chain through them is still the model. */
const SAME_MODEL = new Set(['to', 'cuda', 'cpu', 'half', 'float', 'bfloat16', 'eval', 'train', 'requires_grad_', 'merge_and_unload']);

export type LoadedKind = 'model' | 'tokenizer' | 'pipeline';

export interface LoaderCall {
  call: PyCall;
  kind: LoadedKind;
  /** `AutoModelForCausalLM.from_pretrained` or `pipeline("text-generation")`, for messages. */
  label: string;
  /** The model id as a literal string, or the expression as written (`MODEL_NAME`), or `default` for a pipeline without one. */
  model: string;
  /** True when the id is a literal string. */
  literalId: boolean;
  /** The pipeline task, for pipelines. */
  task: string | null;
}

/** Every transformers / PEFT `from_pretrained` and `pipeline(...)` call outside test files. */
export function loaderCalls(facts: Facts): LoaderCall[] {
  const out: LoaderCall[] = [];
  for (const m of facts.python) {
    if (isTestPath(m.path)) continue;
    for (const call of m.calls) {
      const match = LOADER.exec(call.callee);
      if (!match) continue;
      if (match[2]) {
        const cls = match[2];
        const id = argument(call, 'pretrained_model_name_or_path', 0) ?? argument(call, 'model_id');
        out.push({ call, kind: NOT_A_MODEL.test(cls) ? 'tokenizer' : 'model', label: `${cls}.from_pretrained`, ...idOf(id), task: null });
      } else {
        const taskValue = argument(call, 'task', 0);
        const task = typeof taskValue?.literal === 'string' ? taskValue.literal : (taskValue?.text ?? null);
        const id = argument(call, 'model', 1);
        out.push({ call, kind: 'pipeline', label: task ? `pipeline("${task}")` : 'pipeline', ...(id ? idOf(id) : { model: 'default', literalId: false }), task });
      }
    }
  }
  return out;
}

function idOf(value: PyValue | undefined): { model: string; literalId: boolean } {
  if (!value) return { model: 'unknown', literalId: false };
  if (typeof value.literal === 'string') return { model: value.literal, literalId: true };
  return { model: value.text, literalId: false };
}

/** A use of something loaded: `<loader>()` followed by methods that keep it the same object, then the method used. */
export interface LoadedUse {
  /** The loader's resolved callee (`transformers.AutoModelForCausalLM.from_pretrained`). */
  loader: string;
  kind: LoadedKind;
  /** Methods in between (`['to', 'eval']`). */
  chain: string[];
  /** The method called on it (`generate`), or null when the object itself is called (`model(**inputs)`). */
  method: string | null;
}

/** Reads a resolved callee as a use of a loaded model, tokenizer or pipeline, or null. */
export function loadedUse(callee: string): LoadedUse | null {
  const open = callee.indexOf('()');
  if (open < 0) return null;
  const loader = callee.slice(0, open);
  const match = LOADER.exec(loader);
  if (!match) return null;
  const kind: LoadedKind = match[2] ? (NOT_A_MODEL.test(match[2]) ? 'tokenizer' : 'model') : 'pipeline';
  const rest = callee.slice(open + 2);
  if (rest !== '' && !rest.startsWith('.')) return null;
  const parts = rest.split('.').slice(1);
  const chain: string[] = [];
  let method: string | null = null;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const isLast = i === parts.length - 1;
    if (part.endsWith('()')) {
      const name = part.slice(0, -2);
      if (!SAME_MODEL.has(name)) return null;
      chain.push(name);
    } else if (isLast) {
      method = part;
    } else {
      return null;
    }
  }
  return { loader, kind, chain, method };
}

/** Modules that generate text with something other than transformers (a `.generate` there is not a model's). */
const OTHER_GENERATORS = /^(ollama|vllm|openai|anthropic|llama_cpp|langchain\w*|llama_index|google|cohere|groq|mistralai|huggingface_hub|text_generation)\b/;

/** Whether the call is `generate` on a transformers / PEFT model: resolved, or on an unresolved receiver in a module that only uses transformers. */
export function isModelGenerate(call: PyCall, module: PyModule): boolean {
  if (call.name !== 'generate') return false;
  const use = loadedUse(call.callee);
  if (use) return use.kind === 'model' && use.method === 'generate';
  if (call.callee !== call.raw || call.callee === 'generate') return false;
  const imports = module.imports.map((i) => i.module);
  return imports.some((i) => /^(transformers|peft)\b/.test(i)) && !imports.some((i) => OTHER_GENERATORS.test(i));
}

/** Whether the call runs a loaded model's forward pass (`model(**inputs)`, `model.forward(...)`). */
export function isModelForward(call: PyCall): boolean {
  const use = loadedUse(call.callee);
  return use !== null && use.kind === 'model' && (use.method === null || use.method === 'forward');
}

/** A pipeline invocation (`pipe(prompt)`): the call of a `pipeline(...)` result. */
export function isPipelineCall(call: PyCall): boolean {
  const use = loadedUse(call.callee);
  return use !== null && use.kind === 'pipeline' && use.method === null;
}

/** The `pipeline(...)` call in the same module whose result the invocation calls (`pipe = pipeline(...)`; `pipe(x)`). */
export function pipelineCreation(invocation: PyCall, module: PyModule): PyCall | undefined {
  const created = module.calls.filter((c) => PIPELINE.test(c.callee));
  return created.find((c) => c.assignedTo === invocation.raw) ?? (created.length === 1 ? created[0] : undefined);
}

// ---------------------------------------------------------------- route handlers

/** Route decorators: FastAPI / Starlette / Flask / Quart / Sanic / Litestar, resolved or on the usual receiver names. */
const ROUTE_DECORATOR =
  /^(fastapi|flask|starlette|quart|sanic|litestar)\b.*\.(get|post|put|delete|patch|route|api_route|websocket)$|^(app|router|api|bp|blueprint)\.(get|post|put|delete|patch|route|api_route)$|^litestar\.(get|post|put|delete|patch)$/;

export function isRouteDecorator(decorator: string): boolean {
  return ROUTE_DECORATOR.test(decorator);
}

/** Functions decorated as route handlers, with their module. */
export function routeHandlers(facts: Facts): { fn: PyFunction; module: PyModule }[] {
  return facts.python.flatMap((module) =>
    module.functions.filter((fn) => fn.decorators.some(isRouteDecorator)).map((fn) => ({ fn, module })),
  );
}

/** Whether a scope (a function's qualname) is the function or nested inside it. */
export function inScope(scope: string | null, qualname: string): boolean {
  return scope !== null && (scope === qualname || scope.startsWith(`${qualname}.`));
}
