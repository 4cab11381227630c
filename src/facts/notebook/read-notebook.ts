import type { Evidence } from '../../types.js';
import { snippetOf } from '../evidence.js';

/** The code of a notebook as one Python text, line for line, with a map back to cells. */
export interface NotebookCode {
  /** Code cells joined in order; magics and shell lines blanked so Python parses and lines stay put. */
  python: string;
  /** Code cells joined in order as written (magics kept): what a secret scan reads. */
  code: string;
  /** `!pip install` / `%pip install` lines: 1-based line and the packages named. */
  installs: { line: number; packages: string[] }[];
  /** Evidence for a 1-based line of `python`, with the original text and the cell number. */
  evidenceAt(line: number): Evidence;
  /** False when the kernel is not Python (R, Julia, …): nothing to parse. */
  isPython: boolean;
  cells: number;
  codeCells: number;
  /** Size of the saved outputs (as JSON); they are measured, never read into a report. */
  outputBytes: number;
}

const INSTALL = /^\s*[!%]\s*(?:pip3?|uv\s+pip|python3?\s+-m\s+pip|conda|mamba)\s+install\s+(.*)$/;
/** Cell magics whose body is still Python. */
const PYTHON_CELL_MAGICS = new Set(['%%time', '%%timeit', '%%capture', '%%prun', '%%debug']);

/**
 * Reads a `.ipynb` file's code cells (nbformat 4, and 3's worksheets). Only code-cell sources are
 * read; outputs never are. Throws a one-line Error when the JSON is not a notebook.
 */
export function readNotebook(path: string, text: string): NotebookCode {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new Error(`invalid notebook JSON: ${(error as Error).message}`);
  }
  const cells = cellsOf(doc);
  if (!cells) throw new Error('not a notebook: no cells array');
  const language = languageOf(doc);

  const lines: string[] = [];
  const original: string[] = [];
  const cellOfLine: number[] = [];
  const installs: NotebookCode['installs'] = [];
  let codeCells = 0;
  let outputBytes = 0;
  cells.forEach((cell, index) => {
    if (!isRecord(cell) || cell.cell_type !== 'code') return;
    codeCells++;
    if (Array.isArray(cell.outputs)) outputBytes += JSON.stringify(cell.outputs).length;
    const source = sourceOf(cell.source ?? cell.input);
    if (source === null) return;
    const cellLines = source.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
    const magic = cellLines[0]?.trim().split(/\s/)[0] ?? '';
    const wholeCellMagic = magic.startsWith('%%') && !PYTHON_CELL_MAGICS.has(magic);
    for (const [i, line] of cellLines.entries()) {
      const number = lines.length + 1;
      const install = INSTALL.exec(line);
      if (install) installs.push({ line: number, packages: packageTokens(install[1]!) });
      const blank = wholeCellMagic || (i === 0 && magic.startsWith('%%')) || isMagicLine(line);
      lines.push(blank ? '' : line);
      original.push(line);
      cellOfLine.push(index + 1);
    }
  });

  return {
    python: lines.join('\n'),
    code: original.join('\n'),
    installs,
    isPython: language === null || language.toLowerCase().startsWith('python'),
    cells: cells.length,
    codeCells,
    outputBytes,
    evidenceAt: (line) => ({ path, line, snippet: snippetOf(original[line - 1]), cell: cellOfLine[line - 1] ?? 1 }),
  };
}

function isMagicLine(line: string): boolean {
  const t = line.trim();
  if (t.startsWith('%') || t.startsWith('!')) return true;
  // `files = !ls`, `obj?`, `??obj`: IPython syntax, not Python.
  return /^[A-Za-z_][\w.]*\s*=\s*[!%]/.test(t) || /^\?|\?$/.test(t);
}

/** Package names from the rest of a pip/conda install line (options and their values dropped). */
function packageTokens(rest: string): string[] {
  const out: string[] = [];
  const tokens = rest.split(/\s+/).filter(Boolean);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!.replace(/^["']|["']$/g, '');
    if (/^(#|&&|\||;|>)/.test(token)) break;
    if (token.startsWith('-')) {
      if (/^(-r|-c|-e|-i|--index-url|--extra-index-url|-f|--find-links|--requirement|--constraint|-t|--target|-c)$/.test(token)) i++;
      continue;
    }
    out.push(token);
  }
  return out;
}

function cellsOf(doc: unknown): unknown[] | null {
  if (!isRecord(doc)) return null;
  if (Array.isArray(doc.cells)) return doc.cells;
  if (Array.isArray(doc.worksheets)) {
    const first = doc.worksheets[0];
    if (isRecord(first) && Array.isArray(first.cells)) return first.cells;
  }
  return null;
}

function languageOf(doc: unknown): string | null {
  if (!isRecord(doc) || !isRecord(doc.metadata)) return null;
  const { kernelspec, language_info: info } = doc.metadata;
  if (isRecord(kernelspec) && typeof kernelspec.language === 'string') return kernelspec.language;
  if (isRecord(info) && typeof info.name === 'string') return info.name;
  return null;
}

function sourceOf(source: unknown): string | null {
  if (typeof source === 'string') return source;
  if (Array.isArray(source) && source.every((s) => typeof s === 'string')) return source.join('');
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
