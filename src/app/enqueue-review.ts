import { oneLine } from '../errors.js';
import type { BackendJob, QueueBackend, ReviewPayload } from '../queue/queue-backend.js';
import type { GitHubSession } from './app-deps.js';

/**
 * Hands a review to the shared queue without holding up the webhook's answer; the outcome is one
 * log line (a key already queued by another receiver is `duplicate`, not an error).
 */
export function enqueueReview(session: GitHubSession, backend: QueueBackend<ReviewPayload>, job: BackendJob<ReviewPayload>): void {
  backend.enqueue(job).then(
    (result) => {
      if (result === 'queued') session.log.info(`${job.key}: queued`);
      else if (result === 'duplicate') session.log.info(`${job.key}: already queued or just reviewed; this delivery adds nothing`);
      else session.log.warn(`${job.key}: the review queue is full; not queued`);
    },
    (error: unknown) => session.log.error(`${job.key}: could not queue the review: ${oneLine((error as Error)?.message ?? String(error))}`),
  );
}
