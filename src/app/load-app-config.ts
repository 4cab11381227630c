import type { ProbotOctokit } from 'probot';
import type { z } from 'zod';
import { oneLine } from '../errors.js';
import { APP_CONFIG_PATH, AppConfigSchema, DEFAULT_APP_CONFIG, type AppConfig } from './app-config-schema.js';

export interface LoadedAppConfig {
  /** Valid keys as configured; an invalid key falls back to its default. */
  config: AppConfig;
  /** `.github/candidate-review.yml: rubric.items.0.met: …`, or null when the config is valid (or absent). */
  problem: string | null;
  /**
   * False when `report` itself was invalid: where the report may go is unknown, so nothing
   * evaluative is published (a private hiring target must never fall back to the candidate's PR).
   */
  destinationKnown: boolean;
}

/** Bytes of merged configuration accepted (the CLI reads at most 64 KiB too). */
const MAX_CONFIG_BYTES = 64 * 1024;
/** Nesting merged at most; deeper values replace rather than merge. */
const MAX_MERGE_DEPTH = 20;
const SHOWN_ISSUES = 3;

/**
 * Reads `.github/candidate-review.yml` from the repository's default branch (never a pull
 * request's head, so a candidate cannot change their own rubric), falling back to the owner's
 * `.github` repository and following `_extends` within the same owner. Objects merge key by key,
 * arrays and scalars of the extending file replace the base's. A problem is named by its path;
 * the keys that are valid are kept, the others use their defaults.
 */
export async function loadAppConfig(octokit: ProbotOctokit, at: { owner: string; repo: string }): Promise<LoadedAppConfig> {
  let raw: unknown;
  try {
    const { config, files } = await octokit.config.get({
      owner: at.owner,
      repo: at.repo,
      path: APP_CONFIG_PATH,
      defaults: (configs: Record<string, unknown>[]) => mergeAll(configs),
    });
    const foreign = files.find((file) => file.config !== null && file.owner.toLowerCase() !== at.owner.toLowerCase());
    if (foreign) return invalid(`_extends may only name repositories of ${at.owner}, not ${foreign.owner}/${foreign.repo}`);
    if (!files.some((file) => file.config !== null)) return { config: DEFAULT_APP_CONFIG, problem: null, destinationKnown: true };
    raw = config;
  } catch (error) {
    if (isRequestError(error)) throw error;
    return invalid((error as Error).message.replace(/^\[@probot\/octokit-plugin-config\]\s*/, ''));
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return invalid('(top level): expected a mapping');
  if (Buffer.byteLength(JSON.stringify(raw)) > MAX_CONFIG_BYTES) return invalid('config larger than 64 KiB');
  return validate(raw as Record<string, unknown>);
}

function validate(raw: Record<string, unknown>): LoadedAppConfig {
  const whole = AppConfigSchema.safeParse(raw);
  if (whole.success) return { config: whole.data, problem: null, destinationKnown: true };
  const shape = AppConfigSchema.shape as Record<string, z.ZodType>;
  const kept: Record<string, unknown> = {};
  let destinationKnown = true;
  for (const [key, value] of Object.entries(raw)) {
    const schema = shape[key];
    if (!schema) continue;
    if (schema.safeParse(value).success) kept[key] = value;
    else if (key === 'report') destinationKnown = false;
  }
  const salvaged = AppConfigSchema.safeParse(kept);
  const issues = whole.error.issues.slice(0, SHOWN_ISSUES).map(describeIssue);
  const more = whole.error.issues.length > SHOWN_ISSUES ? ` (and ${whole.error.issues.length - SHOWN_ISSUES} more)` : '';
  return {
    config: salvaged.success ? salvaged.data : DEFAULT_APP_CONFIG,
    problem: oneLine(`${APP_CONFIG_PATH}: ${issues.join('; ')}${more}`, 600),
    destinationKnown: destinationKnown && salvaged.success,
  };
}

function invalid(why: string): LoadedAppConfig {
  return { config: DEFAULT_APP_CONFIG, problem: oneLine(`${APP_CONFIG_PATH}: ${why}`, 600), destinationKnown: true };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.') || '(top level)';
  return `${path}: ${issue.message}`;
}

/** Base first, the repository's own file last: later objects win key by key; arrays replace. */
function mergeAll(configs: readonly Record<string, unknown>[]): Record<string, unknown> {
  return configs.reduce<Record<string, unknown>>((merged, next) => merge(merged, next, 0) as Record<string, unknown>, {});
}

function merge(base: unknown, next: unknown, depth: number): unknown {
  if (!isPlainObject(base) || !isPlainObject(next) || depth >= MAX_MERGE_DEPTH) return next;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(next)) {
    if (key === '__proto__') continue;
    out[key] = Object.hasOwn(out, key) ? merge(out[key], value, depth + 1) : value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** GitHub API failures (401, 403, …) are not config problems: the caller stops on them. */
function isRequestError(error: unknown): boolean {
  return typeof (error as { status?: unknown })?.status === 'number';
}
