import { describe, expect, it } from 'vitest';
import check from '../../../checks/code-quality/notebook-outputs.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

/** A notebook whose one code cell saved `outputBytes` of printed text (built at test time, never committed). */
function notebookWithOutputs(outputBytes: number): string {
  const line = `${'x'.repeat(1023)}\n`;
  const text = Array.from({ length: Math.ceil(outputBytes / line.length) }, () => line);
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: 'python3', language: 'python' } },
    cells: [
      { cell_type: 'markdown', source: ['# Training run'] },
      { cell_type: 'code', source: ['for step in range(100000):\n', '    print("x" * 1023)'], outputs: [{ output_type: 'stream', name: 'stdout', text }] },
    ],
  });
}

describe('code-quality/notebook-outputs', () => {
  it.each<CheckRow>([
    { name: 'a notebook with 5 MB of outputs', files: { 'train.ipynb': notebookWithOutputs(5 * 1024 * 1024) }, expected: [{ kind: 'concern', messageId: 'hugeOutputs', at: 'train.ipynb:1' }] },
    { name: 'a notebook with small outputs', files: { 'train.ipynb': notebookWithOutputs(20 * 1024) }, expected: [] },
    { name: 'a notebook with outputs cleared', files: { 'train.ipynb': notebookWithOutputs(0) }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('gives the size in megabytes', async () => {
    const [finding] = await findingsOf(check, { 'train.ipynb': notebookWithOutputs(5 * 1024 * 1024) });
    expect(finding!.message).toMatch(/^`train\.ipynb` is committed with 5\.\d MB of cell outputs \(1 code cells\)$/);
    expect(finding!.question).toContain('how do you keep notebooks reviewable in version control');
  });
});
