import { z } from 'zod';
import { DEFAULT_RUBRIC } from '../scoring/default-rubric.js';
import { RubricSchema } from '../scoring/rubric-schema.js';

export const ROLES = ['ml-engineer', 'mlops-engineer', 'data-engineer-ai', 'fullstack-llm'] as const;

/** `candidate-review.yml`: what a hiring team configures. Unknown keys are errors that name their path. */
export const ConfigSchema = z.strictObject({
  role: z.enum(ROLES).default('ml-engineer'),
  /** The take-home assignment: items and what counts as evidence for each. */
  rubric: RubricSchema.default(DEFAULT_RUBRIC),
  /** When the candidate had the assignment; commits dated outside it are stated as facts, never judged. */
  takeHomeWindow: z
    .strictObject({ start: z.iso.datetime({ offset: true }), end: z.iso.datetime({ offset: true }) })
    .refine((w) => Date.parse(w.start) < Date.parse(w.end), 'start must be before end')
    .optional(),
});

export type Config = z.infer<typeof ConfigSchema>;

export const DEFAULT_CONFIG: Config = ConfigSchema.parse({});
