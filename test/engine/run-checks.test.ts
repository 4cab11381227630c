import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/engine/run-checks.js';
import { PROGRESS_EVERY_MS } from '../../src/progress.js';
import type { Check, CheckContext } from '../../src/engine/types.js';

const check = (id: string, throws = false): Check<'seen'> => ({
  id: `demo/${id}`,
  docs: 'A check for this test.',
  messages: { seen: 'Seen `{{what}}`' },
  *run() {
    if (throws) throw new Error('broken check');
    yield { kind: 'strength', messageId: 'seen', evidence: [{ path: 'a.py', line: 1, snippet: 'x = 1' }], data: { what: id } };
  },
});
const context = {} as CheckContext;

describe('runChecks', () => {
  it('says every few seconds how many of the checks have run, and still records a check that throws', () => {
    let t = 0;
    const lines: string[] = [];
    const checks = Array.from({ length: 30 }, (_, i) => check(`c${i}`, i === 7));
    // Each reading of the clock moves it on by a third of the interval.
    const { findings, errors } = runChecks(checks, context, { now: () => (t += PROGRESS_EVERY_MS / 3), progress: (line) => lines.push(line) });
    expect(findings).toHaveLength(29);
    expect(findings[0]).toMatchObject({ check: 'demo/c0', area: 'demo', message: 'Seen `c0`' });
    expect(errors).toEqual([{ check: 'demo/c7', message: 'broken check' }]);
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.every((line) => /^\d+ of 30 checks run$/.test(line))).toBe(true);
  });

  it('says nothing when the checks are quick', () => {
    const lines: string[] = [];
    runChecks([check('a'), check('b')], context, { progress: (line) => lines.push(line) });
    expect(lines).toEqual([]);
  });
});
