import { describe, expect, it } from 'vitest';
import { buildFacts } from '../../src/facts/build-facts.js';
import { PROGRESS_EVERY_MS } from '../../src/progress.js';
import type { SourceFile, Workspace } from '../../src/types.js';

const workspaceOf = (count: number): Workspace => ({
  source: 'progress-test',
  commit: null,
  base: null,
  files: Array.from({ length: count }, (_, i): SourceFile => ({ path: `docs/note-${i}.md`, text: `# Note ${i}\n`, bytes: 10 })),
  skipped: [],
  unchanged: 0,
  limitsReached: [],
  history: null,
});

describe('a long facts stage', () => {
  it('says how far it has got every few seconds, in files read of the total', async () => {
    let t = 0;
    const lines: string[] = [];
    // Each reading of the clock moves it on by a tenth of the interval: a line every few files.
    await buildFacts(workspaceOf(1_200), { now: () => (t += PROGRESS_EVERY_MS / 10), progress: (line) => lines.push(line) });
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.every((line) => /^[\d,]+ of 1,200 files read$/.test(line))).toBe(true);
    const counts = lines.map((line) => Number(line.split(' ')[0]!.replace(/,/g, '')));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBeGreaterThan(1_000);
  });

  it('says nothing when it is quick', async () => {
    const lines: string[] = [];
    await buildFacts(workspaceOf(50), { progress: (line) => lines.push(line) });
    expect(lines).toEqual([]);
  });
});
