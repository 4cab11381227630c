/** Characters of a comment read for the command (GitHub allows 65,536). */
const MAX_BODY_CHARS = 65_536;

/**
 * True when a comment asks for a review: a line that is `/review` alone (surrounding spaces
 * allowed). Lines inside fenced code, `>` quotes and HTML comments do not count, so quoting or
 * pasting someone's `/review` does not trigger one.
 */
export function hasReviewCommand(body: string | null | undefined): boolean {
  if (!body) return false;
  let fence: string | null = null;
  let inComment = false;
  for (const line of body.slice(0, MAX_BODY_CHARS).split(/\r\n|\r|\n/)) {
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== null) {
      if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
      continue;
    }
    if (marker !== undefined) {
      fence = marker;
      continue;
    }
    if (line.trimStart().startsWith('<!--')) {
      inComment = !line.includes('-->');
      continue;
    }
    if (/^ {0,3}\/review[ \t]*$/.test(line)) return true;
  }
  return false;
}
