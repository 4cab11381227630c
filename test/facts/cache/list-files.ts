import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Every file under `root`, as paths relative to it, sorted. */
export async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out.push(relative(root, path));
    }
  };
  await walk(root);
  return out.sort();
}
