import type { Logger } from 'probot';
import { openFactsServices } from '../facts/open-facts-services.js';
import { review } from '../review.js';
import type { ReviewFunction } from './app-deps.js';
import type { AppEnv } from './env.js';

/**
 * The review as a server or worker process runs it: with the process's facts cache (Redis when
 * REDIS_URL is set, so every instance shares it; else a bounded directory) and parsing threads,
 * kept between reviews. `close` at shutdown.
 */
export function productionReview(env: AppEnv, log: () => Logger | undefined): { review: ReviewFunction; close(): Promise<void> } {
  const services = openFactsServices(env.facts, (line) => log()?.warn(line));
  return {
    review: (source, options) => review(source, { ...options, facts: services }),
    close: services.close,
  };
}
