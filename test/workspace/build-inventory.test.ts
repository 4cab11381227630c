import { describe, expect, it } from 'vitest';
import { buildInventory, type Entry } from '../../src/workspace/build-inventory.js';
import { DEFAULT_LIMITS } from '../../src/types.js';

const file = (path: string, size = 10): Entry => ({ path, kind: 'file', size });

describe('buildInventory', () => {
  it('skips each kind of file with its reason and lists vendored trees once per folder', () => {
    const { read, skipped } = buildInventory(
      [
        file('src/app.py'),
        file('node_modules/a/index.js'),
        file('node_modules/b/index.js'),
        file('web/node_modules/c/x.js'),
        file('.venv/lib/python3.11/site-packages/torch/__init__.py'),
        file('model/adapter.safetensors'),
        file('static/app.min.js'),
        file('package-lock.json'),
        file('data/huge.csv', 5 * 1024 * 1024),
        file('notebooks/big-outputs.ipynb', 5 * 1024 * 1024),
        { path: 'blob.py', kind: 'file', size: null },
        { path: 'leak', kind: 'symlink', size: 0 },
        { path: 'vendor-sub', kind: 'submodule', size: 0 },
      ],
      DEFAULT_LIMITS,
    );
    expect(read.map((e) => e.path)).toEqual(['notebooks/big-outputs.ipynb', 'src/app.py']);
    expect(Object.fromEntries(skipped.map((s) => [s.path, `${s.reason}: ${s.detail}`]))).toEqual({
      'node_modules/': 'vendored: 2 files of vendored or generated code',
      'web/node_modules/': 'vendored: 1 file of vendored or generated code',
      '.venv/': 'vendored: 1 file of vendored or generated code',
      'model/adapter.safetensors': 'binary: binary file type',
      'static/app.min.js': 'vendored: generated or minified',
      'package-lock.json': 'vendored: generated lock file',
      'data/huge.csv': 'too-large: 5.0 MiB is over the 2.0 MiB cap',
      'blob.py': 'missing-blob: larger than the clone size filter',
      leak: 'symlink: symbolic links are never followed',
      'vendor-sub': 'submodule: submodules are not fetched',
    });
  });

  it('stops at the file-count and total-size caps and says so', () => {
    const entries = Array.from({ length: 10 }, (_, i) => file(`f${i}.py`, 100));
    const byCount = buildInventory(entries, { ...DEFAULT_LIMITS, maxFiles: 3 });
    expect(byCount.read).toHaveLength(3);
    expect(byCount.skipped.filter((s) => s.reason === 'limit')).toHaveLength(7);
    expect(byCount.limitsReached).toEqual(['file count cap of 3 reached: 7 more files not read']);
    const bySize = buildInventory(entries, { ...DEFAULT_LIMITS, maxTotalBytes: 450 });
    expect(bySize.read).toHaveLength(4);
    expect(bySize.limitsReached).toEqual(['total size cap of 450 B reached: 6 more files not read']);
  });
});
