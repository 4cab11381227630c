import { describe, expect, it } from 'vitest';
import extractInWorker from '../../../src/facts/pool/facts-worker.js';

const file = (path: string, text: string) => ({ path, text, bytes: Buffer.byteLength(text) });

describe('a facts thread given several files at once', () => {
  it('runs them in turn, each within its own parse budget from when it starts', async () => {
    // About a megabyte of Python: a few hundred milliseconds of parsing.
    const big = Array.from({ length: 12_000 }, (_, i) => `def f${i}(a, b=${i}):\n    return client.chat(model="m", messages=[a, b])\n`).join('');
    const started = performance.now();
    const [first, second] = await Promise.all([
      extractInWorker({ file: file('big.py', big), parseTimeoutMs: 60_000, remainingMs: Infinity, serialize: false }),
      extractInWorker({ file: file('small.py', 'print("hi")\n'), parseTimeoutMs: 100, remainingMs: Infinity, serialize: false }),
    ]);
    expect(performance.now() - started).toBeGreaterThan(100); // the small file waited longer than its budget
    expect(first.outcome.ok).toBe(true);
    expect(second.outcome).toMatchObject({ ok: true, facts: { python: { path: 'small.py' } } });
  });

  it('still stops a file at what was left of the review’s budget when it arrived', async () => {
    const big = Array.from({ length: 12_000 }, (_, i) => `x${i} = call_${i}(${i})\n`).join('');
    const [, late] = await Promise.all([
      extractInWorker({ file: file('big.py', big), parseTimeoutMs: 60_000, remainingMs: Infinity, serialize: false }),
      extractInWorker({ file: file('late.py', 'print("late")\n'), parseTimeoutMs: 60_000, remainingMs: 1, serialize: false }),
    ]);
    expect(late.outcome).toMatchObject({ ok: false, reason: 'limit' });
  });
});
