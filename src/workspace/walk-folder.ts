import { constants } from 'node:fs';
import { lstat, open, opendir } from 'node:fs/promises';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { Skipped } from '../types.js';
import type { Entry } from './build-inventory.js';
import { isVendoredDir } from './classify-path.js';

const MAX_GITIGNORE_BYTES = 256 * 1024;

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
      const size = child.kind === 'file' ? (await lstat(join(root, path))).size : 0;
      entries.push({ path, kind: child.kind, size });
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
