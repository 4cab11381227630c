import type { LoggerOptions } from 'pino';

/** What replaces a secret in a log line. */
export const REDACTED = '[redacted]';

/**
 * Object paths pino blanks out (`redact.paths`): credentials in headers, request options, error
 * objects and the app's own settings, wherever a library may log them. Matching is by key, at the
 * depths a logged object or error usually has them.
 */
export const REDACT_PATHS: readonly string[] = [
  'authorization',
  'token',
  'secret',
  'privateKey',
  'webhookSecret',
  'password',
  '*.authorization',
  '*.Authorization',
  '*.token',
  '*.secret',
  '*.privateKey',
  '*.private_key',
  '*.webhookSecret',
  '*.password',
  '*.cookie',
  'headers.authorization',
  'headers["x-hub-signature-256"]',
  'headers["x-hub-signature"]',
  '*.headers.authorization',
  '*.headers["x-hub-signature-256"]',
  '*.headers["x-hub-signature"]',
  '*.*.headers.authorization',
  '*.request.headers.authorization',
  '*.response.headers.authorization',
  '*.*.request.headers.authorization',
];

/** The longest string the censor rewrites in full; a longer one is cut first (bounded work per line). */
const MAX_CENSORED_CHARS = 64 * 1024;
const MAX_DEPTH = 8;

/**
 * Secret-looking text, matched in linear time: GitHub tokens (`ghs_…`, `ghp_…`, `gho_…`, `ghu_…`,
 * `ghr_…`, `github_pat_…`), PEM private keys (up to their END line, or to the end of the text),
 * JWTs, and the value after `Basic`/`Bearer`/`token` in an authorization header.
 */
const SECRET_PATTERNS: readonly RegExp[] = [
  /\bgh[pousr]_[A-Za-z0-9]{16,}/g,
  /\bgithub_pat_[A-Za-z0-9_]{20,}/g,
  /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY-----(?:[^-]|-(?!----END))*(?:-----END [A-Z0-9 ]{0,40}PRIVATE KEY-----)?/g,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
  /\b(Basic|Bearer|bearer|token) [A-Za-z0-9+/=._~-]{16,}/g,
];

/** A run of base64 long enough to hold a token (32 characters encode 24 bytes). */
const BASE64_RUN = /[A-Za-z0-9+/_-]{32,}={0,2}/g;

/** Known secret values (the webhook secret, the private key) and the forms they could leak in. */
export interface KnownSecrets {
  webhookSecret?: string;
  privateKey?: string;
}

/**
 * A function that replaces every secret in a string by {@link REDACTED}: the known values (as
 * they are, base64-encoded, and each line of a PEM key body), anything that looks like a token,
 * a key, a JWT or an authorization value, and any long base64 run that decodes to one of those.
 */
export function secretCensor(known: KnownSecrets = {}): (text: string) => string {
  const values = new Set<string>();
  const add = (value: string | undefined) => {
    if (!value || value.length < 8) return;
    values.add(value);
    values.add(Buffer.from(value).toString('base64'));
    values.add(Buffer.from(value).toString('base64url'));
  };
  add(known.webhookSecret);
  add(known.privateKey?.trim());
  add(known.privateKey);
  for (const line of (known.privateKey ?? '').split(/\r?\n/)) if (!line.startsWith('-----') && line.trim().length >= 16) values.add(line.trim());
  const literal = [...values].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text.length > MAX_CENSORED_CHARS ? `${text.slice(0, MAX_CENSORED_CHARS)}…` : text;
    for (const value of literal) if (out.includes(value)) out = out.split(value).join(REDACTED);
    const scrub = (text: string) => {
      for (const pattern of SECRET_PATTERNS) {
        text = text.replace(pattern, (match, scheme?: string) => (typeof scheme === 'string' && match.startsWith(scheme) ? `${scheme} ${REDACTED}` : REDACTED));
      }
      return text;
    };
    out = scrub(out);
    // A secret in base64 (a Basic credential without its scheme, an encoded config): decode each long base64 run and look inside.
    return out.replace(BASE64_RUN, (run) => {
      const decoded = Buffer.from(run, 'base64').toString('latin1');
      return scrub(decoded) !== decoded || literal.some((value) => decoded.includes(value)) ? REDACTED : run;
    });
  };
}

/**
 * A copy of `value` with the censor applied to every string in it (object keys included), errors
 * turned into plain objects (message, stack, own properties) first. Bounded in depth; cycles and
 * functions are dropped. A failed webhook handler's error, which @octokit/webhooks gives the whole
 * delivery (`event`) and Probot logs, keeps only the delivery's id and event name: the candidate's
 * pull request or issue does not belong in every failure's log line.
 */
export function censorDeep(value: unknown, censor: (text: string) => string, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return censor(value);
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? undefined : value;
  if (seen.has(value) || depth >= MAX_DEPTH) return '[…]';
  seen.add(value);
  if (Array.isArray(value)) return value.slice(0, 1_000).map((item) => censorDeep(item, censor, depth + 1, seen));
  const source: Record<string, unknown> =
    value instanceof Error ? { type: value.name, message: value.message, stack: value.stack, ...Object.fromEntries(Object.entries(value)), ...deliveryOf(value) } : (value as Record<string, unknown>);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(source)) out[censor(key)] = censorDeep(item, censor, depth + 1, seen);
  return out;
}

/** An error's delivery (`event`, from @octokit/webhooks) as its id and event name alone. */
function deliveryOf(error: Error): { event?: { id: unknown; name: unknown } } {
  const event = (error as { event?: unknown }).event;
  if (event === null || typeof event !== 'object') return {};
  const { id, name } = event as { id?: unknown; name?: unknown };
  return { event: { id, name } };
}

/**
 * The pino options that keep secrets out of the app's logs: {@link REDACT_PATHS} for objects, and
 * a `logMethod` hook that censors every argument (messages, interpolated values, errors) with
 * {@link secretCensor} before pino formats the line.
 */
export function logRedaction(known: KnownSecrets = {}): Pick<LoggerOptions, 'redact' | 'hooks'> {
  const censor = secretCensor(known);
  return {
    redact: { paths: [...REDACT_PATHS], censor: REDACTED },
    hooks: {
      logMethod(args, method) {
        const censored = (args as unknown[]).map((arg) => censorDeep(arg, censor));
        return method.apply(this, censored as Parameters<typeof method>);
      },
    },
  };
}
