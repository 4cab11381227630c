import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { DelayedError, Job, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { BackendJob, EnqueueResult, JobHandler, QueueBackend } from './queue-backend.js';
import { RedisLanes } from './redis-lanes.js';

export interface BullMQBackendOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://` (REDIS_URL). */
  url: string;
  /** The queue's name; receivers and workers of one deployment share it. Default `candidate-review`. */
  name?: string;
  /** Namespaces every Redis key (tests). Default `bull`. */
  prefix?: string;
  /** Jobs this worker runs at once. Default 2. */
  concurrency?: number;
  /** Jobs waiting at most; more are refused (`full`). Default 1,000. */
  maxPending?: number;
  /** Runs of a job whose handler threw, at most. Default 3. */
  attempts?: number;
  /** First wait before a retry after a throw; doubles each time. Default 5 s. */
  backoffMs?: number;
  /** A worker's hold on a running job, renewed while it lives; a dead worker's job is retried after it lapses. Default 30 s. */
  lockDurationMs?: number;
  /** How often workers look for jobs whose worker died. Default 30 s. */
  stalledIntervalMs?: number;
  /** A job whose lane is full is tried again after this long, plus up to as long again at random. Default 5 s. */
  laneRetryMs?: number;
  /** A job finished less than this long ago is a duplicate (a double `/review`). Default 60 s. */
  recentMs?: number;
  /** Milliseconds since the epoch. Default `Date.now`. */
  now?: () => number;
  /** An error from a job or the connection (jobs report their own failures; this is the last resort). */
  onError?: (error: unknown, key: string | undefined) => void;
}

/** What is stored in Redis per job: the app's job plus the nonce that tells "my add" from "someone's earlier add". */
interface Envelope<P> {
  nonce: string;
  key: string;
  group?: string;
  lane?: string;
  payload: P;
}

/** A forced close waits this long for BullMQ before dropping the connections. */
const FORCED_CLOSE_MS = 1_000;
/** The same connection error is reported at most once in this long (a client reconnects several times a second). */
const ERROR_REPEAT_MS = 30_000;

/**
 * A receiver's claim on a key it adds lapses after this long if the receiver dies meanwhile (or its
 * `prepare` hangs): long enough for a check run created in a burst, whose writes GitHub wants spaced.
 */
const CLAIM_MS = 60_000;
/** How often a receiver looks whether another one has finished adding the same key. */
const CLAIM_POLL_MS = 25;
/** Deletes a claim only if it is still this receiver's (it may have lapsed and been taken). */
const RELEASE_CLAIM = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/** How long the newest key of a group is remembered. */
const GROUP_TTL_S = 7 * 24 * 3600;

/**
 * {@link QueueBackend} on Redis with BullMQ, for receivers and workers in separate processes.
 * The job id is the logical key, so a job is queued once whichever receiver got the delivery;
 * a job whose worker dies (its lock lapses) is moved back to waiting by another worker's stalled
 * check and run again; a job whose handler throws is retried with exponential backoff. The
 * newest key queued in a group is remembered in Redis: an older job that starts after it runs
 * its handler with `superseded` (a hint: the handler may confirm it with the source of truth).
 * Lanes are capped across all workers ({@link RedisLanes}; BullMQ's open-source edition has no
 * groups): a job whose lane is full goes back to the delayed set and is tried again a moment later,
 * leaving its worker's slot to other lanes.
 */
export class BullMQBackend<P> implements QueueBackend<P> {
  readonly kind = 'bullmq' as const;
  readonly #options: Required<Omit<BullMQBackendOptions, 'prefix' | 'onError'>> & Pick<BullMQBackendOptions, 'prefix' | 'onError'>;
  readonly #queue: Queue<Envelope<P>>;
  /** The queue's own (non-blocking) connection, for the newest key of each group. */
  readonly #redis: Redis;
  readonly #lanes: RedisLanes;
  /** Lease renewals of the lane slots this process holds. */
  readonly #renewals = new Set<NodeJS.Timeout>();
  readonly #connections: Redis[] = [];
  #worker: Worker<Envelope<P>> | undefined;
  /** Ids of the jobs this process runs. */
  readonly #running = new Set<string>();
  #idle: Array<() => void> = [];
  /** When each connection error message was last reported. */
  readonly #reported = new Map<string, number>();

  constructor(options: BullMQBackendOptions) {
    this.#options = {
      name: 'candidate-review',
      concurrency: 2,
      maxPending: 1_000,
      attempts: 3,
      backoffMs: 5_000,
      lockDurationMs: 30_000,
      stalledIntervalMs: 30_000,
      laneRetryMs: 5_000,
      recentMs: 60_000,
      now: Date.now,
      ...options,
    };
    this.#redis = this.#connect();
    this.#queue = new Queue<Envelope<P>>(this.#options.name, {
      connection: this.#redis,
      ...(options.prefix !== undefined && { prefix: options.prefix }),
    });
    this.#queue.on('error', (error) => this.#reportError(error));
    this.#lanes = new RedisLanes(this.#redis, this.#base);
  }

  /** Caps the jobs of `lane` running at once across every worker of the deployment; `undefined` lifts the cap. */
  setLaneLimit(lane: string, limit: number | undefined): Promise<void> {
    return this.#lanes.setCap(lane, limit);
  }

  async enqueue(job: BackendJob<P>): Promise<EnqueueResult> {
    const id = jobId(job.key);
    const nonce = randomUUID();
    // Receivers adding one key take turns (the second finds the first's job), and the claim is held
    // until the job's `prepare` settles: its worker waits for that before it runs the job.
    const claim = this.#claimKey(id);
    while ((await this.#redis.set(claim, nonce, 'PX', CLAIM_MS, 'NX')) === null) {
      if ((await this.#stored(id, job)).duplicate) return 'duplicate';
      await delay(CLAIM_POLL_MS);
    }
    let prepared: Promise<unknown> | undefined;
    try {
      return await this.#add(id, nonce, job, () => {
        prepared = job.prepare?.().catch(() => undefined);
      });
    } finally {
      const release = () => this.#redis.eval(RELEASE_CLAIM, 1, claim, nonce).catch(() => undefined);
      void (prepared ? prepared.finally(release) : release()); // a claim never released lapses
    }
  }

  /** The stored job with this key, and whether it makes this one a duplicate: it waits, runs, or finished a moment ago (a re-run excepted). */
  async #stored(id: string, job: BackendJob<P>): Promise<{ existing: Job<Envelope<P>> | undefined; duplicate: boolean }> {
    const existing = await Job.fromId<Envelope<P>>(this.#queue, id);
    const finishedOn = existing?.finishedOn;
    const duplicate = existing !== undefined && (finishedOn === undefined || (!job.rerun && this.#options.now() - finishedOn < this.#options.recentMs));
    return { existing, duplicate };
  }

  /** Adds the job under the key's claim; `prepare` starts just before the add. */
  async #add(id: string, nonce: string, job: BackendJob<P>, prepare: () => void): Promise<EnqueueResult> {
    const { existing, duplicate } = await this.#stored(id, job);
    if (duplicate) return 'duplicate';
    // A finished job keeps its id; removing it lets the key be queued again (a lost race re-adds it once).
    await existing?.remove().catch(() => undefined);
    if ((await this.#queue.count()) >= this.#options.maxPending) return 'full';
    prepare();
    const envelope: Envelope<P> = { nonce, key: job.key, payload: job.payload };
    if (job.group !== undefined) envelope.group = job.group;
    if (job.lane !== undefined) envelope.lane = job.lane;
    await this.#queue.add('review', envelope, {
      jobId: id,
      attempts: this.#options.attempts,
      backoff: { type: 'exponential', delay: this.#options.backoffMs },
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
    });
    // An add with an id that exists is a no-op: the stored nonce says whose add won.
    const stored = await Job.fromId<Envelope<P>>(this.#queue, id);
    if (stored && stored.data.nonce !== nonce) return 'duplicate';
    if (job.group !== undefined) await this.#redis.set(this.#groupKey(job.group), job.key, 'EX', GROUP_TTL_S);
    return 'queued';
  }

  work(handler: JobHandler<P>): void {
    if (this.#worker) throw new Error('bullmq queue: work() called twice');
    this.#worker = new Worker<Envelope<P>>(
      this.#options.name,
      async (job, token, bullSignal) => {
        const { key, group, lane, payload } = job.data;
        const id = job.id ?? key;
        // The receiver's `prepare` (the check run this job will find) has settled, or its claim lapsed.
        while ((await this.#redis.exists(this.#claimKey(id))) === 1) await delay(CLAIM_POLL_MS);
        const lease = this.#options.lockDurationMs;
        if (lane !== undefined && !(await this.#lanes.take(lane, id, lease))) {
          const wait = this.#options.laneRetryMs * (1 + Math.random());
          await job.moveToDelayed(Date.now() + wait, token);
          throw new DelayedError(`lane ${lane} is full`);
        }
        // Renewed like the job's lock: a worker that dies gives its slot back once the lease runs out.
        const renewal = lane === undefined ? undefined : setInterval(() => void this.#lanes.take(lane, id, lease).catch((error: unknown) => this.#reportError(error)), lease / 3).unref();
        if (renewal) this.#renewals.add(renewal);
        const signal = bullSignal ?? new AbortController().signal;
        this.#running.add(id);
        try {
          const latest = group === undefined ? null : await this.#redis.get(this.#groupKey(group));
          const superseded = latest !== null && latest !== key;
          // Runs that failed or whose worker died; a wait for the lane (moved to delayed) is not one.
          const attempt = 1 + job.attemptsMade + job.stalledCounter;
          await handler(payload, { key, signal, attempt, superseded });
        } finally {
          if (renewal) {
            clearInterval(renewal);
            this.#renewals.delete(renewal);
            await this.#lanes.release(lane!, id).catch((error: unknown) => this.#reportError(error));
          }
          this.#running.delete(id);
          if (this.#running.size === 0) for (const resolve of this.#idle.splice(0)) resolve();
        }
      },
      {
        connection: this.#connect(),
        concurrency: this.#options.concurrency,
        lockDuration: this.#options.lockDurationMs,
        stalledInterval: this.#options.stalledIntervalMs,
        maxStalledCount: 2,
        ...(this.#options.prefix !== undefined && { prefix: this.#options.prefix }),
      },
    );
    this.#worker.on('error', (error) => this.#reportError(error));
    this.#worker.on('failed', (job, error) => this.#options.onError?.(error, job?.data.key));
  }

  /** Resolves when this process's worker runs nothing (jobs waiting in Redis do not count). */
  onIdle(): Promise<void> {
    if (this.#running.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /**
   * Stops taking jobs and waits for the running ones. `force` (a shutdown past its grace; a crash,
   * in tests) waits for nothing and stops renewing their locks and lane slots, so another worker
   * runs them again once the locks lapse; they are not aborted (an aborted review would publish "superseded").
   */
  async close(options: { force?: boolean } = {}): Promise<void> {
    const force = options.force ?? false;
    if (force) {
      for (const renewal of this.#renewals) clearInterval(renewal);
      this.#renewals.clear();
    }
    const closing = (async () => {
      await this.#worker?.close(force);
      await this.#queue.close();
    })();
    // Forced (Redis may be unreachable, and BullMQ would wait for it): a moment, then the connections are dropped.
    if (force) await Promise.race([closing.catch(() => undefined), delay(FORCED_CLOSE_MS, undefined, { ref: false })]);
    else await closing;
    await Promise.all(this.#connections.map((connection) => (force ? connection.disconnect() : connection.quit().then(() => undefined, () => connection.disconnect()))));
  }

  /** Jobs by state, for health checks and tests. */
  async counts(): Promise<Record<string, number>> {
    return this.#queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
  }

  /** A lane's cap (null: none) and the ids of the jobs holding its slots (tests, and an operator's look). */
  lane(lane: string): Promise<{ cap: number | null; holders: string[] }> {
    return this.#lanes.state(lane);
  }

  /** The stored job for a key (tests, and an operator's look). */
  job(key: string): Promise<Job<Envelope<P>> | undefined> {
    return Job.fromId<Envelope<P>>(this.#queue, jobId(key));
  }

  #connect(): Redis {
    // BullMQ's workers block on Redis: they need no per-request retry limit.
    const connection = new Redis(this.#options.url, { maxRetriesPerRequest: null, lazyConnect: false });
    connection.on('error', (error) => this.#reportError(error));
    this.#connections.push(connection);
    return connection;
  }

  /** A connection-level error, once per message per {@link ERROR_REPEAT_MS}. */
  #reportError(error: unknown): void {
    const message = (error as Error)?.message ?? String(error);
    const now = this.#options.now();
    const last = this.#reported.get(message);
    if (last !== undefined && now - last < ERROR_REPEAT_MS) return;
    if (this.#reported.size > 100) this.#reported.clear();
    this.#reported.set(message, now);
    this.#options.onError?.(error, undefined);
  }

  /** Where this queue's own keys live, beside BullMQ's. */
  get #base(): string {
    return `${this.#options.prefix ?? 'bull'}:${this.#options.name}`;
  }

  #claimKey(id: string): string {
    return `${this.#base}:adding:${id}`;
  }

  #groupKey(group: string): string {
    return `${this.#base}:latest:${group}`;
  }
}

/** BullMQ refuses `:` in a custom job id (issue keys end in `:issue`): percent-encode it, reversibly. */
export function jobId(key: string): string {
  return key.replace(/%/g, '%25').replace(/:/g, '%3A');
}
