import { visibleLines } from '../source/visible-lines.js';

/** Characters of a comment read for the command (GitHub allows 65,536). */
const MAX_BODY_CHARS = 65_536;

/**
 * True when a comment asks for a review: a line that is `/review` alone (surrounding spaces
 * allowed). Lines inside fenced code, `>` quotes and HTML comments do not count, so quoting or
 * pasting someone's `/review` does not trigger one.
 */
export function hasReviewCommand(body: string | null | undefined): boolean {
  if (!body) return false;
  for (const line of visibleLines(body.slice(0, MAX_BODY_CHARS))) if (/^ {0,3}\/review[ \t]*$/.test(line)) return true;
  return false;
}
