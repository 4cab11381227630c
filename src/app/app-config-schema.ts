import { z } from 'zod';
import { ConfigSchema } from '../config/config-schema.js';
import { DEFAULT_LIMITS } from '../types.js';

/** Where the app reads its configuration, on the repository's default branch (and `_extends`). */
export const APP_CONFIG_PATH = '.github/candidate-review.yml';
export const DEFAULT_LABEL = 'candidate-review';

export const REPORT_TARGETS = ['check-run', 'pr-comment', 'issue'] as const;
export type ReportTarget = (typeof REPORT_TARGETS)[number];

const REPOSITORY = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._][A-Za-z0-9._-]{0,99}$/;

/** Where a pull request's report goes: the check run (default), a PR comment, or an issue in a private hiring repository. */
export const ReportSchema = z
  .strictObject({
    target: z.enum(REPORT_TARGETS).default('check-run'),
    /** `owner/name` of the private hiring repository; required for `issue`, in the same organisation. */
    repository: z.string().regex(REPOSITORY, 'expected owner/name').optional(),
  })
  .refine((report) => report.target !== 'issue' || report.repository !== undefined, {
    path: ['repository'],
    message: 'required when target is issue (owner/name of the private hiring repository)',
  });

/** A limit may be tightened, never loosened past the CLI's default: a config cannot disable a safety limit. */
const tighter = (max: number, min = 1) => z.int().min(min).max(max);

export const AppLimitsSchema = z.strictObject({
  maxFiles: tighter(DEFAULT_LIMITS.maxFiles).optional(),
  maxFileBytes: tighter(DEFAULT_LIMITS.maxFileBytes, 1024).optional(),
  maxNotebookBytes: tighter(DEFAULT_LIMITS.maxNotebookBytes, 1024).optional(),
  maxTotalBytes: tighter(DEFAULT_LIMITS.maxTotalBytes, 1024).optional(),
  maxCommits: tighter(DEFAULT_LIMITS.maxCommits).optional(),
  cloneTimeoutMs: tighter(DEFAULT_LIMITS.cloneTimeoutMs, 5_000).optional(),
});

/** Reviews of one organisation running at once, at most: bounded by the server's own queue. */
export const MAX_CONFIG_CONCURRENCY = 8;

/**
 * `.github/candidate-review.yml` as the app reads it: the CLI's {@link ConfigSchema} (role, rubric,
 * take-home window, …) plus where the report goes, the issue trigger label, how many reviews of
 * this organisation may run at once, and tightened limits.
 */
export const AppConfigSchema = ConfigSchema.extend({
  report: ReportSchema.default({ target: 'check-run' }),
  /** The issue label that asks for a review of the repositories linked in the issue body. */
  label: z.string().trim().min(1).max(50).default(DEFAULT_LABEL),
  concurrency: z.int().min(1).max(MAX_CONFIG_CONCURRENCY).optional(),
  limits: AppLimitsSchema.default({}),
});

export type AppConfig = z.infer<typeof AppConfigSchema>;

export const DEFAULT_APP_CONFIG: AppConfig = AppConfigSchema.parse({});
