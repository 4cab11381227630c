import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { NO_ENTRIES, NONE, shareRepeats } from '../../src/facts/intern.js';
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
