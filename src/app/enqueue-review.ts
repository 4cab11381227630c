import { oneLine } from '../errors.js';
import { withTimeLimit } from '../time-limit.js';
import type { BackendJob, EnqueueResult, QueueBackend, ReviewPayload } from '../queue/queue-backend.js';
import type { GitHubSession } from './app-deps.js';

/** How long a receiver waits for the shared queue before failing the delivery: well inside GitHub's 10 s. */
export const ENQUEUE_TIMEOUT_MS = 5_000;

/**
 * The shared queue did not take a review (Redis unreachable or too slow). The webhook handler
 * rethrows it, so the delivery is answered 503: GitHub lists it as failed, and it can be
 * redelivered once the queue is back, instead of a 200 for a review nobody will run.
 */
export class QueueUnavailable extends Error {
  readonly status = 503;

  constructor(message: string) {
    super(message);
    this.name = 'QueueUnavailable';
  }
}

/**
 * Hands a review to the shared queue and waits (at most `timeoutMs`) until it is stored, so the
 * webhook's answer says whether it was: one log line for the outcome (a key already queued by
 * another receiver is `duplicate`, not an error), and {@link QueueUnavailable} when it was not.
 */
export async function enqueueReview(
  session: GitHubSession,
  backend: QueueBackend<ReviewPayload>,
  job: BackendJob<ReviewPayload>,
  timeoutMs = ENQUEUE_TIMEOUT_MS,
): Promise<EnqueueResult> {
  let result: EnqueueResult;
  try {
    result = await withTimeLimit(backend.enqueue(job), timeoutMs, `no answer from the queue in ${timeoutMs} ms`);
  } catch (error) {
    const reason = oneLine((error as Error)?.message ?? String(error));
    const failure = new QueueUnavailable(`${job.key}: could not queue the review (${reason}); the delivery fails with 503 so that it can be redelivered`);
    session.log.error(failure.message);
    throw failure;
  }
  if (result === 'queued') session.log.info(`${job.key}: queued`);
  else if (result === 'duplicate') session.log.info(`${job.key}: already queued or just reviewed; this delivery adds nothing`);
  else session.log.warn(`${job.key}: the review queue is full; not queued`);
  return result;
}
