import { manifestError } from './manifest-error.js';

/**
 * Deepest nesting a manifest may have. Real manifests nest a handful of levels; the parsers
 * (toml-eslint-parser, yaml, jsonc-parser) recurse per level and overflow the stack — or, for
 * YAML's compact `- - - x` sequences, exhaust memory — long before a 2 MB file runs out.
 */
export const MAX_NESTING = 256;

type Syntax = 'json' | 'toml' | 'yaml';

/**
 * Throws when `text` nests deeper than {@link MAX_NESTING}, before any parser sees it. One
 * linear scan counting `[`/`{` outside strings and comments, and for YAML also block
 * indentation and compact `-`/`?` indicators. Where it cannot tell (a bracket in a YAML block
 * scalar) it counts, so it may reject an odd file but never lets a deep one through.
 */
export function assertNestingDepth(path: string, text: string, syntax: Syntax): void {
  let depth = 0;
  let line = 1;
  let atLineStart = true;
  let indent = 0;
  let atTokenStart = true;
  const check = () => {
    if (depth + indent > MAX_NESTING) throw manifestError(path, line, `nested more than ${MAX_NESTING} levels deep`);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      atLineStart = true;
      atTokenStart = true;
      indent = 0;
      continue;
    }
    if (syntax === 'yaml' && atLineStart) {
      const next = text[i + 1];
      if (c === ' ' || c === '\t' || ((c === '-' || c === '?') && (next === ' ' || next === '\t'))) {
        indent++;
        check();
        continue;
      }
      atLineStart = false;
      check();
    }
    if (c === '#' && syntax !== 'json' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      i = (end < 0 ? text.length : end) - 1;
      continue;
    }
    if (c === '"' || (c === "'" && syntax !== 'json')) {
      if (syntax !== 'yaml' || atTokenStart) {
        const end = stringEnd(text, i, syntax);
        for (let j = i + 1; j <= end; j++) if (text[j] === '\n') line++;
        i = end;
        atTokenStart = false;
        continue;
      }
    }
    if (c === '[' || c === '{') {
      depth++;
      check();
      atTokenStart = true;
    } else if (c === ']' || c === '}') {
      depth = Math.max(0, depth - 1);
      atTokenStart = false;
    } else if (c === ',' || c === ':') {
      atTokenStart = true;
    } else if (c !== ' ' && c !== '\t') {
      atTokenStart = false;
    }
  }
}

/**
 * Index of the last character of the string opened at `open`. JSON and TOML one-line strings
 * end at a newline even when unterminated (their parsers resume there); TOML `"""`/`'''` and
 * YAML quoted scalars span lines. Double quotes honour backslash escapes.
 */
function stringEnd(text: string, open: number, syntax: Syntax): number {
  const quote = text[open]!;
  const escapes = quote === '"';
  if (syntax === 'toml' && text.startsWith(quote.repeat(3), open)) {
    for (let j = open + 3; j < text.length; j++) {
      if (escapes && text[j] === '\\') j++;
      else if (text.startsWith(quote.repeat(3), j)) return j + 2;
    }
    return text.length - 1;
  }
  for (let j = open + 1; j < text.length; j++) {
    const c = text[j];
    if (c === '\n' && syntax !== 'yaml') return j - 1;
    if (escapes && c === '\\' && text[j + 1] !== '\n') j++;
    else if (c === quote) return j;
  }
  return text.length - 1;
}
