import { defineCheck } from '../../src/engine/define-check.js';
import type { PyCall, PyFunction } from '../../src/facts/types.js';
import { argument, calleeMatches, isTestPath } from '../../src/facts/query.js';
import { inScope, isRouteDecorator, routeHandlers } from '../../src/facts/queries/transformers.js';

/** Calls that load model weights. */
const LOADERS = [
  'transformers.pipeline',
  'sentence_transformers.SentenceTransformer',
  'sentence_transformers.CrossEncoder',
  'vllm.LLM',
  'llama_cpp.Llama',
  'llama_cpp.Llama.from_pretrained',
];
const FROM_PRETRAINED = /^(transformers|peft|sentence_transformers)\.[\w.]*from_pretrained$/;
const CACHED = ['functools.lru_cache', 'functools.cache', 'lru_cache', 'cache', 'functools.cached_property', 'cached_property'];
const STARTUP = /\.on_event$|\.before_first_request$|\.before_serving$|\.on_startup$/;

function isLoader(call: PyCall): boolean {
  return FROM_PRETRAINED.test(call.callee) || LOADERS.some((p) => calleeMatches(call.callee, p) && !call.callee.includes('()'));
}

export default defineCheck({
  id: 'transformers/model-loaded-per-request',
  docs: 'Reports models loaded inside a web request handler (FastAPI, Flask, …), directly or in a function the handler calls, instead of once at start-up; and models loaded once next to the handlers.',
  messages: {
    inHandler: '`{{loader}}` loads `{{model}}` inside the request handler `{{handler}}`: every request loads the model again',
    viaHandler: '`{{loader}}` in `{{fn}}` loads `{{model}}`, and the request handler `{{handler}}` calls `{{fn}}`: every request loads the model again',
    atStartup: '`{{loader}}` loads `{{model}}` once at start-up, outside the request handlers',
  },
  questions: {
    inHandler: '{{at}} loads the model inside the request handler `{{handler}}` — what happens to latency and memory under 10 concurrent requests, and where would you load it instead?',
    viaHandler: '{{at}} loads the model in `{{fn}}`, which the handler `{{handler}}` calls on every request — what happens to latency and memory under 10 concurrent requests?',
  },
  *run({ facts }) {
    const handlers = routeHandlers(facts).filter(({ module }) => !isTestPath(module.path));
    if (!handlers.length) return;
    // Functions (and classes, through their __init__) each handler calls, by name, with the handler.
    const calledBy = new Map<string, string>();
    for (const { fn, module } of handlers) {
      for (const c of module.calls) {
        if (!inScope(c.scope, fn.qualname)) continue;
        if (!calledBy.has(c.name)) calledBy.set(c.name, fn.qualname);
        if (calleeMatches(c.callee, 'fastapi.Depends') && c.args[0]?.kind === 'name') {
          const dep = c.args[0].text.slice(c.args[0].text.lastIndexOf('.') + 1);
          if (!calledBy.has(dep)) calledBy.set(dep, fn.qualname);
        }
      }
    }
    const handlerModules = new Set(handlers.map((h) => h.module.path));
    for (const m of facts.python) {
      if (isTestPath(m.path)) continue;
      const functions = new Map(m.functions.map((f) => [f.qualname, f]));
      const moduleLevel = new Set(m.assignments.filter((a) => a.scope === null).map((a) => a.target));
      for (const call of m.calls) {
        if (!isLoader(call)) continue;
        const data = { loader: `${call.raw}`, model: modelOf(call), at: `${call.evidence.path}:${call.evidence.line}` };
        const lazySingleton = call.assignedTo !== null && moduleLevel.has(call.assignedTo);
        if (call.scopeDecorators.some(isRouteDecorator)) {
          if (!lazySingleton) yield { kind: 'concern', messageId: 'inHandler', evidence: [call.evidence], data: { ...data, handler: call.scope ?? '' } };
          continue;
        }
        const caller = call.scope ? callerHandler(call.scope, functions, calledBy) : null;
        if (caller && !lazySingleton && !(call.assignedTo?.startsWith('self.') && !call.scope?.endsWith('.__init__')) && !(call.scope && isCached(functions.get(call.scope)))) {
          yield { kind: 'concern', messageId: 'viaHandler', evidence: [call.evidence], data: { ...data, fn: caller.fn, handler: caller.handler } };
        } else if (!caller && !/Tokenizer|Processor/.test(call.callee) && (call.scope === null ? handlerModules.has(m.path) : call.scopeDecorators.some((d) => STARTUP.test(d)) || /(^|\.)lifespan$/.test(call.scope))) {
          yield { kind: 'strength', messageId: 'atStartup', evidence: [call.evidence], data };
        }
      }
    }
  },
});

/** The handler that calls the loader's function (or constructs the class whose `__init__` loads). */
function callerHandler(scope: string, functions: Map<string, PyFunction>, calledBy: Map<string, string>): { fn: string; handler: string } | null {
  const fn = functions.get(scope);
  if (!fn) return null;
  const name = fn.name === '__init__' && fn.className ? fn.className.slice(fn.className.lastIndexOf('.') + 1) : fn.name;
  const handler = calledBy.get(name);
  return handler && handler !== scope ? { fn: name, handler } : null;
}

function isCached(fn: PyFunction | undefined): boolean {
  return fn !== undefined && fn.decorators.some((d) => CACHED.includes(d));
}

function modelOf(call: PyCall): string {
  const id = argument(call, 'model', call.callee.endsWith('pipeline') ? 1 : 0) ?? argument(call, 'pretrained_model_name_or_path') ?? argument(call, 'model_name_or_path') ?? argument(call, 'model_path');
  if (!id) return 'a model';
  return typeof id.literal === 'string' ? id.literal : id.text;
}

