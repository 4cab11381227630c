import { defineCheck } from '../../src/engine/define-check.js';
import { isTestPath, plainCallee } from '../../src/facts/query.js';
import { callsInFunction, decoratedWith, isEmbeddingCall, modelOrEmbeddingCallIn } from '../../src/facts/queries/ops.js';
import { pythonModelCall } from '../../src/facts/queries/serving.js';
import type { PyCall } from '../../src/facts/types.js';

const MEMO_DECORATOR = /^(functools\.(lru_cache|cache)|cachetools\.(cached|func\.\w+)|async_lru\.alru_cache|aiocache\.cached|joblib\.Memory\(\)\.cache|diskcache\.\w+\(\)\.memoize)$/;
/** LangChain's global LLM cache, by the cache class handed to it. */
const LLM_CACHE_SETTER = /(^|\.)set_llm_cache$/;
const SEMANTIC = /Semantic|GPTCache/;
const KEY_VALUE_CLIENT = /^(redis|valkey|aioredis|pymemcache|diskcache|aiocache)\./;
const KV_READ = /\.(get|hget|mget|exists)$/;
const KV_WRITE = /\.(set|setex|hset|mset|psetex)$/;

function isKeyValue(call: PyCall): boolean {
  return KEY_VALUE_CLIENT.test(plainCallee(call.callee)) && call.callee.includes('().');
}

/** The store a client call talks to, by the name an interviewer knows it by. */
function storeName(plain: string): string {
  const root = plain.split('.')[0]!;
  return root === 'redis' || root === 'aioredis' || root === 'valkey' ? 'Redis' : root;
}

export default defineCheck({
  id: 'ops/model-call-caching',
  docs: 'Reports caches in front of model and embedding calls: memoised functions (`lru_cache`, `cachetools`), a key-value store (Redis, memcached) read before and written after the call, LangChain\'s LLM cache (exact or semantic), cache-backed embeddings and GPTCache.',
  messages: {
    memoised: '`{{name}}` is memoised with `{{decorator}}` around a {{what}} call: repeated inputs skip the model',
    keyValueCache: '`{{name}}` reads {{store}} before the {{what}} call and writes the result back: repeated requests skip the model',
    llmCache: 'Model answers are cached globally with `{{cache}}`{{semantic}}',
    embeddingCache: 'Embeddings are cached with `{{call}}`: unchanged texts are not embedded again',
  },
  questions: {
    memoised: '`{{name}}` caches {{what}} results in process memory — how large does that cache grow, and what happens to it with several workers?',
    keyValueCache: '`{{name}}` caches answers in {{store}} — what is the cache key, how long do entries live, and when would a cached answer be wrong?',
    llmCache: 'You cache model answers with `{{cache}}` — what hit rate did you see or expect, and how do you invalidate it when the prompt or documents change?',
  },
  *run({ facts }) {
    for (const { name, fn, module, decorator, evidence } of decoratedWith(facts, MEMO_DECORATOR)) {
      const call = fn && modelOrEmbeddingCallIn(fn, module);
      if (!call) continue;
      yield { kind: 'strength', messageId: 'memoised', evidence: [evidence, call.evidence], data: { name, decorator: plainCallee(decorator), what: isEmbeddingCall(call) ? 'embedding' : 'model' } };
    }
    // The candidate's own cache helpers (`get_cached`, `set_cached`) that read or write a key-value store.
    const helpers = { read: new Map<string, string>(), write: new Map<string, string>() };
    for (const module of facts.python) {
      if (isTestPath(module.path)) continue;
      for (const fn of module.functions) {
        for (const call of callsInFunction(fn, module)) {
          const plain = plainCallee(call.callee);
          if (!KEY_VALUE_CLIENT.test(plain) || !call.callee.includes('().')) continue;
          if (KV_READ.test(plain)) helpers.read.set(fn.name, storeName(plain));
          if (KV_WRITE.test(plain)) helpers.write.set(fn.name, storeName(plain));
        }
      }
    }
    const readsStore = (call: PyCall) => (isKeyValue(call) && KV_READ.test(plainCallee(call.callee)) ? storeName(plainCallee(call.callee)) : helpers.read.get(call.name));
    const writesStore = (call: PyCall) => (isKeyValue(call) && KV_WRITE.test(plainCallee(call.callee)) ? storeName(plainCallee(call.callee)) : helpers.write.get(call.name));
    for (const module of facts.python) {
      if (isTestPath(module.path)) continue;
      for (const fn of module.functions) {
        const calls = callsInFunction(fn, module);
        const model = calls.find((c) => pythonModelCall(c, module) || isEmbeddingCall(c));
        if (!model) continue;
        const read = calls.find((c) => c.evidence.line < model.evidence.line && readsStore(c));
        const write = calls.find((c) => c.evidence.line > model.evidence.line && writesStore(c));
        if (!read || !write) continue;
        yield { kind: 'strength', messageId: 'keyValueCache', evidence: [read.evidence, model.evidence, write.evidence], data: { name: fn.name, store: readsStore(read)!, what: isEmbeddingCall(model) ? 'embedding' : 'model' } };
      }
      for (const call of module.calls) {
        const plain = plainCallee(call.callee);
        if (LLM_CACHE_SETTER.test(plain) && /^(langchain|langchain_\w+)\./.test(plain)) {
          const cache = call.args[0] ?? call.kwargs['value'];
          const shown = cache ? (cache.resolved ?? cache.text).replace(/\(\)$/, '').split('.').pop()!.replace(/\(.*$/, '') : 'an LLM cache';
          yield { kind: 'strength', messageId: 'llmCache', evidence: [call.evidence], data: { cache: shown, semantic: SEMANTIC.test(cache?.text ?? '') ? ' (a semantic cache: similar questions hit it too)' : '' } };
        } else if (/^gptcache\.(cache|Cache)\.init$/.test(plain)) {
          yield { kind: 'strength', messageId: 'llmCache', evidence: [call.evidence], data: { cache: 'GPTCache', semantic: ' (a semantic cache: similar questions hit it too)' } };
        } else if (/CacheBackedEmbeddings\.from_bytes_store$/.test(plain)) {
          yield { kind: 'strength', messageId: 'embeddingCache', evidence: [call.evidence], data: { call: `${call.raw}(…)` } };
        }
      }
    }
  },
});
