import type { SourceFile } from '../types.js';
import type { ClaimDocument } from './types.js';

/** Characters read from each document: a write-up's claims come early; the rest is bounded work. */
export const MAX_DOCUMENT_CHARS = 64 * 1024;
/** Repository documents read at most (README, REPORT, RESULTS, docs/). */
export const MAX_REPOSITORY_DOCUMENTS = 10;
/** External documents (pull-request description, issue body) read at most. */
export const MAX_EXTERNAL_DOCUMENTS = 5;

/** The submission's own write-ups, by name: README*, REPORT*, RESULTS* anywhere, prose under `docs/`. */
const WRITE_UP = /^(?:readme|report|results?)(?:[._-][^/]*)?$/i;
const PROSE_EXTENSION = /(?:^|\.)(?:md|markdown|mdx|rst|txt)$/i;
const DOCS_FOLDER = /(?:^|\/)docs?\//i;

/**
 * The prose the candidate wrote, in reading order: root write-ups first (README before REPORT
 * before RESULTS), then the pull-request description and issue bodies, then nested write-ups and
 * `docs/`. Each document is cut to its first 64 KiB.
 */
export function claimDocuments(files: readonly SourceFile[], external: readonly ClaimDocument[]): ClaimDocument[] {
  const repository = files
    .filter((file) => isWriteUp(file.path))
    .sort((a, b) => rank(a.path) - rank(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .slice(0, MAX_REPOSITORY_DOCUMENTS)
    .map((file): ClaimDocument => ({ origin: 'repository', path: file.path, text: bounded(file.text) }));
  const root = repository.filter((doc) => !doc.path.includes('/'));
  const nested = repository.filter((doc) => doc.path.includes('/'));
  const outside = external.slice(0, MAX_EXTERNAL_DOCUMENTS).map((doc) => ({ ...doc, text: bounded(doc.text) }));
  return [...root, ...outside, ...nested];
}

/** Whether a path is one of the submission's write-ups. */
export function isWriteUp(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (WRITE_UP.test(name)) return PROSE_EXTENSION.test(name) || !name.includes('.');
  return DOCS_FOLDER.test(path) && PROSE_EXTENSION.test(name);
}

function rank(path: string): number {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const depth = path.split('/').length - 1;
  const kind = name.startsWith('readme') ? 0 : name.startsWith('report') ? 1 : name.startsWith('result') ? 2 : 3;
  return depth * 10 + kind;
}

function bounded(text: string): string {
  return text.length > MAX_DOCUMENT_CHARS ? text.slice(0, MAX_DOCUMENT_CHARS) : text;
}
