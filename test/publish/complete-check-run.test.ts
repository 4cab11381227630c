import type { ProbotOctokit } from 'probot';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/publish/build-annotations.js';
import { completeCheckRun, fitBytes } from '../../src/publish/complete-check-run.js';

/** A client that records each `checks.update` it is asked for. */
function recorder() {
  const updates: Record<string, unknown>[] = [];
  const octokit = { rest: { checks: { update: async (params: Record<string, unknown>) => void updates.push(params) } } } as unknown as ProbotOctokit;
  return { octokit, updates };
}

const annotation = (line: number): Annotation => ({ path: 'a.py', start_line: line, end_line: line, annotation_level: 'notice', title: 't', message: 'm' });
const now = () => new Date('2026-03-05T10:00:00Z');
const ref = { owner: 'o', repo: 'r', checkRunId: 7 };

describe('completeCheckRun', () => {
  it('sends at most 500 annotations (ten pages) and says in the text how many were left out', async () => {
    const { octokit, updates } = recorder();
    await completeCheckRun(octokit, ref, { title: 'T', summary: 'S', annotations: Array.from({ length: 731 }, (_, i) => annotation(i + 1)) }, now);
    expect(updates).toHaveLength(10);
    expect(updates.map((u) => (u.output as { annotations: unknown[] }).annotations.length)).toEqual(Array(10).fill(50));
    expect(updates.slice(0, 9).every((u) => u.status === undefined)).toBe(true);
    expect(updates[9]).toMatchObject({ status: 'completed', conclusion: 'neutral', completed_at: '2026-03-05T10:00:00.000Z' });
    expect(updates[9]!.output).toMatchObject({ text: '500 of 731 findings are annotated in the code; the summary lists the rest.' });
  });

  it('completes in one request without annotations, and keeps title and summary within GitHub’s limits', async () => {
    const { octokit, updates } = recorder();
    await completeCheckRun(octokit, ref, { title: 'é'.repeat(300), summary: '€'.repeat(30_000) }, now);
    expect(updates).toHaveLength(1);
    const output = updates[0]!.output as { title: string; summary: string; annotations?: unknown };
    expect(Array.from(output.title)).toHaveLength(255);
    expect(Buffer.byteLength(output.summary)).toBeLessThanOrEqual(65_535);
    expect(output.summary.endsWith('€\n\n…')).toBe(true);
    expect(output.annotations).toBeUndefined();
  });

  it('fitBytes never splits a character', () => {
    expect(fitBytes('😀😀😀', 9)).toBe('😀\n\n…');
    expect(fitBytes('short', 9)).toBe('short');
  });
});
