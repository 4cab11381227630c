import type { ReviewOptions } from '../review.js';
import { DEFAULT_LIMITS, type Limits } from '../types.js';
import type { AppConfig } from './app-config-schema.js';

/**
 * The pipeline's options for one review in the app: the configuration (which is the CLI's config
 * with app keys besides), the CLI's limits tightened by the configuration, and the per-review parts.
 */
export function reviewOptions(config: AppConfig, extra: Pick<ReviewOptions, 'base' | 'head' | 'claimDocuments' | 'cloneAuth' | 'progress' | 'signal'>): ReviewOptions {
  const limits: Limits = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(config.limits) as [keyof Limits, number | undefined][]) {
    if (value !== undefined) limits[key] = Math.min(value, DEFAULT_LIMITS[key]);
  }
  return { config, limits, ...extra };
}
