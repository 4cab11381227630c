import type { Check } from './types.js';

/** Declares a check; the identity function gives each check's message ids their own type. */
export function defineCheck<M extends string>(check: Check<M>): Check<M> {
  return check;
}
