import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding this package's `package.json` and `templates/`, from `src/` or `dist/src/`. */
export const PACKAGE_ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!(existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'templates')))) {
    if (dirname(dir) === dir) throw new Error('package root not found');
    dir = dirname(dir);
  }
  return dir;
})();
