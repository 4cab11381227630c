/**
 * Candidate text made inert in GitHub Markdown: no mentions, links, HTML, table breaks, or
 * direction overrides. Every string from a repository reaches a template through one of these.
 */

/** Bidirectional controls and other invisible format characters (U+202E and friends). */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

function oneLineOf(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(INVISIBLE, '�');
}

/** An inline code span that no backtick run inside the text can close early. */
export function codeSpan(text: string): string {
  const flat = oneLineOf(text);
  if (!flat) return '` `';
  let longest = 0;
  for (const run of flat.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Plain text with Markdown, HTML and mentions escaped. */
export function plainText(text: string): string {
  return oneLineOf(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1')
    .replace(/@/g, '@\u200b');
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

/** A code span fit for a table cell: GitHub splits cells at `|` even inside code. */
export function tableCode(text: string): string {
  return codeSpan(text).replace(/\|/g, '\\|');
}
