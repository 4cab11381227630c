import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { BullMQBackend, jobId, type BullMQBackendOptions } from '../../src/queue/bullmq-backend.js';
import type { JobRun } from '../../src/queue/queue-backend.js';
import { startRedis } from './redis-server.js';

type Payload = { kind: 'pull-request'; target: { owner: string; number: number; headSha: string } };

const redis = await startRedis();
const url = 'url' in redis ? redis.url : '';
afterAll(async () => {
  if ('stop' in redis) await redis.stop();
});

const payload = (headSha: string): Payload => ({ kind: 'pull-request', target: { owner: 'Acme', number: 12, headSha } });

/** Backends of one test share a queue name (as the receivers and workers of one deployment do). */
function deployment(extra: Partial<BullMQBackendOptions> = {}) {
  const name = `test-${randomUUID()}`;
  const opened: BullMQBackend<Payload>[] = [];
  const open = (more: Partial<BullMQBackendOptions> = {}) => {
    const backend = new BullMQBackend<Payload>({ url, name, backoffMs: 50, ...extra, ...more });
    opened.push(backend);
    return backend;
  };
  const closeAll = () => Promise.all(opened.map((b) => b.close({ force: true }).catch(() => undefined)));
  return { open, closeAll };
}

const until = async (what: () => boolean | Promise<boolean>, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe.skipIf('skipped' in redis)('BullMQBackend on a real redis-server', () => {
  it('two receivers enqueue the same key: one job, run once, with the payload intact', async () => {
    const { open, closeAll } = deployment();
    try {
      const [a, b] = [open(), open()];
      const results = await Promise.all([a.enqueue({ key: 'acme/app#12@aaa', group: 'acme/app#12', payload: payload('aaa') }), b.enqueue({ key: 'acme/app#12@aaa', group: 'acme/app#12', payload: payload('aaa') })]);
      expect(results.sort()).toEqual(['duplicate', 'queued']);
      expect(await a.enqueue({ key: 'acme/app#12@aaa', payload: payload('aaa') })).toBe('duplicate');
      const runs: Array<{ payload: Payload } & Omit<JobRun, 'signal'>> = [];
      const worker = open();
      worker.work(async (p, run) => {
        runs.push({ payload: p, key: run.key, attempt: run.attempt, superseded: run.superseded });
      });
      await until(async () => (await a.counts()).completed === 1);
      expect(runs).toEqual([{ payload: payload('aaa'), key: 'acme/app#12@aaa', attempt: 1, superseded: false }]);
      // Finished a moment ago: still a duplicate; the Re-run button queues it again.
      expect(await b.enqueue({ key: 'acme/app#12@aaa', payload: payload('aaa') })).toBe('duplicate');
      expect(await b.enqueue({ key: 'acme/app#12@aaa', payload: payload('aaa'), rerun: true })).toBe('queued');
      await until(() => runs.length === 2);
    } finally {
      await closeAll();
    }
  });

  it("a job's prepare runs once across racing receivers, and the job does not start before it settles", async () => {
    const { open, closeAll } = deployment();
    try {
      const [a, b] = [open(), open()];
      const events: string[] = [];
      let settle!: () => void;
      const prepare = (receiver: string) => () => {
        events.push(`prepare by ${receiver}`);
        return new Promise<void>((resolve) => (settle = resolve));
      };
      open().work(async (_p, run) => {
        events.push(`run ${run.key}`);
      });
      const job = { key: 'acme/app#12@eee', payload: payload('eee') };
      // Both answer without waiting for the prepare (a check run GitHub may take seconds to create).
      const results = await Promise.all([a.enqueue({ ...job, prepare: prepare('a') }), b.enqueue({ ...job, prepare: prepare('b') })]);
      expect(results.sort()).toEqual(['duplicate', 'queued']);
      await new Promise((r) => setTimeout(r, 300));
      expect(events).toHaveLength(1);
      expect(events[0]).toMatch(/^prepare by [ab]$/);
      settle();
      await until(() => events.length === 2);
      expect(events[1]).toBe('run acme/app#12@eee');
      // A duplicate or a refused job prepares nothing.
      expect(await a.enqueue({ ...job, prepare: prepare('late') })).toBe('duplicate');
      expect(events).toHaveLength(2);
    } finally {
      await closeAll();
    }
  });

  it('an issue key (with a colon) is a valid job id, and keys map to distinct ids', async () => {
    expect(jobId('acme/app#7:issue')).toBe('acme/app#7%3Aissue');
    expect(jobId('a%3Ab')).not.toBe(jobId('a:b'));
    const { open, closeAll } = deployment();
    try {
      const a = open();
      expect(await a.enqueue({ key: 'acme/app#7:issue', payload: payload('x') })).toBe('queued');
      expect((await a.job('acme/app#7:issue'))?.data.key).toBe('acme/app#7:issue');
    } finally {
      await closeAll();
    }
  });

  it('an older head of the group that starts after a newer one was queued runs as superseded', async () => {
    const { open, closeAll } = deployment();
    try {
      const receiver = open();
      await receiver.enqueue({ key: 'acme/app#12@aaa', group: 'acme/app#12', payload: payload('aaa') });
      await receiver.enqueue({ key: 'acme/app#12@bbb', group: 'acme/app#12', payload: payload('bbb') });
      const seen: string[] = [];
      open({ concurrency: 1 }).work(async (p, run) => {
        seen.push(`${p.target.headSha}:${run.superseded ? 'superseded' : 'review'}`);
      });
      await until(() => seen.length === 2);
      expect(seen).toEqual(['aaa:superseded', 'bbb:review']);
    } finally {
      await closeAll();
    }
  });

  it('a worker killed mid-job: another worker runs the job again and it completes once', async () => {
    const { open, closeAll } = deployment({ lockDurationMs: 600, stalledIntervalMs: 300 });
    try {
      const receiver = open();
      const doomed = open();
      const completed: string[] = [];
      const started: Array<{ worker: string; attempt: number }> = [];
      let crashed!: () => void;
      const startedOnDoomed = new Promise<void>((resolve) => (crashed = resolve));
      doomed.work(async (_p, run) => {
        started.push({ worker: 'doomed', attempt: run.attempt });
        crashed();
        await new Promise(() => undefined); // hangs: the process "dies" here
      });
      await receiver.enqueue({ key: 'acme/app#12@ccc', payload: payload('ccc') });
      await startedOnDoomed;
      await doomed.close({ force: true }); // no more lock renewals: as if the process were killed
      const survivor = open();
      survivor.work(async (p, run) => {
        started.push({ worker: 'survivor', attempt: run.attempt });
        completed.push(p.target.headSha);
      });
      await until(async () => (await receiver.counts()).completed === 1);
      await new Promise((r) => setTimeout(r, 700)); // one more stalled check: nothing runs it a third time
      expect(completed).toEqual(['ccc']);
      expect(started).toEqual([
        { worker: 'doomed', attempt: 1 },
        { worker: 'survivor', attempt: 2 },
      ]);
      const counts = await receiver.counts();
      expect(counts).toMatchObject({ completed: 1, failed: 0, waiting: 0, active: 0 });
    } finally {
      await closeAll();
    }
  });

  it("an organisation's concurrency caps its lane across workers; other lanes are not held up", async () => {
    const { open, closeAll } = deployment({ laneRetryMs: 40 });
    try {
      const receiver = open();
      await receiver.setLaneLimit('acme', 1);
      const running = new Map<string, number>();
      const most = new Map<string, number>();
      const finished: string[] = [];
      const attempts: number[] = [];
      const handler = (worker: string) => async (p: Payload, run: JobRun) => {
        const lane = p.target.owner.toLowerCase();
        running.set(lane, (running.get(lane) ?? 0) + 1);
        most.set(lane, Math.max(most.get(lane) ?? 0, running.get(lane)!));
        await new Promise((r) => setTimeout(r, 150));
        running.set(lane, running.get(lane)! - 1);
        finished.push(`${run.key} on ${worker}`);
        attempts.push(run.attempt);
      };
      for (const sha of ['a1', 'a2', 'a3']) await receiver.enqueue({ key: `acme/app#1@${sha}`, lane: 'acme', payload: payload(sha) });
      await receiver.enqueue({ key: 'globex/app#1@g1', lane: 'globex', payload: { kind: 'pull-request', target: { owner: 'globex', number: 1, headSha: 'g1' } } });
      // Two workers of two slots each: four slots, but Acme's setting lets one of its reviews run at a time.
      open({ concurrency: 2 }).work(handler('w1'));
      open({ concurrency: 2 }).work(handler('w2'));
      await until(async () => (await receiver.counts()).completed === 4);
      expect(most.get('acme')).toBe(1);
      // Waiting for the lane is not a failed attempt: a review that waited still runs as a first attempt.
      expect(attempts).toEqual([1, 1, 1, 1]);
      expect(finished.filter((f) => f.startsWith('acme/'))).toHaveLength(3);
      // Globex had a free slot from the start: it finished before the last of Acme's reviews.
      expect(finished.indexOf(finished.find((f) => f.startsWith('globex/'))!)).toBeLessThan(3);
      expect(await receiver.counts()).toMatchObject({ completed: 4, failed: 0, delayed: 0 });
      expect(await receiver.lane('acme')).toEqual({ cap: 1, holders: [] });
      // The setting removed from the organisation's configuration: no cap from the next review on.
      await receiver.setLaneLimit('acme', undefined);
      expect(await receiver.lane('acme')).toEqual({ cap: null, holders: [] });
    } finally {
      await closeAll();
    }
  });

  it('a worker killed holding a lane slot gives it back once its lease runs out', async () => {
    const { open, closeAll } = deployment({ lockDurationMs: 600, stalledIntervalMs: 300, laneRetryMs: 40 });
    try {
      const receiver = open();
      await receiver.setLaneLimit('acme', 1);
      let crashed!: () => void;
      const startedOnDoomed = new Promise<void>((resolve) => (crashed = resolve));
      const doomed = open({ concurrency: 1 });
      doomed.work(async () => {
        crashed();
        await new Promise(() => undefined); // hangs: the process "dies" here, holding Acme's one slot
      });
      await receiver.enqueue({ key: 'acme/app#1@a1', lane: 'acme', payload: payload('a1') });
      await startedOnDoomed;
      expect(await receiver.lane('acme')).toEqual({ cap: 1, holders: [jobId('acme/app#1@a1')] });
      await doomed.close({ force: true });
      const closedAt = Date.now();
      await receiver.enqueue({ key: 'acme/app#1@a2', lane: 'acme', payload: payload('a2') });
      const started = new Map<string, number>();
      open().work(async (p) => {
        started.set(p.target.headSha, Date.now());
      });
      await until(async () => (await receiver.counts()).completed === 2);
      expect([...started.keys()].sort()).toEqual(['a1', 'a2']);
      // The slot was renewed every 200 ms until the crash, so it lapsed 400–600 ms after it: a2 waited for that.
      expect(started.get('a2')! - closedAt).toBeGreaterThanOrEqual(350);
      expect(await receiver.lane('acme')).toEqual({ cap: 1, holders: [] });
    } finally {
      await closeAll();
    }
  });

  it('a handler that throws is retried with backoff, then completes', async () => {
    const { open, closeAll } = deployment();
    try {
      const backend = open();
      const attempts: number[] = [];
      backend.work(async (_p, run) => {
        attempts.push(run.attempt);
        if (run.attempt === 1) throw new Error('GitHub 502');
      });
      await backend.enqueue({ key: 'acme/app#12@ddd', payload: payload('ddd') });
      await until(async () => (await backend.counts()).completed === 1);
      expect(attempts).toEqual([1, 2]);
    } finally {
      await closeAll();
    }
  });
});
