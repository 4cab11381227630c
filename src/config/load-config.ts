import { parse } from 'yaml';
import type { z } from 'zod';
import { InputError } from '../errors.js';
import { ConfigSchema, type Config } from './config-schema.js';

const MAX_CONFIG_BYTES = 64 * 1024;

/**
 * YAML text of a `candidate-review.yml` → a validated config. Throws an InputError whose one line
 * names the first problem by its path (`rubric.items.0.met: …`).
 */
export function loadConfig(text: string, origin: string): Config {
  if (Buffer.byteLength(text) > MAX_CONFIG_BYTES) throw new InputError(`${origin}: config larger than 64 KiB`);
  let data: unknown;
  try {
    data = parse(text, { maxAliasCount: 50, uniqueKeys: true }) ?? {};
  } catch (error) {
    // The parser's message goes on to quote the lines around the mistake: keep only its first line,
    // so nothing else from the file (a token pasted near the mistake) reaches an error or a log.
    throw new InputError(`${origin}: invalid YAML: ${(error as Error).message.split('\n', 1)[0]!.replace(/:$/, '')}`);
  }
  const result = ConfigSchema.safeParse(data);
  if (!result.success) throw new InputError(`${origin}: ${describeIssue(result.error.issues[0]!)}`);
  return result.data;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `${[...issue.path, issue.keys[0]].map(String).join('.')}: unknown key`;
  const path = issue.path.map(String).join('.') || '(top level)';
  return `${path}: ${issue.message}`;
}
