import { describe, expect, it } from 'vitest';
import { ReviewQueue } from '../../src/app/review-queue.js';
import { InProcessBackend } from '../../src/queue/in-process-backend.js';
import type { JobRun } from '../../src/queue/queue-backend.js';

type Payload = { head: string };

function backend(now = () => 0) {
  const queue = new ReviewQueue({ concurrency: 1, maxPending: 2, now });
  const runs: Array<{ payload: Payload } & Omit<JobRun, 'signal'>> = [];
  const release: Array<() => void> = [];
  const b = new InProcessBackend<Payload>(queue);
  b.work(async (payload, run) => {
    runs.push({ payload, key: run.key, attempt: run.attempt, superseded: run.superseded });
    if (!run.superseded) await new Promise<void>((resolve) => release.push(resolve));
  });
  return { b, runs, release: () => release.splice(0).forEach((r) => r()) };
}

describe('InProcessBackend', () => {
  it('queues one job per key: a second enqueue with the same key is a duplicate and runs nothing', async () => {
    const { b, runs, release } = backend();
    expect(await b.enqueue({ key: 'o/r#1@aaa', payload: { head: 'aaa' } })).toBe('queued');
    expect(await b.enqueue({ key: 'o/r#1@aaa', payload: { head: 'aaa' } })).toBe('duplicate');
    await new Promise((r) => setTimeout(r, 0));
    release();
    await b.onIdle();
    expect(runs).toEqual([{ payload: { head: 'aaa' }, key: 'o/r#1@aaa', attempt: 1, superseded: false }]);
  });

  it("a job's prepare runs once, and the job starts only after it settles", async () => {
    const { b, runs, release } = backend();
    const prepared: string[] = [];
    let settle!: () => void;
    const prepare = (by: string) => () => {
      prepared.push(by);
      return new Promise<void>((resolve) => (settle = resolve));
    };
    expect(await b.enqueue({ key: 'o/r#1@aaa', payload: { head: 'aaa' }, prepare: prepare('first') })).toBe('queued');
    expect(await b.enqueue({ key: 'o/r#1@aaa', payload: { head: 'aaa' }, prepare: prepare('second') })).toBe('duplicate');
    await new Promise((r) => setTimeout(r, 20));
    expect(prepared).toEqual(['first']);
    expect(runs).toEqual([]);
    settle();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs.map((run) => run.key)).toEqual(['o/r#1@aaa']);
    release();
    await b.onIdle();
  });

  it('a newer key of the same group supersedes the waiting older one: its handler runs with superseded', async () => {
    const { b, runs, release } = backend();
    await b.enqueue({ key: 'o/r#9@blocker', payload: { head: 'blocker' } });
    await b.enqueue({ key: 'o/r#1@aaa', group: 'o/r#1', payload: { head: 'aaa' } });
    await b.enqueue({ key: 'o/r#1@bbb', group: 'o/r#1', payload: { head: 'bbb' } });
    await new Promise((r) => setTimeout(r, 0));
    release();
    await new Promise((r) => setTimeout(r, 0));
    release();
    await b.onIdle();
    expect(runs.map((r) => `${r.payload.head}:${r.superseded ? 'superseded' : 'run'}`).sort()).toEqual(['aaa:superseded', 'bbb:run', 'blocker:run']);
  });

  it('a key finished a moment ago is a duplicate, unless it is a re-run', async () => {
    let t = 1_000;
    const { b, runs, release } = backend(() => t);
    await b.enqueue({ key: 'k', payload: { head: 'x' } });
    await new Promise((r) => setTimeout(r, 0));
    release();
    await b.onIdle();
    t += 5_000;
    expect(await b.enqueue({ key: 'k', payload: { head: 'x' } })).toBe('duplicate');
    expect(await b.enqueue({ key: 'k', payload: { head: 'x' }, rerun: true })).toBe('queued');
    await new Promise((r) => setTimeout(r, 0));
    release();
    await b.onIdle();
    expect(runs).toHaveLength(2);
  });

  it('refuses jobs past the waiting cap (one running, two waiting)', async () => {
    const { b, runs, release } = backend();
    const results = [];
    for (const key of ['a', 'b', 'c', 'd']) results.push(await b.enqueue({ key, payload: { head: key } }));
    expect(results).toEqual(['queued', 'queued', 'queued', 'full']);
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 0));
      release();
    }
    await b.onIdle();
    expect(runs.map((r) => r.key)).toEqual(['a', 'b', 'c']);
  });

  it('refuses to queue before a worker handler is set', async () => {
    const b = new InProcessBackend<Payload>(new ReviewQueue({ concurrency: 1 }));
    await expect(b.enqueue({ key: 'k', payload: { head: 'x' } })).rejects.toThrow(/no worker/);
  });
});
