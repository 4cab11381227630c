import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { InputError } from '../errors.js';
import type { FactsServicesEnv } from '../facts/open-facts-services.js';
import { githubHost, type GitHubHost } from './github-host.js';

/** The app's settings, read once at start from the environment and validated. Holds secrets: never log it. */
export interface AppEnv {
  appId: number;
  /** The app's private key, PEM. */
  privateKey: string;
  webhookSecret: string;
  webhookPath: string;
  /** Interface and port the webhook server listens on (port 0: any free port). */
  host: string;
  port: number;
  github: GitHubHost;
  /** Reviews running at once across all installations. */
  concurrency: number;
  logLevel: LogLevel;
  logFormat: 'json' | 'pretty';
  /** Redis for the shared review queue (BullMQ); unset: reviews queue in this process. Holds a password: never log it. */
  redisUrl?: string;
  /** The facts cache and the parsing threads (validated; see open-facts-services.ts). */
  facts: FactsServicesEnv;
}

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Reviews at once, at most: each holds a clone and its parsed files in memory. */
const MAX_CONCURRENCY = 16;

/** Probot's webhook secret when none is set: anyone can sign deliveries with it. */
const PROBOT_DEVELOPMENT_SECRET = 'development';

/** Unset and blank are the same: a variable set to nothing is a mistake, not a value. */
const variable = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema);

/** Each message names the variable and never quotes its value (it may be a secret). */
const EnvSchema = z.object({
  WEBHOOK_SECRET: variable(
    z
      .string({ error: 'WEBHOOK_SECRET is not set (without it Probot accepts deliveries signed with its public development secret)' })
      .refine((secret) => secret !== PROBOT_DEVELOPMENT_SECRET, {
        error: "WEBHOOK_SECRET is Probot's public development secret: set the secret configured on the GitHub App",
      }),
  ),
  APP_ID: variable(
    z
      .string({ error: "APP_ID is not set (the GitHub App's numeric id, on its settings page)" })
      .regex(/^[1-9]\d{0,11}$/, { error: "APP_ID must be the GitHub App's numeric id" })
      .transform(Number),
  ),
  WEBHOOK_PATH: variable(
    z
      .string()
      .regex(/^\/[A-Za-z0-9._~/-]{0,200}$/, { error: 'WEBHOOK_PATH must be a URL path such as /api/github/webhooks' })
      .default('/api/github/webhooks'),
  ),
  HOST: variable(
    z
      .string()
      .regex(/^[A-Za-z0-9.:-]{1,253}$/, { error: 'HOST must be an interface address or host name such as 0.0.0.0' })
      .default('localhost'),
  ),
  PORT: variable(
    z
      .string()
      .regex(/^\d{1,5}$/, { error: 'PORT must be a number from 0 to 65535' })
      .transform(Number)
      .refine((port) => port <= 65535, { error: 'PORT must be a number from 0 to 65535' })
      .default(3000),
  ),
  REVIEW_CONCURRENCY: variable(
    z
      .string()
      .regex(/^\d{1,2}$/, { error: `REVIEW_CONCURRENCY must be a number from 1 to ${MAX_CONCURRENCY}` })
      .transform(Number)
      .refine((n) => n >= 1 && n <= MAX_CONCURRENCY, { error: `REVIEW_CONCURRENCY must be a number from 1 to ${MAX_CONCURRENCY}` })
      .default(2),
  ),
  LOG_LEVEL: variable(z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }).default('info')),
  LOG_FORMAT: variable(z.enum(['json', 'pretty'], { error: 'LOG_FORMAT must be json or pretty' }).optional()),
  REDIS_URL: variable(
    z
      .string()
      .max(2048, { error: 'REDIS_URL is too long' })
      .regex(/^rediss?:\/\/[^\s]+$/, { error: 'REDIS_URL must be a redis:// or rediss:// URL' })
      .optional(),
  ),
  CANDIDATE_REVIEW_CACHE: variable(z.enum(['off', 'disk', 'redis', 'memory'], { error: 'CANDIDATE_REVIEW_CACHE must be off, disk, redis or memory' }).optional()),
  CANDIDATE_REVIEW_CACHE_DIR: variable(z.string().max(4096, { error: 'CANDIDATE_REVIEW_CACHE_DIR is too long' }).optional()),
  CANDIDATE_REVIEW_CACHE_MB: variable(z.string().regex(/^[1-9]\d{0,6}$/, { error: 'CANDIDATE_REVIEW_CACHE_MB must be a size in megabytes' }).optional()),
  CANDIDATE_REVIEW_THREADS: variable(
    z
      .string()
      .regex(/^\d{1,2}$/, { error: 'CANDIDATE_REVIEW_THREADS must be a number from 1 to 64' })
      .refine((n) => Number(n) >= 1 && Number(n) <= 64, { error: 'CANDIDATE_REVIEW_THREADS must be a number from 1 to 64' })
      .optional(),
  ),
});

/** Every variable the app reads (the README's table lists each one). */
export const ENV_VARIABLES: readonly string[] = [
  ...Object.keys(EnvSchema.shape),
  'PRIVATE_KEY',
  'PRIVATE_KEY_PATH',
  'GHE_HOST',
  'GHE_PROTOCOL',
  'NODE_ENV',
  'XDG_CACHE_HOME',
];

/**
 * The environment → {@link AppEnv}, or an InputError whose one line names every missing or
 * invalid variable (never a value). The app refuses to start without WEBHOOK_SECRET, APP_ID and
 * PRIVATE_KEY or PRIVATE_KEY_PATH; it never falls back to a development secret or to a `.pem`
 * file that happens to lie in the working folder, as Probot would.
 */
export function readEnv(env: Readonly<Record<string, string | undefined>>, cwd: string = process.cwd()): AppEnv {
  const problems: string[] = [];
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) problems.push(...new Set(parsed.error.issues.map((issue) => issue.message)));

  let privateKey: string | null = null;
  try {
    privateKey = readPrivateKey(env, cwd);
  } catch (error) {
    problems.push((error as Error).message);
  }
  let github: GitHubHost | null = null;
  try {
    github = githubHost(env);
  } catch (error) {
    problems.push((error as Error).message);
  }

  if (!parsed.success || privateKey === null || github === null || problems.length > 0) {
    throw new InputError(`cannot start the app: ${problems.join('; ')}`);
  }
  const vars = parsed.data;
  return {
    appId: vars.APP_ID,
    privateKey,
    webhookSecret: vars.WEBHOOK_SECRET,
    webhookPath: vars.WEBHOOK_PATH,
    host: vars.HOST,
    port: vars.PORT,
    github,
    concurrency: vars.REVIEW_CONCURRENCY,
    logLevel: vars.LOG_LEVEL,
    logFormat: vars.LOG_FORMAT ?? (env.NODE_ENV === 'production' ? 'json' : 'pretty'),
    ...(vars.REDIS_URL !== undefined && { redisUrl: vars.REDIS_URL }),
    facts: {
      REDIS_URL: vars.REDIS_URL,
      CANDIDATE_REVIEW_CACHE: vars.CANDIDATE_REVIEW_CACHE,
      CANDIDATE_REVIEW_CACHE_DIR: vars.CANDIDATE_REVIEW_CACHE_DIR,
      CANDIDATE_REVIEW_CACHE_MB: vars.CANDIDATE_REVIEW_CACHE_MB,
      CANDIDATE_REVIEW_THREADS: vars.CANDIDATE_REVIEW_THREADS,
      XDG_CACHE_HOME: env.XDG_CACHE_HOME,
    },
  };
}

/**
 * PRIVATE_KEY (the PEM text, with real or `\n` newlines, or base64 of it) or else the file at
 * PRIVATE_KEY_PATH; it must be an RSA private key, as GitHub issues them.
 */
function readPrivateKey(env: Readonly<Record<string, string | undefined>>, cwd: string): string {
  const inline = env.PRIVATE_KEY?.trim();
  const path = env.PRIVATE_KEY_PATH?.trim();
  let text: string;
  let name: string;
  if (inline) {
    [text, name] = [inline, 'PRIVATE_KEY'];
  } else if (path) {
    name = 'PRIVATE_KEY_PATH';
    try {
      text = readFileSync(resolve(cwd, path), 'utf8');
    } catch {
      throw new Error('PRIVATE_KEY_PATH names no readable file');
    }
  } else {
    throw new Error("PRIVATE_KEY or PRIVATE_KEY_PATH is not set (the GitHub App's private key, a .pem file)");
  }
  const pem = toPem(text);
  try {
    if (createPrivateKey(pem).asymmetricKeyType === 'rsa') return pem;
  } catch {
    // reported below, without the key or the parser's words about it
  }
  throw new Error(`${name} is not an RSA private key in PEM form (the .pem file GitHub generated for the app)`);
}

/** PEM text as Probot accepts it: base64 of the file, `\n` escapes, or a PEM flattened onto one line. */
function toPem(text: string): string {
  let pem = text.trim();
  if (!pem.includes('-----BEGIN') && /^[A-Za-z0-9+/=\s]+$/.test(pem)) pem = Buffer.from(pem, 'base64').toString('utf8').trim();
  pem = pem.replace(/\\n/g, '\n');
  const flat = /^(-----BEGIN [A-Z ]{1,40}-----)([A-Za-z0-9+/=\s]*)(-----END [A-Z ]{1,40}-----)$/.exec(pem);
  if (flat && !pem.includes('\n')) pem = `${flat[1]}\n${flat[2]!.trim().replace(/\s+/g, '\n')}\n${flat[3]}`;
  return `${pem}\n`;
}
