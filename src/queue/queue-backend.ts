import type { IssueTarget } from '../app/issue-target.js';
import type { PullRequestTarget } from '../app/pull-request-target.js';

/** `queued`; `duplicate`: a job with this key already waits, runs or just finished; `full`: refused. */
export type EnqueueResult = 'queued' | 'duplicate' | 'full';

/** What a review job is about, as plain JSON: everything a worker on another machine needs to run it. */
export type ReviewPayload = { kind: 'pull-request'; target: PullRequestTarget } | { kind: 'issue'; target: IssueTarget };

/** One job as the app enqueues it. */
export interface BackendJob<P> {
  /** The logical key (`owner/repo#12@<sha>`): the job's id, so two receivers cannot queue it twice. */
  key: string;
  /** Jobs of one group supersede each other (`owner/repo#12`); how far depends on the backend. */
  group?: string;
  /** Jobs of one lane (an installation's owner) share that lane's cap, where the backend has one. */
  lane?: string;
  /** Serialisable: it may cross a process boundary (JSON round trip). */
  payload: P;
  /** Queue it even if the same key finished a moment ago (the check run's Re-run button). */
  rerun?: boolean;
  /**
   * Started once the backend has decided to add the job (not a duplicate, not refused); receivers
   * racing on one key start it once between them. `enqueue` does not wait for it, but the job does
   * not start before it settles. The app creates the pull request's check run here: it shows while
   * the job waits, and the worker that takes the job finds it instead of creating a second one.
   */
  prepare?: () => Promise<void>;
}

/** What a handler learns about the run it is in. */
export interface JobRun {
  key: string;
  /** Aborts when the run must stop: a newer job of the group (in-process) or the worker closing. */
  signal: AbortSignal;
  /** 1 on the first run; more when an earlier run failed or its worker died (stalled) and it is retried. */
  attempt: number;
  /** True when the job was superseded before it started: finish it as such, do no review. */
  superseded: boolean;
}

/** The worker side: runs one job. Publishing must be idempotent (find-or-create): a retried job may publish again. */
export type JobHandler<P> = (payload: P, run: JobRun) => Promise<void>;

/**
 * Where the app queues reviews and where workers take them from: in this process
 * ({@link InProcessBackend}, the default) or in Redis ({@link BullMQBackend}, when REDIS_URL is
 * set), so receivers and workers can run as separate processes on many machines.
 */
export interface QueueBackend<P> {
  readonly kind: 'in-process' | 'bullmq';
  /** Queues a job unless one with its key waits, runs or finished a moment ago. */
  enqueue(job: BackendJob<P>): Promise<EnqueueResult>;
  /** Caps the jobs of one lane running at once (an organisation's `concurrency` setting), for every worker that shares the queue; `undefined` lifts the cap. */
  setLaneLimit(lane: string, limit: number | undefined): Promise<void>;
  /** Makes this process a worker: `handler` runs the jobs (call once, before the first job may start). */
  work(handler: JobHandler<P>): void;
  /** Resolves when this process runs nothing and (in-process) nothing waits. */
  onIdle(): Promise<void>;
  /** Stops taking jobs and waits for the running ones. */
  close(): Promise<void>;
}
