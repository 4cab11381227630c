/**
 * Candidate text made inert in GitHub Markdown: no mentions, issue references, links, HTML, table
 * breaks, or direction overrides. Every string from a repository reaches a template through one of these.
 */

/** Bidirectional controls and other invisible format characters (U+202E and friends). */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
/** Breaks GitHub's autolinks and references without changing what a reader sees. */
const ZERO_WIDTH_SPACE = '\u200b';

/** One line, with invisible and direction-changing characters shown as `�`: the shared first step of every escaper. */
export function visibleLine(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(INVISIBLE, '�');
}

/** An inline code span that no backtick run inside the text can close early. */
export function codeSpan(text: string): string {
  const flat = visibleLine(text);
  if (!flat) return '` `';
  let longest = 0;
  for (const run of flat.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * Plain text with Markdown, HTML, mentions, issue references (`#123`, `GH-123`) and autolinks
 * (`https://…`, `www.…`) escaped or broken by a zero-width space.
 */
export function plainText(text: string): string {
  return visibleLine(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1')
    .replace(/@/g, `@${ZERO_WIDTH_SPACE}`)
    .replace(/#(?=\d)/g, `#${ZERO_WIDTH_SPACE}`)
    .replace(/\b(gh)-(?=\d)/gi, `$1-${ZERO_WIDTH_SPACE}`)
    .replace(/:\/\//g, `:${ZERO_WIDTH_SPACE}//`)
    .replace(/\b(www)\./gi, `$1${ZERO_WIDTH_SPACE}.`);
}

/**
 * A check's message (or question) as Markdown: `code spans` kept as code, everything else escaped.
 * Inert whatever the backticks: a stray one from candidate text can only move text between an
 * escaped part and a re-fenced code span, and unpaired backticks escape the whole message.
 */
export function messageMarkdown(text: string): string {
  const parts = text.split('`');
  if (parts.length % 2 === 0) return plainText(text);
  return parts.map((part, i) => (i % 2 ? codeSpan(part) : plainText(part))).join('');
}

/**
 * Markdown (already escaped) made safe inside a table cell. GitHub splits a row at every `|` not
 * preceded by an odd number of backslashes — inside code spans too — and removes one backslash
 * before a pipe afterwards, so each pipe gets exactly one more: cells stay intact and code reads as written.
 */
export function tableCell(markdown: string): string {
  return markdown.replace(/\r?\n|\r/g, ' ').replace(/(\\*)\|/g, (_, slashes: string) => (slashes.length % 2 ? `${slashes}|` : `${slashes}\\|`));
}

/** A code span fit for a table cell. */
export function tableCode(text: string): string {
  return tableCell(codeSpan(text));
}
