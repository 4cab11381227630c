import { z } from 'zod';
import { checks } from '../../checks/index.js';
import { DEFAULT_RUBRIC } from '../scoring/default-rubric.js';
import { RubricSchema } from '../scoring/rubric-schema.js';

export const ROLES = ['ml-engineer', 'mlops-engineer', 'data-engineer-ai', 'fullstack-llm'] as const;
export type Role = (typeof ROLES)[number];

const CHECK_IDS = checks.map((check) => check.id) as [string, ...string[]];
/** Areas in registry order: the scorecard's rows. */
export const AREAS = [...new Set(checks.map((check) => check.id.split('/')[0]!))] as [string, ...string[]];

/** `candidate-review.yml`: what a hiring team configures. Unknown keys are errors that name their path. */
export const ConfigSchema = z.strictObject({
  role: z.enum(ROLES).default('ml-engineer'),
  /** The take-home assignment: items and what counts as evidence for each. */
  rubric: RubricSchema.default(DEFAULT_RUBRIC),
  /** Re-weigh areas for the role, 0 (not weighed) to 3 (core); the rest keep the role's defaults. */
  weights: z.partialRecord(z.enum(AREAS), z.int().min(0).max(3)).default({}),
  /** Switch checks off (or back on) by id: `rag/chunking-without-overlap: off`. */
  checks: z.partialRecord(z.enum(CHECK_IDS), z.enum(['on', 'off'])).default({}),
  /** When the candidate had the assignment; commits dated outside it are stated as facts, never judged. */
  takeHomeWindow: z
    .strictObject({ start: z.iso.datetime({ offset: true }), end: z.iso.datetime({ offset: true }) })
    .refine((w) => Date.parse(w.start) < Date.parse(w.end), 'start must be before end')
    .optional(),
});

export type Config = z.infer<typeof ConfigSchema>;

export const DEFAULT_CONFIG: Config = ConfigSchema.parse({});
