import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { NO_ENTRIES, NONE, relocated, shareRepeats } from '../../src/facts/intern.js';
import { extractSourceFile, lazyScriptExtractor, parseOutcome, serializeOutcome } from '../../src/facts/source-file-facts.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const text = Array.from({ length: 150 }, (_, i) => `def handler_${i}(request):\n    self.logger.info("handling %s", request.id)\n    flush()\n    return client.chat.completions.create(model=MODEL, messages=[request.body])\n`).join('');

describe('facts that crossed a thread or came out of the cache', () => {
  it('share their repeated strings again: a third less memory than as deserialised', async () => {
    const budget = { ms: 60_000, deadline: Infinity, now: () => performance.now() };
    const outcome = await extractSourceFile({ path: 'services/api/handlers/requests.py', text, bytes: text.length }, budget, lazyScriptExtractor());
    const bytes = serializeOutcome(outcome);
    const heldBy = (share: boolean) => {
      gc();
      const before = process.memoryUsage().heapUsed;
      const copies = Array.from({ length: 200 }, () => {
        const copy = parseOutcome(bytes);
        if (share && copy.ok) shareRepeats(copy.facts);
        return copy;
      });
      gc();
      const used = process.memoryUsage().heapUsed - before;
      expect(copies).toHaveLength(200);
      return used;
    };
    const plain = heldBy(false);
    const shared = heldBy(true);
    expect(shared).toBeLessThan(plain * 0.8);
    // Nothing else changes.
    const copy = parseOutcome(bytes);
    if (copy.ok) shareRepeats(copy.facts);
    expect(copy).toEqual(outcome);
    // Empty lists and records are the shared frozen ones again, as when extracted.
    const calls = copy.ok ? copy.facts.python!.calls : [];
    expect(calls.filter((c) => c.callee === 'client.chat.completions.create')).toHaveLength(150);
    expect(calls.every((c) => c.args === NONE || c.args.length > 0)).toBe(true);
    const bare = calls.filter((c) => c.callee === 'flush');
    expect(bare).toHaveLength(150);
    expect(bare.every((c) => c.args === NONE && c.kwargs === NO_ENTRIES)).toBe(true);
  });
});

describe('facts copied together after extraction', () => {
  const budget = { ms: 60_000, deadline: Infinity, now: () => performance.now() };
  const source = `${text}CONFIG = {"model": MODEL, "layers": [[1, 2], {"a": None}]}\nrun(__proto__={"polluted": True})\n`;

  it('are the same facts, in new objects, with what was shared still shared and the frozen empties kept', async () => {
    const outcome = await extractSourceFile({ path: 'app/handlers.py', text: source, bytes: source.length }, budget, lazyScriptExtractor());
    if (!outcome.ok) throw new Error('not extracted');
    const copy = relocated(outcome.facts);
    expect(copy).toEqual(outcome.facts);
    const [module, original] = [copy.python!, outcome.facts.python!];
    expect(module).not.toBe(original);
    expect(module.calls[0]).not.toBe(original.calls[0]);
    // Facts on one line share one evidence object, in the copy too.
    const create = module.calls.find((c) => c.callee === 'client.chat.completions.create')!;
    expect(create.kwargs['model']!.evidence).toBe(create.evidence);
    expect(create.evidence).not.toBe(original.calls.find((c) => c.callee === 'client.chat.completions.create')!.evidence);
    // A function's reads stay a Map; empty lists and records stay the shared frozen ones.
    expect(module.functions[0]!.reads).toBeInstanceOf(Map);
    expect(module.functions[0]!.reads).toEqual(original.functions[0]!.reads);
    expect(module.calls.filter((c) => c.callee === 'flush').every((c) => c.args === NONE && c.kwargs === NO_ENTRIES)).toBe(true);
    // A keyword argument named `__proto__` is one more keyword, not the record's prototype.
    const run = module.calls.find((c) => c.callee === 'run')!;
    expect(Object.getPrototypeOf(run.kwargs)).toBe(Object.prototype);
    expect(Object.keys(run.kwargs)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('copy a literal nested a hundred thousand levels deep without running out of stack', () => {
    let deep: unknown[] = [];
    const top = deep;
    for (let i = 0; i < 100_000; i++) deep = (deep[0] = []) as unknown[];
    const copy = relocated({ top });
    let depth = 0;
    for (let at = copy.top; at.length; at = at[0] as unknown[]) depth++;
    expect(depth).toBe(100_000);
  });
});
