import { clip, snippetOf } from '../evidence.js';
import type { Commit, Evidence, History } from '../../types.js';
import type { Facts } from '../types.js';

export { at } from '../evidence.js';

/** The history checks can read: null for a plain folder, a shallow clone or a repository without commits. */
export function readableHistory(facts: Facts): History | null {
  const history = facts.history;
  return history && !history.shallow && history.commits.length ? history : null;
}

export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

/** A commit's subject fit for a message: one line, no backticks, at most 60 characters. */
export function shownSubject(subject: string): string {
  const flat = subject.replace(/`/g, "'").replace(/\s+/g, ' ').trim();
  return clip(flat, 60);
}

/** A duration in the largest unit that reads well: `40 minutes`, `5 hours`, `12 days`. Never a date or a time of day. */
export function duration(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 90) return plural(minutes, 'minute');
  const hours = Math.round(seconds / 3600);
  if (hours < 48) return plural(hours, 'hour');
  return plural(Math.round(seconds / 86_400), 'day');
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** Files whose first line may hold a value better not shown (`.env`, keys). */
const PRIVATE = /(^|\/)(\.env[^/]*|[^/]*\.env|[^/]*\.(pem|key))$/;

/**
 * Line 1 of a file, as evidence for a fact about the history: the first of `paths` the review
 * read, else the README, else the first file read. Never a file with a secret on its first line.
 */
export function fileEvidence(facts: Facts, paths: readonly string[] = []): Evidence | undefined {
  const usable = (path: string) =>
    !PRIVATE.test(path) && !facts.secrets.some((hit) => hit.evidence.path === path && hit.evidence.line === 1);
  const byPath = new Map(facts.files.map((f) => [f.path, f]));
  const file =
    paths.map((p) => byPath.get(p)).find((f) => f && usable(f.path)) ??
    facts.files.find((f) => /^readme(\.\w+)?$/i.test(f.path)) ??
    facts.files.find((f) => usable(f.path));
  return file && { path: file.path, line: 1, snippet: snippetOf(file.text.slice(0, 400).split('\n')[0]) };
}

/** Merge commits are written by tools, not people: left out of message and size statistics. */
export function isMerge(commit: Commit): boolean {
  return /^Merge (branch|pull request|remote-tracking branch|tag|commit) /.test(commit.subject);
}

/** A name without its `<email>`: `Ada <ada@example.com>` → `Ada`. */
export function nameOnly(person: string): string {
  return person.replace(/<[^>]{0,320}>/g, '').trim() || 'unnamed';
}
