import { describe, expect, it } from 'vitest';
import { readNotebook } from '../../../src/facts/notebook/read-notebook.js';

const notebook = (cells: unknown[], metadata: unknown = {}) => JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata, cells });

describe('readNotebook', () => {
  it('joins code cells line for line and maps lines back to cells', () => {
    const nb = readNotebook(
      'nb.ipynb',
      notebook([
        { cell_type: 'markdown', source: ['# Title\n', 'prose with import torch'] },
        { cell_type: 'code', source: ['%pip install -q peft==0.11.1 "trl>=0.8" -U\n', 'import peft\n'], outputs: [{ text: 'import secret_output' }] },
        { cell_type: 'code', source: '%%bash\nls -la\necho hi' },
        { cell_type: 'code', source: 'files = !ls\nmodel?\nfrom transformers import AutoModel\n' },
      ]),
    );
    expect(nb.python.split('\n')).toEqual(['', 'import peft', '', '', '', '', '', 'from transformers import AutoModel']);
    expect(nb.installs).toEqual([{ line: 1, packages: ['peft==0.11.1', 'trl>=0.8'] }]);
    expect(nb.evidenceAt(2)).toEqual({ path: 'nb.ipynb', line: 2, snippet: 'import peft', cell: 2 });
    expect(nb.evidenceAt(8)).toEqual({ path: 'nb.ipynb', line: 8, snippet: 'from transformers import AutoModel', cell: 4 });
    expect(nb.python).not.toContain('secret_output');
  });

  it('rejects JSON that is not a notebook with one line, and skips cells of the wrong type', () => {
    expect(() => readNotebook('a.ipynb', '{"cells": ')).toThrow(/invalid notebook JSON/);
    expect(() => readNotebook('a.ipynb', '{"nbformat": 4}')).toThrow('not a notebook: no cells array');
    const nb = readNotebook('a.ipynb', notebook([{ cell_type: 'code', source: 42 }, 'junk', { cell_type: 'code', source: ['x = 1'] }]));
    expect(nb.python).toBe('x = 1');
    expect(nb.evidenceAt(1).cell).toBe(3);
  });

  it('does not parse notebooks of other kernels as Python', () => {
    const nb = readNotebook('r.ipynb', notebook([{ cell_type: 'code', source: 'library(dplyr)' }], { kernelspec: { language: 'R' } }));
    expect(nb.isPython).toBe(false);
  });

  it('survives JSON nested a hundred thousand levels deep', () => {
    expect(() => readNotebook('deep.ipynb', `${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toThrow('not a notebook');
  });
});
