import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../package-root.js';

let version: string | undefined;

/**
 * A digest of everything that decides what facts a file yields: the code of the facts stage (this
 * folder, as it runs: `src/facts` or `dist/src/facts`), the exact versions of the parsers in
 * `package.json`, and V8's (entries are in its serialisation format). Part of every facts-cache key, so a changed extractor can never read an entry an
 * older one wrote. Computed once per process.
 */
export function factsCodeVersion(): string {
  if (version) return version;
  const hash = createHash('sha256');
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version?: string; dependencies?: Record<string, string> };
  // Entries are V8-serialised: another V8 may not read them back the same.
  hash.update(JSON.stringify([pkg.version, pkg.dependencies, process.versions.v8]));
  const here = fileURLToPath(new URL('.', import.meta.url));
  const errors = fileURLToPath(new URL(`../errors${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));
  for (const path of [...codeFiles(here), errors]) hash.update(path.slice(here.length)).update(readFileSync(path));
  return (version = hash.digest('hex').slice(0, 16));
}

function codeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
