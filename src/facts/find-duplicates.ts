import type { Evidence, SourceFile } from '../types.js';
import { snippetOf } from './evidence.js';
import { isTestPath } from './query.js';
import { isScriptPath } from './typescript/is-script-path.js';

/** A run of normalised code lines written twice: where each copy starts and how many lines it spans. */
export interface Duplicate {
  a: Evidence;
  b: Evidence;
  /** Normalised code lines in the run (blank, comment, import and lone-bracket lines not counted). */
  lines: number;
}

/** Shortest run worth reporting, in normalised lines. */
export const MIN_RUN = 6;
/** Longer files (generated code, data dumps) are left out. */
const MAX_FILE_LINES = 5_000;
/** Stop reading files once this many normalised lines are indexed. */
const MAX_TOTAL_LINES = 500_000;
/** Stop after this many pairs. */
const MAX_PAIRS = 200;

interface CodeLine {
  /** Interned id of the normalised text. */
  id: number;
  /** 0-based index into the file's raw lines. */
  index: number;
}

interface Prepared {
  file: SourceFile;
  raw: string[];
  code: CodeLine[];
}

/**
 * Runs of at least six consecutive normalised code lines found in two places of the candidate's
 * Python and TypeScript/JavaScript (tests left out). Each line is trimmed, its whitespace collapsed;
 * blank, comment-only, import and lone-bracket lines are dropped. Windows of six lines are keyed by
 * their interned line ids, a later window matching an earlier one is extended greedily, and the
 * scan resumes after the run. Linear in the lines read, with caps on file size, total lines and pairs.
 */
export function findDuplicates(files: readonly SourceFile[]): Duplicate[] {
  const intern = new Map<string, number>();
  const prepared: Prepared[] = [];
  let total = 0;
  for (const file of files) {
    const python = file.path.endsWith('.py');
    if (!(python || isScriptPath(file.path)) || isTestPath(file.path)) continue;
    const raw = file.text.split('\n');
    if (raw.length > MAX_FILE_LINES) continue;
    const code = normalise(raw, python ? 'python' : 'script').map(({ text, index }) => {
      let id = intern.get(text);
      if (id === undefined) intern.set(text, (id = intern.size));
      return { id, index };
    });
    if (total + code.length > MAX_TOTAL_LINES) break;
    total += code.length;
    if (code.length >= MIN_RUN) prepared.push({ file, raw, code });
  }

  const seen = new Map<string, { f: number; p: number }>();
  const pairs: Duplicate[] = [];
  for (let fb = 0; fb < prepared.length; fb++) {
    const b = prepared[fb]!.code;
    let pb = 0;
    while (pb + MIN_RUN <= b.length) {
      const key = windowKey(b, pb);
      const first = seen.get(key);
      const length = first ? runLength(prepared[first.f]!.code, first.p, b, pb, first.f === fb) : 0;
      if (first && length >= MIN_RUN) {
        pairs.push({ a: evidenceAt(prepared[first.f]!, first.p), b: evidenceAt(prepared[fb]!, pb), lines: length });
        if (pairs.length >= MAX_PAIRS) return pairs;
        pb += length;
        continue;
      }
      if (!first) seen.set(key, { f: fb, p: pb });
      pb++;
    }
  }
  return pairs;
}

/** How far two runs agree from `pa` and `pb`; within one file the copies may not overlap. */
function runLength(a: CodeLine[], pa: number, b: CodeLine[], pb: number, sameFile: boolean): number {
  const limit = sameFile ? pb - pa : Infinity;
  let length = 0;
  while (length < limit && pa + length < a.length && pb + length < b.length && a[pa + length]!.id === b[pb + length]!.id) length++;
  return length;
}

function windowKey(code: CodeLine[], start: number): string {
  let key = '';
  for (let i = start; i < start + MIN_RUN; i++) key += `${code[i]!.id},`;
  return key;
}

function evidenceAt(file: Prepared, position: number): Evidence {
  const index = file.code[position]!.index;
  return { path: file.file.path, line: index + 1, snippet: snippetOf(file.raw[index]) };
}

const LONE_BRACKETS = /^[\s()[\]{}<>,;:'"`]*$/;
const PYTHON_COMMENT = /^#/;
const SCRIPT_COMMENT = /^(\/\/|\/\*|\*)/;
const PYTHON_IMPORT = /^(import\s+[\w.]|from\s+[\w.]+\s+import\b)/;
const SCRIPT_IMPORT = /^(import\b|export\s+(\*|\{[^}]*\}?|type\s*\{[^}]*\}?)\s*(from\b|$)|export\s+\*|(const|let|var)\s+[^=]+=\s*require\s*\()/;

/** Code lines of a file, normalised; multi-line imports (`from a import (`, `import {`) dropped whole. */
function normalise(raw: string[], language: 'python' | 'script'): { text: string; index: number }[] {
  const comment = language === 'python' ? PYTHON_COMMENT : SCRIPT_COMMENT;
  const isImport = language === 'python' ? PYTHON_IMPORT : SCRIPT_IMPORT;
  const closer = language === 'python' ? ')' : '}';
  const out: { text: string; index: number }[] = [];
  let inImport = false;
  for (let index = 0; index < raw.length; index++) {
    const text = raw[index]!.trim().replace(/\s+/g, ' ');
    if (inImport) {
      if (text.includes(closer)) inImport = false;
      continue;
    }
    if (!text || LONE_BRACKETS.test(text) || comment.test(text)) continue;
    if (isImport.test(text)) {
      // An import opening a parenthesised / braced list that does not close on this line.
      const open = language === 'python' ? '(' : '{';
      if (text.includes(open) && !text.includes(closer)) inImport = true;
      continue;
    }
    out.push({ text, index });
  }
  return out;
}
