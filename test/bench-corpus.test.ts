import { describe, expect, it } from 'vitest';
import { corpusFiles, SIZES } from '../bench/make-corpus.js';

const pythonBytes = (files: Map<string, string>) => [...files].filter(([path]) => path.endsWith('.py')).reduce((sum, [, text]) => sum + Buffer.byteLength(text), 0);

describe('the benchmark corpus', () => {
  it('is the same bytes for the same seed, and different for another', () => {
    const a = corpusFiles(SIZES['take-home'].files, SIZES['take-home'].pythonBytes, 42);
    const b = corpusFiles(SIZES['take-home'].files, SIZES['take-home'].pythonBytes, 42);
    const c = corpusFiles(SIZES['take-home'].files, SIZES['take-home'].pythonBytes, 43);
    expect([...a]).toEqual([...b]);
    expect([...a]).not.toEqual([...c]);
  });

  it('has the mid size of the issue: ~1,000 files and ~6 MB of Python, of every kind a submission holds', () => {
    const files = corpusFiles(SIZES.mid.files, SIZES.mid.pythonBytes);
    expect(files.size).toBe(1000);
    expect(pythonBytes(files) / 1e6).toBeGreaterThan(5);
    expect(pythonBytes(files) / 1e6).toBeLessThan(7);
    const paths = [...files.keys()];
    for (const kind of [/\.py$/, /^tests\/test_.*\.py$/, /\.ipynb$/, /\.ts$/, /(^|\/)Dockerfile$/, /requirements\.txt$/, /pyproject\.toml$/, /package\.json$/]) {
      expect(paths.some((path) => kind.test(path)), String(kind)).toBe(true);
    }
    const module = [...files].find(([path]) => path.endsWith('.py') && !path.endsWith('__init__.py'))![1];
    expect(module).toMatch(/^(import |from )/m);
    expect(module).toMatch(/\w+\(\w+=/); // a call with a keyword argument
    expect(JSON.parse([...files].find(([path]) => path.endsWith('.ipynb'))![1]).cells.length).toBeGreaterThan(1);
  });
});
