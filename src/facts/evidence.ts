import type { Evidence } from '../types.js';

const MAX_SNIPPET = 200;

/** `path:line`, the way messages and questions name a place. */
export function at(evidence: Evidence): string {
  return `${evidence.path}:${evidence.line}`;
}

/** The trimmed text of one line, cut to a length a report can show. */
export function snippetOf(line: string | undefined): string {
  return clip((line ?? '').trim(), MAX_SNIPPET);
}

/**
 * `text` cut to at most `max` UTF-16 units, `…` standing for the rest, never between the two
 * halves of a surrogate pair (an emoji cut in half is not valid text in any report).
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/**
 * The index of the last of `sorted` (ascending, starting at or below `value`) that is at most
 * `value`: which line an offset falls on, given the lines' start offsets. Binary search.
 */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A file's lines, with lookups from character offsets to 1-based lines and evidence.
 * Built once per file; every parser that reports offsets goes through it.
 */
export class LineIndex {
  readonly lines: string[];
  private readonly starts: number[];

  constructor(
    readonly path: string,
    text: string,
  ) {
    this.lines = text.split('\n');
    this.starts = new Array<number>(this.lines.length);
    let offset = 0;
    for (let i = 0; i < this.lines.length; i++) {
      this.starts[i] = offset;
      offset += this.lines[i]!.length + 1;
    }
  }

  /** 1-based line of a character offset. */
  lineAt(offset: number): number {
    return lastAtOrBefore(this.starts, offset) + 1;
  }

  evidence(line: number): Evidence {
    return { path: this.path, line, snippet: snippetOf(this.lines[line - 1]) };
  }

  evidenceAtOffset(offset: number): Evidence {
    return this.evidence(this.lineAt(offset));
  }
}
