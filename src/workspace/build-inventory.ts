import type { Limits, Skipped } from '../types.js';
import { skipByPath, vendoredRoot } from './classify-path.js';

/** One path of the submission as its source lists it, before anything is read. */
export interface Entry {
  path: string;
  kind: 'file' | 'symlink' | 'submodule' | 'other';
  /** Bytes, or null when the content is not available (a blob missing from a partial clone). */
  size: number | null;
}

export interface Inventory {
  /** Files to read, in path order, within every cap. */
  read: Entry[];
  skipped: Skipped[];
  limitsReached: string[];
}

/**
 * Decides, from paths and sizes alone, which files are read and why the others are not.
 * Vendored trees are listed once per folder ("node_modules/: 1200 files"), not file by file.
 */
export function buildInventory(entries: Iterable<Entry>, limits: Limits): Inventory {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const read: Entry[] = [];
  const skipped: Skipped[] = [];
  const vendored = new Map<string, { files: number; bytes: number }>();
  const limitsReached: string[] = [];
  let totalBytes = 0;
  let overCount = 0;
  let overBytes = 0;

  for (const entry of sorted) {
    const root = vendoredRoot(entry.path);
    if (root) {
      const folder = vendored.get(root) ?? { files: 0, bytes: 0 };
      vendored.set(root, { files: folder.files + 1, bytes: folder.bytes + (entry.size ?? 0) });
      continue;
    }
    if (entry.kind === 'symlink') {
      skipped.push({ path: entry.path, reason: 'symlink', detail: 'symbolic links are never followed' });
      continue;
    }
    if (entry.kind === 'submodule') {
      skipped.push({ path: entry.path, reason: 'submodule', detail: 'submodules are not fetched' });
      continue;
    }
    if (entry.kind !== 'file') {
      skipped.push({ path: entry.path, reason: 'unreadable', detail: 'not a regular file' });
      continue;
    }
    const byPath = skipByPath(entry.path);
    if (byPath) {
      skipped.push({ path: entry.path, ...byPath, ...sizeOf(entry) });
      continue;
    }
    if (entry.size === null) {
      skipped.push({ path: entry.path, reason: 'missing-blob', detail: 'larger than the clone size filter' });
      continue;
    }
    const cap = entry.path.endsWith('.ipynb') ? limits.maxNotebookBytes : limits.maxFileBytes;
    if (entry.size > cap) {
      skipped.push({ path: entry.path, reason: 'too-large', detail: `${formatBytes(entry.size)} is over the ${formatBytes(cap)} cap`, bytes: entry.size });
      continue;
    }
    if (read.length >= limits.maxFiles) {
      overCount++;
      skipped.push({ path: entry.path, reason: 'limit', detail: 'file count cap reached' });
      continue;
    }
    if (totalBytes + entry.size > limits.maxTotalBytes) {
      overBytes++;
      skipped.push({ path: entry.path, reason: 'limit', detail: 'total size cap reached' });
      continue;
    }
    totalBytes += entry.size;
    read.push(entry);
  }

  for (const [root, { files, bytes }] of vendored) {
    skipped.push({ path: root, reason: 'vendored', detail: `${files} file${files === 1 ? '' : 's'} of vendored or generated code`, bytes });
  }
  if (overCount) limitsReached.push(`file count cap of ${limits.maxFiles} reached: ${overCount} more files not read`);
  if (overBytes) limitsReached.push(`total size cap of ${formatBytes(limits.maxTotalBytes)} reached: ${overBytes} more files not read`);
  return { read, skipped, limitsReached };
}

function sizeOf(entry: Entry): { bytes?: number } {
  return entry.size === null ? {} : { bytes: entry.size };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
