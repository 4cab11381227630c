/**
 * Markdown a person wrote (an issue body, a comment) as the lines a reader sees as prose: fenced
 * code, `>` quotes and HTML comments left out, so a pasted or quoted link or command never counts.
 */
export function* visibleLines(body: string): Generator<string> {
  let fence: string | null = null;
  let inComment = false;
  for (const raw of body.split(/\r\n|\r|\n/)) {
    let line = raw;
    if (inComment) {
      const end = line.indexOf('-->');
      if (end < 0) continue;
      inComment = false;
      line = line.slice(end + 3);
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
    if (/^ {0,3}>/.test(line)) continue;
    const [visible, open] = withoutComments(line);
    inComment = open;
    yield visible;
  }
}

/** The line without `<!-- … -->` spans; `open` when a comment runs past its end. */
function withoutComments(line: string): [string, boolean] {
  let out = '';
  let at = 0;
  for (;;) {
    const start = line.indexOf('<!--', at);
    if (start < 0) return [out + line.slice(at), false];
    out += `${line.slice(at, start)} `;
    const end = line.indexOf('-->', start + 4);
    if (end < 0) return [out, true];
    at = end + 3;
  }
}
