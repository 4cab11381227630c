import { describe, expect, it } from 'vitest';
import check from '../../../checks/ops/model-call-caching.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const REDIS_CACHE = [
  'import hashlib',
  'import redis',
  'from openai import OpenAI',
  '',
  'cache = redis.Redis.from_url("redis://redis:6379/0")',
  'client = OpenAI()',
  '',
  'def answer(question: str) -> str:',
  '    key = hashlib.sha256(question.encode()).hexdigest()',
  '    if (hit := cache.get(key)) is not None:',
  '        return hit.decode()',
  '    out = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])',
  '    text = out.choices[0].message.content',
  '    cache.setex(key, 3600, text)',
  '    return text',
  '',
].join('\n');

describe('ops/model-call-caching', () => {
  it.each<CheckRow>([
    {
      name: 'a Redis read before and a write after the model call',
      files: { 'app/answer.py': REDIS_CACHE },
      expected: [{ kind: 'strength', messageId: 'keyValueCache', at: 'app/answer.py:10' }],
    },
    {
      name: 'cache helpers of another module read before and written after the model call',
      files: {
        'app/cache.py': 'import redis\n_r = redis.Redis()\n\ndef get_cached(key):\n    return _r.get(key)\n\ndef set_cached(key, value):\n    _r.setex(key, 60, value)\n',
        'app/llm.py': 'from openai import OpenAI\nfrom .cache import get_cached, set_cached\nclient = OpenAI()\n\ndef complete(prompt):\n    if (hit := get_cached(prompt)) is not None:\n        return hit\n    out = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}])\n    set_cached(prompt, out.choices[0].message.content)\n    return out\n',
      },
      expected: [{ kind: 'strength', messageId: 'keyValueCache', at: 'app/llm.py:6' }],
    },
    {
      name: 'an lru_cache around the query embedding',
      files: { 'rag.py': 'from functools import lru_cache\nfrom langchain_openai import OpenAIEmbeddings\nemb = OpenAIEmbeddings()\n\n@lru_cache(maxsize=1024)\ndef embed(q: str):\n    return emb.embed_query(q)\n' },
      expected: [{ kind: 'strength', messageId: 'memoised', at: 'rag.py:5' }],
    },
    {
      name: 'a bare functools.cache around a model call',
      files: { 'rag.py': 'import functools\nimport ollama\n\n@functools.cache\ndef ask(q: str) -> str:\n    return ollama.chat(model="llama3", messages=[{"role": "user", "content": q}])["message"]["content"]\n' },
      expected: [{ kind: 'strength', messageId: 'memoised', at: 'rag.py:4' }],
    },
    {
      name: 'LangChain\'s semantic LLM cache',
      files: { 'chain.py': 'from langchain_core.globals import set_llm_cache\nfrom langchain_community.cache import RedisSemanticCache\nset_llm_cache(RedisSemanticCache(redis_url="redis://localhost", embedding=None))\n' },
      expected: [{ kind: 'strength', messageId: 'llmCache', at: 'chain.py:3' }],
    },
    {
      name: 'cache-backed embeddings',
      files: { 'index.py': 'from langchain.embeddings import CacheBackedEmbeddings\nfrom langchain.storage import LocalFileStore\ncached = CacheBackedEmbeddings.from_bytes_store(base, LocalFileStore("./cache"), namespace="m")\n' },
      expected: [{ kind: 'strength', messageId: 'embeddingCache', at: 'index.py:3' }],
    },
    {
      name: 'an lru_cache on a function that calls no model, and Redis used as a queue',
      files: { 'app.py': 'from functools import lru_cache\nimport redis\nimport ollama\nr = redis.Redis()\n\n@lru_cache\ndef settings():\n    return {}\n\ndef work(q):\n    out = ollama.generate(model="llama3", prompt=q)\n    r.lpush("done", out["response"])\n' },
      expected: [],
    },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('names the store and the cached call', async () => {
    const [finding] = await findingsOf(check, { 'app/answer.py': REDIS_CACHE });
    expect(finding!.message).toBe('`answer` reads Redis before the model call and writes the result back: repeated requests skip the model');
    expect(finding!.question).toContain('what is the cache key');
    const [semantic] = await findingsOf(check, { 'chain.py': 'from langchain_core.globals import set_llm_cache\nfrom langchain_community.cache import RedisSemanticCache\nset_llm_cache(RedisSemanticCache(redis_url="redis://localhost", embedding=None))\n' });
    expect(semantic!.message).toBe('Model answers are cached globally with `RedisSemanticCache` (a semantic cache: similar questions hit it too)');
  });
});
