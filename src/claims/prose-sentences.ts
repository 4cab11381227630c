import { lastAtOrBefore } from '../facts/evidence.js';
import { SKIP_HEADING, SKIP_LABEL } from './claim-vocabulary.js';

/** One sentence of prose, cleaned of Markdown, with the document line of any offset in it. */
export interface ProseSentence {
  text: string;
  /** 1-based line of the document where the character at `offset` was written. */
  lineAt(offset: number): number;
}

/** A line's cleaned text and where it was written. */
interface Segment {
  text: string;
  line: number;
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^\s{0,3}(#{1,6})(?:[ \t]+|$)/;
const LIST_ITEM = /^\s{0,12}(?:[-*+]|\d{1,3}[.)])[ \t]+/;
const QUOTE = /^\s{0,3}(?:>[ \t]?){1,10}/;
const LINK_DEFINITION = /^\s{0,3}\[[^\]\n]{1,200}\]:\s/;
const RST_DIRECTIVE = /^\s{0,3}\.\.\s/;
/** Bidirectional overrides and other invisible controls a renderer could be fooled by. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const IMAGE = /!\[[^\[\]\n]{0,500}\]\([^()\n]{0,2000}\)/g;
const LINK = /\[([^\[\]\n]{0,500})\]\([^()\n]{0,2000}\)/g;
const REFERENCE_LINK = /\[([^\[\]\n]{0,500})\]\[[^\[\]\n]{0,100}\]/g;
const URL = /<?(?:\bhttps?:\/\/|\bwww\.)[^\s<>]{1,2000}>?/gi;
const HTML_TAG = /<\/?[A-Za-z][^<>\n]{0,500}>/g;
const MARKUP = /[`*]+|&nbsp;/g;

/**
 * The sentences of a Markdown, reStructuredText or plain-text document, in order. Left out: fenced
 * and indented code, HTML comments, images and badges, link targets and URLs, and whole sections
 * under headings like "Future work" or "Limitations". Paragraph lines are joined so a sentence
 * wrapped over two lines stays one sentence; each offset still maps back to its own line.
 */
export function* proseSentences(text: string): Generator<ProseSentence> {
  for (const block of proseBlocks(text)) yield* sentencesOf(block);
}

function* proseBlocks(text: string): Generator<Segment[]> {
  const lines = text.split('\n');
  let fence: string | null = null;
  let inComment = false;
  let skipLevel: number | null = null;
  let paragraph: Segment[] = [];
  let previousBlank = true;
  let inList = false;
  let literalBlock = false;
  let tableHeader: string[] | null = null;

  const flush = function* (): Generator<Segment[]> {
    if (paragraph.length) yield paragraph;
    paragraph = [];
  };

  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!.replace(/\r$/, '');
    if (inComment) {
      const end = line.indexOf('-->');
      if (end < 0) continue;
      line = line.slice(end + 3);
      inComment = false;
    }
    const fenceMatch = FENCE.exec(line);
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length) fence = null;
      continue;
    }
    if (fenceMatch) {
      yield* flush();
      fence = fenceMatch[1]!;
      continue;
    }
    [line, inComment] = withoutComments(line);

    const blank = line.trim() === '';
    const indented = /^(?: {4}|\t)/.test(line);
    if (literalBlock) {
      if (blank || indented) continue;
      literalBlock = false;
    }
    const heading = headingAt(lines, i, line, paragraph.length === 0);
    if (heading) {
      yield* flush();
      tableHeader = null;
      if (heading.underlined) i++;
      if (skipLevel !== null && heading.level <= skipLevel) skipLevel = null;
      if (skipLevel === null && SKIP_HEADING.test(heading.text)) skipLevel = heading.level;
      else if (skipLevel === null) yield [{ text: cleanInline(heading.text), line: i + (heading.underlined ? 0 : 1) }];
      previousBlank = true;
      continue;
    }
    if (isSkipLabel(line)) {
      // "**Future work:**" on a line of its own: a section without a heading, up to the next heading.
      yield* flush();
      skipLevel = 7;
      continue;
    }
    if (skipLevel !== null) continue;
    if (blank) {
      yield* flush();
      previousBlank = true;
      tableHeader = null;
      continue;
    }
    if (indented && previousBlank && !inList && paragraph.length === 0) continue; // an indented code block
    if (LINK_DEFINITION.test(line) || /^\s{0,3}(?:[-*_]\s{0,2}){3,}$/.test(line)) {
      yield* flush();
      continue;
    }
    if (RST_DIRECTIVE.test(line)) {
      yield* flush();
      literalBlock = /^\s{0,3}\.\.\s+(?:code|code-block|sourcecode|literalinclude)::/.test(line);
      continue;
    }
    previousBlank = false;

    if (isTableRow(line)) {
      yield* flush();
      const cells = tableCells(line);
      const next = lines[i + 1];
      if (next !== undefined && isTableSeparator(next)) {
        tableHeader = cells;
        i++;
        continue;
      }
      // A row reads as "Accuracy 0.92, F1 0.81" when a header names its columns.
      const row = cells.map((cell, c) => (tableHeader?.[c] ? `${tableHeader[c]} ${cell}` : cell)).join(', ');
      yield [{ text: cleanInline(row), line: i + 1 }];
      continue;
    }
    let content = line.replace(QUOTE, '');
    const item = LIST_ITEM.exec(content);
    if (item) {
      yield* flush();
      inList = true;
      content = content.slice(item[0].length);
    } else if (!indented) {
      inList = inList && paragraph.length > 0;
    }
    if (/::\s*$/.test(content)) {
      literalBlock = true;
      content = content.replace(/::\s*$/, ':');
    }
    paragraph.push({ text: cleanInline(content), line: i + 1 });
  }
  yield* flush();
}

/** A line without its HTML comments; whether a comment stays open past its end. */
function withoutComments(line: string): [string, boolean] {
  let out = line;
  for (let start = out.indexOf('<!--'); start >= 0; start = out.indexOf('<!--', start)) {
    const end = out.indexOf('-->', start + 4);
    if (end < 0) return [out.slice(0, start), true];
    out = `${out.slice(0, start)} ${out.slice(end + 3)}`;
  }
  return [out, false];
}

/** An ATX heading, or a Setext/reStructuredText heading underlined on the next line. */
function headingAt(lines: string[], i: number, line: string, startsBlock: boolean): { level: number; text: string; underlined: boolean } | null {
  const atx = ATX_HEADING.exec(line);
  if (atx) return { level: atx[1]!.length, text: line.slice(atx[0].length).replace(/[ \t]#+[ \t]*$/, ''), underlined: false };
  const next = lines[i + 1];
  if (!startsBlock || next === undefined || line.trim() === '' || isTableRow(line)) return null;
  const underline = /^\s{0,3}([=\-~^"'`*+#])\1{2,}\s*$/.exec(next);
  if (!underline) return null;
  const level = underline[1] === '=' ? 1 : underline[1] === '-' ? 2 : 3;
  return { level, text: line.trim(), underlined: true };
}

/** A line that only names a section to skip, bold or followed by a colon: "**Future work**", "Limitations:". */
function isSkipLabel(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length > 48 || !(/^(?:\*\*|__)/.test(trimmed) || trimmed.endsWith(':'))) return false;
  const label = trimmed.replace(/[*_:]/g, '').trim();
  return SKIP_LABEL.test(label) && /^[\w\s'-]+$/.test(label);
}

function isTableRow(line: string): boolean {
  return /^\s{0,3}\|/.test(line);
}

function isTableSeparator(line: string): boolean {
  return line.includes('-') && /^[\s|:-]+$/.test(line);
}

function tableCells(line: string): string[] {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => cell.trim());
}

/** Inline Markdown reduced to its words: images and URLs dropped, link texts kept, markup and invisible controls removed. */
function cleanInline(line: string): string {
  return line
    .replace(CONTROLS, '')
    .replace(IMAGE, ' ')
    .replace(LINK, '$1')
    .replace(REFERENCE_LINK, '$1')
    .replace(URL, ' ')
    .replace(HTML_TAG, ' ')
    .replace(MARKUP, '');
}

const ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|vs|cf|fig|approx|incl|resp|etc)$/i;

/** Splits a block at sentence ends (`.`, `!`, `?` before a space), keeping each offset's line. */
function* sentencesOf(segments: Segment[]): Generator<ProseSentence> {
  let joined = '';
  const starts: number[] = [];
  for (const segment of segments) {
    if (joined) joined += ' ';
    starts.push(joined.length);
    joined += segment.text;
  }
  const lineAt = (base: number) => (offset: number) => segments[lastAtOrBefore(starts, base + offset)]!.line;
  let start = 0;
  for (let k = 0; k < joined.length; k++) {
    const ch = joined[k];
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    const after = joined[k + 1];
    if (after !== undefined && after !== ' ' && after !== '\t') continue;
    if (ch === '.' && ABBREVIATION.test(joined.slice(Math.max(start, k - 8), k))) continue;
    const text = joined.slice(start, k + 1);
    if (text.trim()) yield { text, lineAt: lineAt(start) };
    start = k + 1;
  }
  const rest = joined.slice(start);
  if (rest.trim()) yield { text: rest, lineAt: lineAt(start) };
}
