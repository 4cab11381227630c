/** One unit of work: a review of one pull request head, or of the links in one issue. */
export interface QueueJob {
  /** The logical key (`owner/repo#12@<sha>`, `owner/repo#7`): one job per key at a time. */
  key: string;
  /** Jobs of one group supersede each other (`owner/repo#12`): the newest key wins. */
  group?: string;
  /** Jobs of one lane (an installation's owner) share that lane's concurrency cap. */
  lane?: string;
  /** The work; `signal` aborts when a newer job of the same group arrives while this one runs. */
  run(signal: AbortSignal): Promise<void>;
  /** Called instead of `run` when a newer job of the same group replaced this one before it started. */
  discarded?(): Promise<void>;
}

export type EnqueueResult = 'queued' | 'duplicate' | 'full';

export interface ReviewQueueOptions {
  /** Jobs running at once, across all lanes. */
  concurrency: number;
  /** Jobs waiting at most; more are refused (`full`). Default 100. */
  maxPending?: number;
  /** Milliseconds since the epoch, for {@link ReviewQueue.finishedWithin}. Default `Date.now`. */
  now?: () => number;
  /** An error a job threw (jobs report their own failures; this is the last resort). */
  onError?: (error: unknown, key: string) => void;
}

interface Running {
  job: QueueJob;
  controller: AbortController;
}

/** Finish times remembered, for the "reviewed a moment ago" check. */
const MAX_REMEMBERED = 1_000;

/**
 * A bounded in-process queue: at most `concurrency` jobs run, one per logical key; a newer key of
 * the same group discards the waiting older job and aborts the running one, and starts once that
 * one has ended (one job per group runs at a time); a lane (an owner) may
 * be capped lower than the whole queue. Jobs never start inside `enqueue` (always on a later
 * microtask), so a caller can finish wiring a job after enqueueing it.
 */
export class ReviewQueue {
  readonly #concurrency: number;
  readonly #maxPending: number;
  readonly #now: () => number;
  readonly #onError: (error: unknown, key: string) => void;
  readonly #pending: QueueJob[] = [];
  readonly #running = new Map<string, Running>();
  readonly #laneLimits = new Map<string, number>();
  readonly #finished = new Map<string, number>();
  readonly #settling = new Set<Promise<void>>();
  #idle: { promise: Promise<void>; resolve: () => void } | null = null;
  #scheduled = false;

  constructor(options: ReviewQueueOptions) {
    this.#concurrency = Math.max(1, Math.floor(options.concurrency));
    this.#maxPending = options.maxPending ?? 100;
    this.#now = options.now ?? Date.now;
    this.#onError = options.onError ?? (() => undefined);
  }

  /** True while a job with this key waits or runs. */
  has(key: string): boolean {
    return this.#running.has(key) || this.#pending.some((job) => job.key === key);
  }

  /** True when a job with this key finished less than `ms` ago (a double `/review` within a minute). */
  finishedWithin(key: string, ms: number): boolean {
    const at = this.#finished.get(key);
    return at !== undefined && this.#now() - at < ms;
  }

  /** Caps the jobs of one lane running at once (at most the queue's own concurrency); `undefined` lifts the cap. */
  setLaneLimit(lane: string, limit: number | undefined): void {
    if (limit === undefined) this.#laneLimits.delete(lane);
    else this.#laneLimits.set(lane, Math.max(1, Math.floor(limit)));
    this.#schedule();
  }

  enqueue(job: QueueJob): EnqueueResult {
    if (this.has(job.key)) return 'duplicate';
    if (job.group !== undefined) {
      for (let i = this.#pending.length - 1; i >= 0; i--) {
        const older = this.#pending[i]!;
        if (older.group !== job.group) continue;
        this.#pending.splice(i, 1);
        this.#settle(older.key, older.discarded?.());
      }
      for (const running of this.#running.values()) {
        if (running.job.group === job.group) running.controller.abort();
      }
    }
    if (this.#pending.length >= this.#maxPending) return 'full';
    this.#pending.push(job);
    this.#schedule();
    return 'queued';
  }

  /** Jobs waiting, and jobs running. */
  get size(): { pending: number; running: number } {
    return { pending: this.#pending.length, running: this.#running.size };
  }

  /** Resolves when nothing waits or runs (tests, and a graceful shutdown). */
  onIdle(): Promise<void> {
    if (this.#isIdle() && !this.#scheduled) return Promise.resolve();
    if (!this.#idle) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.#idle = { promise, resolve };
    }
    return this.#idle.promise;
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      this.#startReady();
      this.#checkIdle();
    });
  }

  #startReady(): void {
    for (let i = 0; i < this.#pending.length && this.#running.size < this.#concurrency; ) {
      const job = this.#pending[i]!;
      if (!this.#laneHasRoom(job.lane) || this.#groupRunning(job.group)) {
        i++;
        continue;
      }
      this.#pending.splice(i, 1);
      const controller = new AbortController();
      this.#running.set(job.key, { job, controller });
      let work: Promise<void>;
      try {
        work = job.run(controller.signal);
      } catch (error) {
        work = Promise.reject(error);
      }
      void work
        .catch((error: unknown) => this.#onError(error, job.key))
        .finally(() => {
          this.#running.delete(job.key);
          this.#remember(job.key);
          this.#schedule();
        });
    }
  }

  /** A job of this group still runs (aborted, finishing): the newer one waits, so their writes never interleave. */
  #groupRunning(group: string | undefined): boolean {
    if (group === undefined) return false;
    for (const { job } of this.#running.values()) if (job.group === group) return true;
    return false;
  }

  #laneHasRoom(lane: string | undefined): boolean {
    if (lane === undefined) return true;
    const limit = this.#laneLimits.get(lane);
    if (limit === undefined) return true;
    let running = 0;
    for (const { job } of this.#running.values()) if (job.lane === lane) running++;
    return running < limit;
  }

  /** Tracks a discarded job's clean-up, so `onIdle` waits for it too. */
  #settle(key: string, work: Promise<void> | undefined): void {
    if (!work) return;
    const settled: Promise<void> = work
      .catch((error: unknown) => this.#onError(error, key))
      .finally(() => {
        this.#settling.delete(settled);
        this.#schedule();
      });
    this.#settling.add(settled);
  }

  #remember(key: string): void {
    this.#finished.delete(key);
    this.#finished.set(key, this.#now());
    if (this.#finished.size > MAX_REMEMBERED) this.#finished.delete(this.#finished.keys().next().value!);
  }

  #isIdle(): boolean {
    return this.#pending.length === 0 && this.#running.size === 0 && this.#settling.size === 0;
  }

  #checkIdle(): void {
    if (this.#idle && this.#isIdle()) {
      this.#idle.resolve();
      this.#idle = null;
    }
  }
}
