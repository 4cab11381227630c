/**
 * Just enough of GitHub's Markdown rules to check that rendered text is inert: which parts of a line
 * are code spans (CommonMark backtick runs) and how a table row splits into cells (GFM).
 */

const PUNCTUATION = /[!-/:-@[-`{-~]/;

/** The text of a line outside its code spans, with backslash escapes still in place. */
export function outsideCodeSpans(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === '\\' && i + 1 < line.length && PUNCTUATION.test(line[i + 1]!)) {
      out += line.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c !== '`') {
      out += c;
      i += 1;
      continue;
    }
    let n = 0;
    while (line[i + n] === '`') n += 1;
    const close = findRun(line, i + n, n);
    if (close < 0) {
      out += line.slice(i, i + n);
      i += n;
    } else {
      out += ' ';
      i = close + n;
    }
  }
  return out;
}

function findRun(line: string, from: number, n: number): number {
  for (let i = from; i < line.length; ) {
    if (line[i] !== '`') {
      i += 1;
      continue;
    }
    let m = 0;
    while (line[i + m] === '`') m += 1;
    if (m === n) return i;
    i += m;
  }
  return -1;
}

/** How many cells GitHub sees in a table row: pipes split it unless a backslash escapes them (in code spans too). */
export function tableCells(row: string): number {
  let pipes = 0;
  for (let i = 0; i < row.length; i += 1) {
    if (row[i] === '\\') i += 1;
    else if (row[i] === '|') pipes += 1;
  }
  return pipes - 1;
}
