import { describe, expect, it } from 'vitest';
import { describeChanges, parseHistory, type BenchRow, type BenchRun } from '../bench/compare.js';

const row = (corpus: string, ratio: number, more: Partial<BenchRow> = {}): BenchRow => ({
  corpus,
  files: corpus === 'mid' ? 1000 : 50,
  pythonMegabytes: corpus === 'mid' ? 5.8 : 0.1,
  ratio,
  reviewMs: Math.round(ratio * 2000),
  threadedMs: 6000,
  reReviewMs: 4500,
  peakRssMb: 317,
  ...more,
});

describe('npm run bench: comparing with earlier runs', () => {
  const history = parseHistory(
    [
      JSON.stringify({ date: '2026-11-27T10:00:00Z', commit: 'aaaa111', results: [row('mid', 4.2), row('take-home', 3.9)] }),
      '{"date": "2026-11-28T10:00:00Z", "commit": "cut sho', // an interrupted run's last line
      JSON.stringify({ date: '2026-11-28T12:00:00Z', commit: 'bbbb222', results: [row('mid', 4.0, { peakRssMb: 320 })] }),
      '',
    ].join('\n'),
  );

  it('reads every complete run and skips a line cut short', () => {
    expect(history.map((run) => run.commit)).toEqual(['aaaa111', 'bbbb222']);
  });

  it('sets each corpus against the last earlier run that measured it', () => {
    const current: BenchRun = { date: '2026-11-29T12:00:00Z', commit: 'cccc333', results: [row('mid', 3.6, { reviewMs: 7400 }), row('take-home', 3.9)] };
    expect(describeChanges(history, current)).toEqual([
      'mid vs bbbb222, 2026-11-28: ratio 4 → 3.6 (-10 %), review 8000 → 7400 ms, threads 6000 → 6000 ms, re-review 4500 → 4500 ms, peak RSS 320 → 317 MB',
      'take-home vs aaaa111, 2026-11-27: ratio 3.9 → 3.9 (0 %), review 7800 → 7800 ms, threads 6000 → 6000 ms, re-review 4500 → 4500 ms, peak RSS 317 → 317 MB',
    ]);
  });

  it('compares nothing for a corpus of another size, or with no history', () => {
    const custom: BenchRun = { date: '2026-11-29T12:00:00Z', commit: null, results: [row('mid', 3.0, { files: 2000 })] };
    expect(describeChanges(history, custom)).toEqual([]);
    expect(describeChanges([], custom)).toEqual([]);
  });
});
