import { z } from 'zod';
import { DEFAULT_RUBRIC } from '../scoring/default-rubric.js';
import { RubricSchema } from '../scoring/rubric-schema.js';

export const ROLES = ['ml-engineer', 'mlops-engineer', 'data-engineer-ai', 'fullstack-llm'] as const;

/** `candidate-review.yml`: what a hiring team configures. Unknown keys are errors that name their path. */
export const ConfigSchema = z.strictObject({
  role: z.enum(ROLES).default('ml-engineer'),
  /** The take-home assignment: items and what counts as evidence for each. */
  rubric: RubricSchema.default(DEFAULT_RUBRIC),
});

export type Config = z.infer<typeof ConfigSchema>;

export const DEFAULT_CONFIG: Config = ConfigSchema.parse({});
