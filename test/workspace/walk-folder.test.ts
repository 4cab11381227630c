import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkFolder } from '../../src/workspace/walk-folder.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cr-walk-'));
  const files: Record<string, string> = {
    '.gitignore': 'data/\n*.log\n!keep.log\n',
    'app.py': 'x = 1\n',
    'debug.log': 'noise\n',
    'keep.log': 'kept\n',
    'data/train.jsonl': '{}\n',
    'pkg/.gitignore': 'generated.py\n',
    'pkg/generated.py': 'y = 2\n',
    'pkg/real.py': 'z = 3\n',
    'node_modules/left-pad/index.js': 'module.exports = 1;\n',
    '.git/config': '[core]\n',
  };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  await symlink('/etc', join(root, 'etc-link'));
  await symlink('..', join(root, 'pkg', 'up'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('walkFolder', () => {
  it('honours nested .gitignore files, never enters links, vendored trees or .git', async () => {
    const { entries, skipped } = await walkFolder(root, 1000);
    expect(entries.map((e) => `${e.path}:${e.kind}`).sort()).toEqual(
      ['.gitignore:file', 'app.py:file', 'etc-link:symlink', 'keep.log:file', 'pkg/.gitignore:file', 'pkg/real.py:file', 'pkg/up:symlink'].sort(),
    );
    expect(Object.fromEntries(skipped.map((s) => [s.path, s.reason]))).toEqual({
      'data/': 'ignored',
      'debug.log': 'ignored',
      'pkg/generated.py': 'ignored',
      'node_modules/': 'vendored',
    });
  });

  it('stops listing at the entry cap', async () => {
    const { entries, truncated } = await walkFolder(root, 2);
    expect(entries).toHaveLength(2);
    expect(truncated).toBe(true);
  });
});
