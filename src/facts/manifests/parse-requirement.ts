/**
 * PEP 508 requirement strings, as found in requirements files, `pyproject.toml` arrays,
 * `setup.py` literals and `!pip install` tokens.
 */

/** A distribution name as written: starts alphanumeric, then letters, digits and `-_.`. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*/;
/** `https:`, `git+ssh:`, `file:` … (a requirement never starts with a scheme; `name @ url` does not match). */
const URL_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
/** Local archives and wheels: `dist/pkg-1.0-py3-none-any.whl`, `pkg.tar.gz`. */
const ARCHIVE = /\.(?:whl|zip|tgz|tar|tar\.gz|tar\.bz2|tar\.xz)$/i;
const OPERATOR = /^(?:[<>=!~]|@)/;

/** PEP 503 normalisation: lower-case, runs of `-`, `_` and `.` become one `-`. */
export function normalisePypiName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/**
 * One PEP 508 requirement string or pip-install token → normalised name + version spec as
 * written (extras and environment markers dropped, `(...)` unwrapped, `name @ url` → `@ url`).
 * Null for options (`-e`, `--hash`), URLs, local paths and archives, comments and anything
 * that is not a requirement.
 */
export function parseRequirement(text: string): { name: string; spec: string } | null {
  const s = unquote(stripComment(text).trim());
  if (s === '' || /^[-./\\~$%]/.test(s) || URL_SCHEME.test(s)) return null;
  const at = s.indexOf('@');
  const head = at >= 0 ? s.slice(0, at) : s;
  if (/[/\\]/.test(head) || (at < 0 && ARCHIVE.test(s))) return null;

  const name = NAME.exec(s)?.[0];
  if (!name || /[._-]$/.test(name)) return null;
  let rest = s.slice(name.length).trimStart();
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return null;
    rest = rest.slice(close + 1).trimStart();
  }
  if (rest.startsWith('@')) {
    // `name @ url ; marker`: the marker needs a space before `;` since `;` may occur in URLs.
    const url = rest.slice(1).trim().split(/\s/, 1)[0] ?? '';
    return url ? { name: normalisePypiName(name), spec: `@ ${url}` } : null;
  }
  const semi = rest.indexOf(';');
  if (semi >= 0) rest = rest.slice(0, semi);
  // Per-requirement options of requirements files: `pkg==1.0 --hash=sha256:…`.
  const option = rest.search(/\s-/);
  if (option >= 0) rest = rest.slice(0, option);
  rest = rest.trim();
  if (rest.startsWith('(') && rest.endsWith(')')) rest = rest.slice(1, -1).trim();
  if (rest !== '' && !OPERATOR.test(rest)) return null;
  return { name: normalisePypiName(name), spec: rest };
}

/** Cuts a `#` comment: at the start or after whitespace (`#egg=` inside a URL is not one). */
export function stripComment(line: string): string {
  for (let i = line.indexOf('#'); i >= 0; i = line.indexOf('#', i + 1)) {
    if (i === 0 || /\s/.test(line[i - 1]!)) return line.slice(0, i);
  }
  return line;
}

function unquote(s: string): string {
  const first = s[0];
  if (s.length >= 2 && (first === '"' || first === "'") && s.endsWith(first)) return s.slice(1, -1).trim();
  return s;
}
