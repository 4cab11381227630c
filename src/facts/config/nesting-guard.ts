/**
 * Deepest nesting of arrays and maps a config document may have. Parsers recurse once per level,
 * so a hostile file nested a hundred thousand levels deep would overflow the stack; real
 * configuration stays well under twenty.
 */
export const MAX_CONFIG_DEPTH = 256;

/** The one-line error for a document nested past `MAX_CONFIG_DEPTH`. */
export function tooDeep(format: string, line: number): Error {
  return new Error(`${format} nested deeper than ${MAX_CONFIG_DEPTH} levels at line ${line}`);
}

/**
 * Linear scan of TOML text for the deepest `[`/`{` nesting outside strings and comments, or the
 * offset where it first exceeds `MAX_CONFIG_DEPTH` (table headers `[a]`/`[[a]]` open and close
 * on their line, so they never accumulate). Returns -1 when the text stays within the limit.
 */
export function tomlTooDeepAt(text: string): number {
  let depth = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '#') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? n : end;
    } else if (c === '"' || c === "'") {
      i = skipTomlString(text, i, c);
    } else {
      if (c === '[' || c === '{') {
        if (++depth > MAX_CONFIG_DEPTH) return i;
      } else if ((c === ']' || c === '}') && depth > 0) {
        depth--;
      }
      i++;
    }
  }
  return -1;
}

/** Offset just past the TOML string that starts at `start` (unterminated strings run to the end). */
function skipTomlString(text: string, start: number, quote: string): number {
  const n = text.length;
  const triple = text.startsWith(quote.repeat(3), start);
  const escapes = quote === '"';
  let i = start + (triple ? 3 : 1);
  while (i < n) {
    const c = text[i]!;
    if (escapes && c === '\\') {
      i += 2;
    } else if (c === quote) {
      if (!triple) return i + 1;
      let run = 0;
      while (i + run < n && text[i + run] === quote) run++;
      if (run >= 3) return i + run; // up to two extra quotes belong to the content
      i += run;
    } else if (c === '\n' && !triple) {
      return i; // basic strings end at the line; the parser reports it
    } else {
      i++;
    }
  }
  return n;
}
