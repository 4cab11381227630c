import { lstatSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { InputError } from '../errors.js';

/**
 * What the user asked to review: a folder on this machine, or a repository on an allowed host.
 * A remote source holds only validated parts; `url` is rebuilt from them, so no text the user
 * typed ever reaches git as is.
 */
export type Source =
  | {
      kind: 'local';
      /** Absolute and resolved against the working directory. */
      path: string;
      /** As the user typed it (control characters removed), for the report. */
      display: string;
    }
  | {
      kind: 'remote';
      /** Lower-case, one of the allowed hosts. */
      host: string;
      owner: string;
      repo: string;
      /** Rebuilt: `https://<host>/<owner>/<repo>.git`. */
      url: string;
      /** `https://<host>/<owner>/<repo>`. */
      display: string;
    };

export interface ParseSourceOptions {
  /** Local paths are resolved against this folder. */
  cwd: string;
  /** Hosts a URL may name, compared exactly (lower-case ASCII). Default `['github.com']`. */
  allowedHosts?: readonly string[];
  /** `false` refuses local folders (sources that come from an issue body or a payload). Default `true`. */
  allowLocal?: boolean;
}

export const DEFAULT_ALLOWED_HOSTS: readonly string[] = ['github.com'];

const OWNER = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/;
const REPO = /^[A-Za-z0-9._][A-Za-z0-9._-]{0,99}$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
/** C0/C1 controls, DEL, and the bidirectional and zero-width formatting characters. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const MAX_ECHO = 60;

/**
 * Turns what the user typed into a {@link Source}, or throws an {@link InputError} naming the
 * problem. Anything that looks like a URL or an option must be an `https://` URL on an allowed
 * host of the form `https://<host>/<owner>/<repo>[.git][/]`; anything else is a local folder,
 * which must exist and be a real directory (a symbolic link is refused).
 */
export function parseSource(input: string, options: ParseSourceOptions): Source {
  const allowedHosts = (options.allowedHosts ?? DEFAULT_ALLOWED_HOSTS).map((h) => h.toLowerCase());
  const echo = echoOf(input);
  const unsupported = (why: string): InputError =>
    new InputError(`unsupported source "${echo}": ${why}`);

  if (input.trim() === '') throw new InputError('no source given: name a folder or an https:// URL');

  if (looksLikeUrl(input)) {
    if (!/^https:\/\//i.test(input)) {
      const where = allowedHosts.join(', ') || 'an allowed host';
      const local = options.allowLocal === false ? '' : ' or a local folder';
      throw unsupported(`only https:// URLs on ${where}${local}`);
    }
    return parseHttpsUrl(input, allowedHosts, unsupported);
  }

  if (options.allowLocal === false) throw unsupported('only https:// URLs are accepted here');
  return parseLocal(input, options.cwd, echo, allowedHosts);
}

/** True for text git could read as a URL, a remote or an option rather than as a folder. */
function looksLikeUrl(input: string): boolean {
  return (
    input.includes('://') ||
    input.includes('::') ||
    input.startsWith('-') ||
    /^git@/i.test(input) ||
    /^[A-Za-z][A-Za-z0-9+.-]*:/.test(input) || // scheme (`file:`, `https:`) or scp-like `host:path`
    /^[^/@]*@[^/]*:/.test(input) // `user@host:path`
  );
}

function parseHttpsUrl(
  input: string,
  allowedHosts: readonly string[],
  unsupported: (why: string) => InputError,
): Source {
  // Checked on the raw text: the WHATWG parser silently drops tabs and newlines, maps `\` to `/`,
  // folds full-width letters and resolves `..`, all of which would hide what the user wrote.
  if (/[^\x21-\x7e]/.test(input)) throw unsupported('URLs must be plain ASCII without spaces or control characters');
  if (input.includes('\\')) throw unsupported('backslashes are not allowed in URLs');

  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw unsupported('not a valid URL');
  }
  if (url.username !== '' || url.password !== '' || input.includes('@')) {
    throw unsupported('credentials (user@ or user:password@) are not allowed in URLs');
  }
  if (input.includes('?')) throw unsupported('query strings are not allowed in URLs');
  if (input.includes('#')) throw unsupported('fragments are not allowed in URLs');
  if (url.port !== '') throw unsupported('ports are not allowed in URLs');

  const host = url.hostname;
  if (host.startsWith('[') || IPV4.test(host)) throw unsupported('IP addresses are not allowed as hosts');
  const pathStart = input.indexOf('/', 'https://'.length);
  const rawHost = input
    .slice('https://'.length, pathStart < 0 ? undefined : pathStart)
    .toLowerCase()
    .replace(/:443$/, ''); // the default port, which the parser already dropped
  // Exact compare on the host as typed too: percent-escapes or a trailing dot do not pass.
  if (!allowedHosts.includes(host) || rawHost !== host) {
    throw unsupported(`host ${echoOf(rawHost)} is not allowed (allowed: ${allowedHosts.join(', ') || 'none'})`);
  }

  // The path as typed, after `https://<host>`: /owner/repo, /owner/repo.git, optional slash.
  const rawPath = pathStart < 0 ? '' : input.slice(pathStart);
  const match = /^\/([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(rawPath);
  const owner = match?.[1];
  const repo = match?.[2];
  if (owner === undefined || repo === undefined) throw unsupported('expected https://<host>/<owner>/<repo>');
  if (!OWNER.test(owner)) throw unsupported(`"${owner}" is not a valid owner name`);
  if (!REPO.test(repo) || repo === '.' || repo === '..') {
    throw unsupported(`"${echoOf(repo)}" is not a valid repository name`);
  }

  return {
    kind: 'remote',
    host,
    owner,
    repo,
    url: `https://${host}/${owner}/${repo}.git`,
    display: `https://${host}/${owner}/${repo}`,
  };
}

function parseLocal(input: string, cwd: string, echo: string, allowedHosts: readonly string[]): Source {
  const path = isAbsolute(input) ? resolve(input) : resolve(cwd, input);
  let hint = '';
  try {
    const stat = lstatSync(path);
    if (stat.isDirectory()) return { kind: 'local', path, display: stripUnprintable(input) };
    hint = stat.isSymbolicLink() ? ' (it is a symbolic link)' : ' (it is not a folder)';
  } catch {
    const first = input.split('/')[0]?.toLowerCase() ?? '';
    if (allowedHosts.includes(first)) hint = ` (for a repository, use https://${echo})`;
  }
  throw new InputError(`no such folder: ${echo}${hint}`);
}

/**
 * The input cut short, without control characters, and with what may be a credential blanked
 * (`user:token@`, a query string or fragment), to quote in an error: errors are shown and logged.
 */
function echoOf(input: string): string {
  const clean = stripUnprintable(input)
    .replace(/^((?:[A-Za-z][A-Za-z0-9+.-]*:\/\/)?)[^/\s]*@/, '$1…@')
    .replace(/([?#])[^]*$/, '$1…');
  return clean.length > MAX_ECHO ? `${clean.slice(0, MAX_ECHO - 1)}…` : clean;
}

function stripUnprintable(text: string): string {
  return text.replace(UNPRINTABLE, '');
}
