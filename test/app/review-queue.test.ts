import { describe, expect, it } from 'vitest';
import { ReviewQueue, type QueueJob } from '../../src/app/review-queue.js';

/** A job that records what happened to it and finishes when told. */
function job(key: string, log: string[], extra: Partial<QueueJob> = {}) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  let signal: AbortSignal | undefined;
  const spec: QueueJob = {
    key,
    ...extra,
    run: async (s) => {
      signal = s;
      log.push(`start ${key}`);
      await done;
      log.push(`${s.aborted ? 'aborted' : 'end'} ${key}`);
    },
    discarded: async () => {
      log.push(`discarded ${key}`);
    },
  };
  return { spec, finish: () => finish(), signal: () => signal };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ReviewQueue', () => {
  it('runs at most `concurrency` jobs and starts the next when one ends', async () => {
    const log: string[] = [];
    const queue = new ReviewQueue({ concurrency: 2 });
    const jobs = ['a', 'b', 'c'].map((key) => job(key, log));
    for (const j of jobs) expect(queue.enqueue(j.spec)).toBe('queued');
    expect(log).toEqual([]); // never started inside enqueue
    await tick();
    expect(log).toEqual(['start a', 'start b']);
    expect(queue.size).toEqual({ pending: 1, running: 2 });
    jobs[0]!.finish();
    await tick();
    expect(log).toEqual(['start a', 'start b', 'end a', 'start c']);
    jobs[1]!.finish();
    jobs[2]!.finish();
    await queue.onIdle();
    expect(queue.size).toEqual({ pending: 0, running: 0 });
  });

  it('keeps one job per key: a duplicate while waiting or running is refused', async () => {
    const log: string[] = [];
    const queue = new ReviewQueue({ concurrency: 1 });
    const first = job('k', log);
    expect(queue.enqueue(first.spec)).toBe('queued');
    expect(queue.enqueue(job('k', log).spec)).toBe('duplicate');
    await tick();
    expect(queue.has('k')).toBe(true);
    expect(queue.enqueue(job('k', log).spec)).toBe('duplicate');
    first.finish();
    await queue.onIdle();
    expect(log).toEqual(['start k', 'end k']);
  });

  it('remembers when a key finished, on its clock', async () => {
    let now = 1_000;
    const queue = new ReviewQueue({ concurrency: 1, now: () => now });
    const j = job('k', []);
    queue.enqueue(j.spec);
    j.finish();
    await queue.onIdle();
    now += 59_999;
    expect(queue.finishedWithin('k', 60_000)).toBe(true);
    now += 1;
    expect(queue.finishedWithin('k', 60_000)).toBe(false);
    expect(queue.finishedWithin('other', 60_000)).toBe(false);
  });

  it('a newer key of the same group discards the waiting older job and aborts the running one', async () => {
    const log: string[] = [];
    const queue = new ReviewQueue({ concurrency: 1 });
    const running = job('pr@1', log, { group: 'pr' });
    const waiting = job('pr@2', log, { group: 'pr' });
    const newest = job('pr@3', log, { group: 'pr' });
    queue.enqueue(running.spec);
    await tick();
    queue.enqueue(waiting.spec);
    queue.enqueue(newest.spec);
    expect(log).toEqual(['start pr@1', 'discarded pr@2']);
    expect(running.signal()?.aborted).toBe(true);
    running.finish();
    await tick();
    newest.finish();
    await queue.onIdle();
    expect(log).toEqual(['start pr@1', 'discarded pr@2', 'aborted pr@1', 'start pr@3', 'end pr@3']);
  });

  it('caps a lane below the queue concurrency', async () => {
    const log: string[] = [];
    const queue = new ReviewQueue({ concurrency: 3 });
    queue.setLaneLimit('org-a', 1);
    const a1 = job('a1', log, { lane: 'org-a' });
    const a2 = job('a2', log, { lane: 'org-a' });
    const b1 = job('b1', log, { lane: 'org-b' });
    for (const j of [a1, a2, b1]) queue.enqueue(j.spec);
    await tick();
    expect(log).toEqual(['start a1', 'start b1']);
    a1.finish();
    await tick();
    expect(log).toEqual(['start a1', 'start b1', 'end a1', 'start a2']);
    a2.finish();
    b1.finish();
    await queue.onIdle();
  });

  it('a lane whose cap is lifted (the setting removed) runs its waiting jobs at once', async () => {
    const log: string[] = [];
    const queue = new ReviewQueue({ concurrency: 3 });
    queue.setLaneLimit('org-a', 1);
    const jobs = ['a1', 'a2', 'a3'].map((name) => job(name, log, { lane: 'org-a' }));
    for (const j of jobs) queue.enqueue(j.spec);
    await tick();
    expect(log).toEqual(['start a1']);
    queue.setLaneLimit('org-a', undefined);
    await tick();
    expect(log).toEqual(['start a1', 'start a2', 'start a3']);
    for (const j of jobs) j.finish();
    await queue.onIdle();
  });

  it('refuses work past maxPending, and survives a job that throws', async () => {
    const errors: string[] = [];
    const queue = new ReviewQueue({ concurrency: 1, maxPending: 1, onError: (error, key) => errors.push(`${key}: ${(error as Error).message}`) });
    const blocker = job('a', []);
    queue.enqueue(blocker.spec);
    await tick();
    expect(queue.enqueue({ key: 'b', run: async () => Promise.reject(new Error('boom')) })).toBe('queued');
    expect(queue.enqueue(job('c', []).spec)).toBe('full');
    blocker.finish();
    await queue.onIdle();
    expect(errors).toEqual(['b: boom']);
  });
});
