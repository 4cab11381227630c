import { DockerfileParser } from 'dockerfile-ast';
import type { SourceFile } from '../../types.js';
import { LineIndex } from '../evidence.js';
import type { DockerFrom, DockerInstruction, DockerfileFacts } from '../types.js';

/** `Dockerfile`, `Dockerfile.gpu`, `api.Dockerfile`, `Containerfile` in any folder (any case). */
export function isDockerfilePath(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (name.endsWith('.md')) return false;
  return (
    name === 'dockerfile' ||
    name.startsWith('dockerfile.') ||
    name.endsWith('.dockerfile') ||
    name === 'containerfile' ||
    name.startsWith('containerfile.')
  );
}

/**
 * The instructions of a Dockerfile (keyword upper-case, arguments with continuation lines joined
 * and interleaved comments dropped, heredoc bodies kept on their own lines) and its `FROM` lines.
 * Never throws: when the parser fails, a plain line scan gives what it can.
 */
export function extractDockerfile(file: SourceFile): DockerfileFacts {
  const index = new LineIndex(file.path, file.text);
  let instructions: DockerInstruction[];
  try {
    instructions = parsedInstructions(file.text, index);
  } catch {
    instructions = scannedInstructions(index);
  }
  const from: DockerFrom[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword !== 'FROM') continue;
    const parsed = parseFrom(instruction);
    if (parsed) from.push(parsed);
  }
  return { path: file.path, instructions, from };
}

function parsedInstructions(text: string, index: LineIndex): DockerInstruction[] {
  const dockerfile = DockerfileParser.parse(text);
  const escape = dockerfile.getEscapeCharacter();
  const out: DockerInstruction[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    try {
      const keywordEnd = instruction.getInstructionRange().end;
      const range = instruction.getRange();
      const rows = index.lines.slice(keywordEnd.line, range.end.line + 1);
      if (rows.length === 0) continue;
      rows[0] = rows[0]!.slice(keywordEnd.character);
      out.push(
        instructionOf(instruction.getKeyword(), joinArguments(rows, escape), range.start.line + 1, range.end.line + 1, index),
      );
    } catch {
      // one odd instruction does not lose the others
    }
  }
  return out;
}

/** Fallback: a line scan for `KEYWORD args` with backslash continuations. */
function scannedInstructions(index: LineIndex): DockerInstruction[] {
  const out: DockerInstruction[] = [];
  const { lines } = index;
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!.trim();
    const keyword = /^[A-Za-z]+(?=\s|$)/.exec(first)?.[0];
    if (!keyword) continue;
    let end = i;
    while (end + 1 < lines.length && endsWithEscape(lines[end]!, '\\')) end++;
    const rows = lines.slice(i, end + 1);
    rows[0] = first.slice(keyword.length);
    out.push(instructionOf(keyword, joinArguments(rows, '\\'), i + 1, end + 1, index));
    i = end;
  }
  return out;
}

function instructionOf(keyword: string, args: string, line: number, endLine: number, index: LineIndex): DockerInstruction {
  return { keyword: keyword.toUpperCase(), args, line, endLine, evidence: index.evidence(line) };
}

/**
 * Joins an instruction's rows: a row ending in the escape character continues on the next row
 * (blank and comment rows in between are dropped, as Docker does); other rows are heredoc bodies
 * and stay on lines of their own.
 */
function joinArguments(rows: string[], escape: string): string {
  let out = '';
  let continuing = false;
  for (let k = 0; k < rows.length; k++) {
    let row = rows[k]!;
    let separator = '';
    if (k > 0) {
      if (continuing) {
        const trimmed = row.trim();
        if (trimmed === '' || trimmed.startsWith('#')) continue;
        row = trimmed;
        separator = ' ';
      } else {
        separator = '\n';
      }
    }
    continuing = endsWithEscape(row, escape);
    const piece = continuing ? row.trimEnd().slice(0, -escape.length).trimEnd() : row;
    out += separator + piece;
  }
  return out.trim();
}

function endsWithEscape(row: string, escape: string): boolean {
  return row.trimEnd().endsWith(escape);
}

/** `FROM [--flag=…] image[:tag][@digest] [AS stage]`; null when there is no image at all. */
function parseFrom(instruction: DockerInstruction): DockerFrom | null {
  const words = instruction.args.split(/\s+/).filter((word) => word !== '');
  const at = words.findIndex((word) => !word.startsWith('--'));
  const ref = words[at];
  if (at < 0 || ref === undefined) return null;
  const stage = words[at + 1]?.toLowerCase() === 'as' ? (words[at + 2] ?? null) : null;
  return { ...splitImageRef(ref), stage, evidence: instruction.evidence };
}

/**
 * Splits `registry:5000/name:tag@sha256:…` into image, tag and digest. Colons inside `${…}`
 * (`${BASE:-python:3.11}`) are part of a variable, which is left as written.
 */
function splitImageRef(ref: string): Pick<DockerFrom, 'image' | 'tag' | 'digest'> {
  let depth = 0;
  let slash = -1;
  let colon = -1;
  let at = -1;
  for (let i = 0; i < ref.length && at < 0; i++) {
    const c = ref[i];
    if (c === '$' && ref[i + 1] === '{') {
      depth++;
      i++;
    } else if (c === '}' && depth > 0) {
      depth--;
    } else if (depth === 0) {
      if (c === '@') at = i;
      else if (c === '/') slash = i;
      else if (c === ':') colon = i;
    }
  }
  const name = at >= 0 ? ref.slice(0, at) : ref;
  const digest = at >= 0 ? ref.slice(at + 1) || null : null;
  if (colon > slash) return { image: name.slice(0, colon), tag: name.slice(colon + 1) || null, digest };
  return { image: name, tag: null, digest };
}
