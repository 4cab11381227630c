/**
 * `api_key = "…"`, `"client_secret": "…"`, `DB_PASSWORD=…`: a credential-named key assigned a
 * literal. Found with a single greedy identifier regex and a hand-written look at what follows,
 * so the scan stays linear whatever the line holds.
 */
import { memoised } from '../../memoised.js';

export interface Assignment {
  kind: string;
  /** Offsets of the value in the line. */
  start: number;
  end: number;
  value: string;
}

/** Longest value looked at; a quote left open further than this is not a literal we judge. */
const MAX_VALUE = 512;
const MIN_VALUE = 12;

const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_.-]*/g;

/** Words that make a trailing `key` a credential: `api_key`, `secret_key`, `openai_key`, … */
const KEY_QUALIFIERS = new Set([
  'api', 'secret', 'access', 'private', 'auth', 'client', 'signing', 'encryption', 'master',
  'service', 'subscription', 'openai', 'anthropic', 'cohere', 'pinecone', 'groq', 'mistral',
  'together', 'replicate', 'wandb', 'langchain', 'langsmith', 'tavily', 'serpapi', 'serper',
  'gemini', 'google', 'hf', 'huggingface', 'stripe', 'aws', 'azure', 'qdrant', 'weaviate',
]);

const CREDENTIAL_WORDS = new Set(['token', 'secret', 'password', 'passwd', 'apikey', 'secretkey', 'accesskey']);

/** Signs that a value is a stand-in, a reference or a docs example rather than a credential. */
const PLACEHOLDER_MARKS = [
  'xxx', 'your', 'example', 'placeholder', 'changeme', 'change_me', 'change-me', 'replace',
  'dummy', 'fake', 'sample', 'redacted', 'insert', 'here', '...', '…', '***', '${', '{{', '%(',
  '(', 'environ', 'getenv', 'process.env', 'secrets.', '://', 'abcdefgh', '12345678',
];

/** Whether `value` looks like a stand-in (`your-key`, `xxxx`, `<token>`, `${VAR}`, `sk-...`). */
export function isPlaceholder(value: string): boolean {
  const lower = value.toLowerCase();
  if (lower === '' || new Set(lower).size <= 2) return true;
  if (lower.startsWith('<') || lower.startsWith('$') || (lower.includes('{') && lower.includes('}'))) return true;
  return PLACEHOLDER_MARKS.some((mark) => lower.includes(mark));
}

/** What every credential-named key holds somewhere: a line without it has no key to look at. */
const CREDENTIAL_HINT = /token|secret|passw|key/i;

/** The credential kind a key name stands for, or null (`max_tokens`, `tokenizer`, `secret_name`). */
export const credentialKind: (name: string) => string | null = memoised(kindOfName, 10_000);

function kindOfName(name: string): string | null {
  if (!CREDENTIAL_HINT.test(name)) return null;
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  const last = words[words.length - 1];
  const before = words[words.length - 2];
  if (last === undefined) return null;
  if (last === 'password' || last === 'passwd') return 'password';
  if (CREDENTIAL_WORDS.has(last) || (last === 'key' && before !== undefined && KEY_QUALIFIERS.has(before))) {
    return words.includes('aws') || (before === 'access' && words.includes('secret')) ? 'aws-secret-key' : 'generic-secret';
  }
  return null;
}

/**
 * Credential assignments in one line. `unquoted` allows bare values (`.env`, YAML, shell,
 * Dockerfiles); in code only string literals count, so `token = get_token()` never does.
 */
export function findAssignments(line: string, unquoted: boolean): Assignment[] {
  const found: Assignment[] = [];
  if (!CREDENTIAL_HINT.test(line)) return found; // most lines: no identifier of them can be a credential's
  IDENTIFIER.lastIndex = 0;
  for (let match = IDENTIFIER.exec(line); match; match = IDENTIFIER.exec(line)) {
    const kind = credentialKind(match[0]);
    if (!kind) continue;
    const value = valueAfter(line, match.index + match[0].length, unquoted);
    if (!value) continue;
    const text = line.slice(value.start, value.end);
    const valueKind = credentialValueKind(text, kind);
    if (valueKind) found.push({ kind: valueKind, start: value.start, end: value.end, value: text });
  }
  return found;
}

/** The kind of credential `value` is for a key of `kind`, or null when it does not look like one. */
function credentialValueKind(value: string, kind: string): string | null {
  if (value.length < MIN_VALUE || /\s/.test(value) || isPlaceholder(value)) return null;
  if (/^[A-Z][A-Z0-9_]*$/.test(value)) return null; // the name of an environment variable
  if (/^[!&*|>/~.@]/.test(value)) return null; // YAML tags, anchors, aliases; paths; decorators
  const parts = value.split('.');
  if (parts.length > 1 && parts.every((part) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(part))) return null; // settings.api_key
  let classes = 0;
  if (/[a-z]/.test(value)) classes++;
  if (/[A-Z]/.test(value)) classes++;
  if (/[0-9]/.test(value)) classes++;
  if (/[^A-Za-z0-9_.-]/.test(value)) classes++;
  if (classes < 2) return null;
  return kind === 'aws-secret-key' && !/^[A-Za-z0-9/+=]{40}$/.test(value) ? 'generic-secret' : kind;
}

/** Offsets of the literal assigned after a key ending at `from`, or null when there is none. */
function valueAfter(line: string, from: number, unquoted: boolean): { start: number; end: number } | null {
  let i = from;
  // the end of a quoted or subscripted key: "api_key": / ['token'] = / \"token\":
  for (let skipped = 0; skipped < 3 && `"'\`]\\`.includes(line[i] ?? 'none'); skipped++) i++;
  i = skipBlanks(line, i);
  const c = line[i];
  const next = line[i + 1];
  if (c === ':' && next === '=') i += 2;
  else if (c === '=' && next === '>') i += 2;
  else if (c === '=' && next !== '=') i += 1;
  else if (c === ':' && next !== ':') {
    i += 1;
    i = skipAnnotation(line, i); // API_KEY: str = "…"
  } else return null;
  i = skipBlanks(line, i);
  if (/[bfrBFRuU]/.test(line[i] ?? '') && isQuote(line[i + 1])) i++; // b"…", r'…'
  let quote = line[i];
  if (quote === '\\' && isQuote(line[i + 1])) quote = `\\${line[i + 1]!}`; // JSON-escaped code in notebooks
  if (quote !== undefined && (isQuote(quote) || quote.length === 2)) {
    const start = i + quote.length;
    const limit = Math.min(line.length, start + MAX_VALUE);
    for (let j = start; j < limit; j++) {
      if (line.startsWith(quote, j)) return j > start ? { start, end: j } : null;
      if (line[j] === '\\' && quote.length === 1) j++;
    }
    return null;
  }
  if (!unquoted) return null;
  let end = i;
  while (end < line.length && end - i < MAX_VALUE && !/[\s"'`#,;]/.test(line[end]!)) end++;
  return end > i ? { start: i, end } : null;
}

function skipBlanks(line: string, i: number): number {
  while (line[i] === ' ' || line[i] === '\t') i++;
  return i;
}

/** Skips `str =` / `Optional[str] =` after a colon, when that is what follows. */
function skipAnnotation(line: string, i: number): number {
  const start = skipBlanks(line, i);
  let j = start;
  while (j < line.length && j - start < 40 && /[A-Za-z0-9_[\]|., ]/.test(line[j]!)) j++;
  if (j > start && line[j] === '=' && line[j + 1] !== '=') return j + 1;
  return i;
}

function isQuote(c: string | undefined): boolean {
  return c === '"' || c === "'" || c === '`';
}
