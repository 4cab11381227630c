import { ReviewQueue } from '../app/review-queue.js';
import type { BackendJob, EnqueueResult, JobHandler, QueueBackend } from './queue-backend.js';

/** A "reviewed a moment ago" key is not queued again within this long (as the app's own check). */
const RECENT_MS = 60_000;

/**
 * {@link QueueBackend} over the app's in-process {@link ReviewQueue}: one job per key, the newest
 * key of a group wins (the waiting older job runs its handler with `superseded`, the running one
 * is aborted), lanes capped. The payload is passed as is (no serialisation); jobs are lost when
 * the process stops.
 */
export class InProcessBackend<P> implements QueueBackend<P> {
  readonly kind = 'in-process' as const;
  readonly queue: ReviewQueue;
  #handler: JobHandler<P> | undefined;

  constructor(queue: ReviewQueue) {
    this.queue = queue;
  }

  async enqueue(job: BackendJob<P>): Promise<EnqueueResult> {
    if (!this.#handler) throw new Error('in-process queue: no worker; call work() before enqueue()');
    if (this.queue.has(job.key) || (!job.rerun && this.queue.finishedWithin(job.key, RECENT_MS))) return 'duplicate';
    const handler = this.#handler;
    let prepared: Promise<unknown> = Promise.resolve();
    const result = this.queue.enqueue({
      key: job.key,
      ...(job.group !== undefined && { group: job.group }),
      ...(job.lane !== undefined && { lane: job.lane }),
      run: async (signal) => {
        await prepared;
        return handler(job.payload, { key: job.key, signal, attempt: 1, superseded: false });
      },
      discarded: async () => {
        await prepared;
        return handler(job.payload, { key: job.key, signal: AbortSignal.abort(), attempt: 1, superseded: true });
      },
    });
    // Jobs never start inside `enqueue`: the job sees `prepared` set.
    if (result === 'queued' && job.prepare) prepared = job.prepare().catch(() => undefined);
    return result;
  }

  async setLaneLimit(lane: string, limit: number | undefined): Promise<void> {
    this.queue.setLaneLimit(lane, limit);
  }

  work(handler: JobHandler<P>): void {
    if (this.#handler) throw new Error('in-process queue: work() called twice');
    this.#handler = handler;
  }

  onIdle(): Promise<void> {
    return this.queue.onIdle();
  }

  close(): Promise<void> {
    return this.queue.onIdle();
  }
}
