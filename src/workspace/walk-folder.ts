import { constants } from 'node:fs';
import { lstat, open, opendir } from 'node:fs/promises';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { mapLimited } from '../map-limited.js';
import type { Skipped } from '../types.js';
import type { Entry } from './build-inventory.js';
import { isVendoredDir } from './classify-path.js';

const MAX_GITIGNORE_BYTES = 256 * 1024;
/** `lstat` calls in flight at once. */
const STATS_IN_FLIGHT = 16;

interface IgnoreScope {
  /** Folder of the `.gitignore`, relative to the root, '' or ending in '/'. */
  base: string;
  rules: Ignore;
}

export interface FolderListing {
  entries: Entry[];
  /** Folders and files left out by `.gitignore` or as vendored trees. */
  skipped: Skipped[];
  /** True when the walk stopped early at `maxEntries`. */
  truncated: boolean;
}

/**
 * Lists a local folder without following a single symbolic link (`lstat` only) and without
 * leaving the root. Honours `.gitignore` files at every level; vendored folders are not entered.
 */
export async function walkFolder(root: string, maxEntries: number): Promise<FolderListing> {
  const entries: Entry[] = [];
  const skipped: Skipped[] = [];
  let truncated = false;

  const visit = async (relDir: string, scopes: IgnoreScope[]): Promise<void> => {
    const here = relDir ? join(root, relDir) : root;
    const local = await readGitignore(join(here, '.gitignore'));
    const active = local ? [...scopes, { base: relDir, rules: ignore().add(local) }] : scopes;
    const dir = await opendir(here);
    const children: { name: string; kind: Entry['kind'] | 'dir' }[] = [];
    for await (const dirent of dir) {
      const kind = dirent.isDirectory() ? 'dir' : dirent.isFile() ? 'file' : dirent.isSymbolicLink() ? 'symlink' : 'other';
      children.push({ name: dirent.name, kind });
    }
    children.sort((a, b) => (a.name < b.name ? -1 : 1));
    // The listed files' sizes, asked for together (one `lstat` at a time leaves the file system
    // idle), and no more of them than the listing has room for.
    const listed = children.filter((child) => child.kind === 'file' && !isIgnored(active, relDir + child.name)).slice(0, maxEntries - entries.length);
    const sizes = await mapLimited(listed, STATS_IN_FLIGHT, async (child) => (await lstat(join(root, relDir + child.name))).size);
    const sizeOf = new Map(listed.map((child, index) => [child, sizes[index]!]));
    for (const child of children) {
      if (entries.length >= maxEntries) {
        truncated = true;
        return;
      }
      const path = relDir + child.name;
      if (child.kind === 'dir') {
        if (child.name === '.git') continue;
        if (isVendoredDir(child.name)) {
          skipped.push({ path: `${path}/`, reason: 'vendored', detail: 'vendored or generated folder' });
        } else if (isIgnored(active, `${path}/`)) {
          skipped.push({ path: `${path}/`, reason: 'ignored', detail: 'listed in .gitignore' });
        } else {
          await visit(`${path}/`, active);
        }
        continue;
      }
      if (isIgnored(active, path)) {
        skipped.push({ path, reason: 'ignored', detail: 'listed in .gitignore' });
        continue;
      }
      entries.push({ path, kind: child.kind, size: sizeOf.get(child) ?? 0 });
    }
  };

  await visit('', []);
  return { entries, skipped, truncated };
}

function isIgnored(scopes: readonly IgnoreScope[], path: string): boolean {
  return scopes.some((scope) => path.startsWith(scope.base) && scope.rules.ignores(path.slice(scope.base.length)));
}

async function readGitignore(path: string): Promise<string | null> {
  try {
    return (await readRegularFile(path, MAX_GITIGNORE_BYTES))?.toString('utf8') ?? null;
  } catch {
    return null;
  }
}

/**
 * Reads a regular file, refusing to follow a symbolic link even if one was swapped in after the
 * walk (`O_NOFOLLOW`), and never more than `maxBytes`. Null when it is not a regular file.
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<Buffer | null> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const stat = await handle.stat();
    if (!stat.isFile() || stat.size > maxBytes) return null;
    const buffer = Buffer.alloc(stat.size);
    let offset = 0;
    while (offset < stat.size) {
      const { bytesRead } = await handle.read(buffer, offset, stat.size - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return buffer.subarray(0, offset);
  } finally {
    await handle.close();
  }
}
