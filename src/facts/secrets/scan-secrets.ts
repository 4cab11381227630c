import type { SourceFile } from '../../types.js';
import { isDockerfilePath } from '../dockerfile/extract-dockerfile.js';
import { snippetOf } from '../evidence.js';
import type { SecretHit } from '../types.js';
import { findAssignments, isPlaceholder } from './generic-assignments.js';
import { redact } from './redact.js';
import { AWS_SECRET_BESIDE_ID, PRIVATE_KEY_HEADER, TOKEN_PATTERNS } from './token-patterns.js';

export { redact } from './redact.js';

/** Characters of a line that are scanned; minified bundles and data lines go on for megabytes. */
export const MAX_SCANNED_LINE = 10_000;

/** Lines after a `BEGIN … PRIVATE KEY` header searched for key material (PGP armour has headers). */
const KEY_MATERIAL_LOOKAHEAD = 3;

interface Found {
  kind: string;
  /** Offsets of the secret in the line; empty for a key whose material is on later lines. */
  start: number;
  end: number;
}

/**
 * Committed credentials in a text file: provider tokens (OpenAI, Anthropic, Hugging Face, AWS,
 * GitHub, Slack, Google, Stripe live), private key blocks, and credential-named keys assigned a
 * literal that is long and not a placeholder. One hit per occurrence; every snippet has each
 * secret on its line replaced by `redact(secret)`, so no raw secret leaves this function.
 */
export function scanSecrets(file: SourceFile): SecretHit[] {
  const lines = file.text.split('\n');
  const bareValues = allowsBareValues(file.path);
  const hits: SecretHit[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const scanned = line.length > MAX_SCANNED_LINE ? line.slice(0, MAX_SCANNED_LINE) : line;
    const found = findInLine(scanned, lines, i, bareValues);
    if (found.length === 0) continue;
    const snippet = snippetOf(redactLine(line, found));
    for (const { kind } of found) hits.push({ kind, evidence: { path: file.path, line: i + 1, snippet } });
  }
  return hits;
}

function findInLine(line: string, lines: string[], row: number, bareValues: boolean): Found[] {
  const found: Found[] = [];
  for (const pattern of TOKEN_PATTERNS) {
    if (!pattern.hints.some((hint) => line.includes(hint))) continue;
    pattern.regex.lastIndex = 0;
    for (let match = pattern.regex.exec(line); match; match = pattern.regex.exec(line)) {
      const token = match[0];
      if (!pattern.accept(token) || isPlaceholder(token)) continue;
      add(found, { kind: pattern.kind, start: match.index, end: match.index + token.length });
    }
  }
  if (found.some((secret) => secret.kind === 'aws-access-key')) findAwsSecretBesideId(line, found);
  if (line.includes('-----BEGIN ')) findPrivateKeys(line, lines, row, found);
  for (const assignment of findAssignments(line, bareValues)) add(found, assignment);
  return found.sort((a, b) => a.start - b.start);
}

function findAwsSecretBesideId(line: string, found: Found[]): void {
  AWS_SECRET_BESIDE_ID.lastIndex = 0;
  for (let match = AWS_SECRET_BESIDE_ID.exec(line); match; match = AWS_SECRET_BESIDE_ID.exec(line)) {
    const secret = match[0];
    if (!/[a-z]/.test(secret) || !/[A-Z]/.test(secret) || !/[0-9]/.test(secret) || isPlaceholder(secret)) continue;
    add(found, { kind: 'aws-secret-key', start: match.index, end: match.index + secret.length });
  }
}

function findPrivateKeys(line: string, lines: string[], row: number, found: Found[]): void {
  PRIVATE_KEY_HEADER.lastIndex = 0;
  for (let match = PRIVATE_KEY_HEADER.exec(line); match; match = PRIVATE_KEY_HEADER.exec(line)) {
    const start = match.index + match[0].length;
    const endMarker = line.indexOf('-----END', start);
    const end = endMarker < 0 ? line.length : endMarker;
    if (isKeyMaterial(line.slice(start, end))) {
      add(found, { kind: 'private-key', start, end }); // a PEM inlined in a string: redact its body
      continue;
    }
    const following = lines.slice(row + 1, row + 1 + KEY_MATERIAL_LOOKAHEAD);
    if (following.some((next) => isKeyMaterial(next.slice(0, MAX_SCANNED_LINE)))) {
      add(found, { kind: 'private-key', start, end: start });
    }
  }
}

/** Base64 key material, not a docs example (`MIIE...`, `<your key>`). */
function isKeyMaterial(text: string): boolean {
  return /[A-Za-z0-9+/]{20}/.test(text) && !/\.\.\.|…|xxxx|<|your/i.test(text);
}

/** Adds a secret unless it overlaps one already found (a provider token wins over its assignment). */
function add(found: Found[], secret: Found): void {
  const overlaps = found.some((other) =>
    secret.start === secret.end
      ? other.start === secret.start && other.kind === secret.kind
      : secret.start < other.end && other.start < secret.end,
  );
  if (!overlaps) found.push({ kind: secret.kind, start: secret.start, end: secret.end });
}

/** The line with each found secret, and any other copy of it on the line, redacted. */
function redactLine(line: string, found: Found[]): string {
  const secrets: string[] = [];
  let out = '';
  let at = 0;
  for (const { start, end } of found) {
    if (start === end) continue;
    const secret = line.slice(start, end);
    secrets.push(secret);
    out += line.slice(at, start) + redact(secret);
    at = end;
  }
  out += line.slice(at);
  for (const secret of secrets.sort((a, b) => b.length - a.length)) {
    if (out.includes(secret)) out = out.split(secret).join(redact(secret));
  }
  return out;
}

/**
 * Files where a bare `KEY=value` is a literal (dotenv, YAML, TOML, INI, shell, Dockerfiles).
 * In code a bare value is an expression (`token = get_token()`), so only quoted ones count.
 */
function allowsBareValues(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (name === '.env' || name.startsWith('.env.') || name.endsWith('.env') || isDockerfilePath(path)) return true;
  return /\.(ya?ml|toml|ini|cfg|conf|properties|sh|bash|zsh)$/.test(name);
}
