import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.js';
import { buildAnnotations } from '../../src/publish/build-annotations.js';
import type { Report } from '../../src/report/build-report.js';
import { reviewFixture } from '../helpers/review-fixture.js';

let notebook: Report;
beforeAll(async () => {
  notebook = await reviewFixture('peft-qlora-notebook');
});

describe('buildAnnotations', () => {
  it('annotates each finding at its first evidence: concerns as warnings first, then strengths and info as notices', () => {
    const annotations = buildAnnotations(notebook.findings);
    expect(annotations).toHaveLength(notebook.findings.length);
    const levels = annotations.map((a) => a.annotation_level);
    const warnings = notebook.findings.filter((f) => f.kind === 'concern').length;
    expect(levels).toEqual([...Array(warnings).fill('warning'), ...Array(annotations.length - warnings).fill('notice')]);
    const readme = notebook.findings.find((f) => f.check === 'code-quality/readme-sections')!;
    expect(annotations).toContainEqual({
      path: 'README.md',
      start_line: 1,
      end_line: 1,
      annotation_level: 'warning',
      title: 'concern: code-quality/readme-sections',
      message: readme.question ? `${readme.message}\n\nAsk: ${readme.question}` : readme.message,
    });
  });

  it('puts notebook evidence at line 1 of the .ipynb, naming the cell and line (they count code cells, not file lines)', () => {
    const saving = notebook.findings.find((f) => f.check === 'fine-tuning/adapter-saving')!;
    expect(saving.evidence[0]).toMatchObject({ path: 'finetune.ipynb', line: 22, cell: 6 });
    const annotation = buildAnnotations([saving])[0]!;
    expect(annotation).toMatchObject({ path: 'finetune.ipynb', start_line: 1, end_line: 1, annotation_level: 'warning' });
    expect(annotation.message.startsWith(`cell 6, line 22: ${saving.message}`)).toBe(true);
  });

  it('skips evidence GitHub could not place: absolute or dot paths, line 0, a bad cell', () => {
    const base = notebook.findings.find((f) => f.check === 'code-quality/readme-sections')!;
    const at = (path: string, line: number, cell?: number): Finding => ({ ...base, evidence: [{ path, line, snippet: 'x', ...(cell !== undefined && { cell }) }] });
    const kept = buildAnnotations([at('/etc/passwd', 1), at('../x.py', 1), at('a//b.py', 1), at('a.py', 0), at('a.py', 1.5), at('nb.ipynb', 3, 0), at('ok.py', 3)]);
    expect(kept.map((a) => `${a.path}:${a.start_line}`)).toEqual(['ok.py:3']);
  });

  it('cuts a title to 255 characters without splitting a character', () => {
    const base = notebook.findings[0]!;
    const [annotation] = buildAnnotations([{ ...base, check: `x/${'😀'.repeat(300)}` }]);
    expect(Array.from(annotation!.title)).toHaveLength(255);
    expect(annotation!.title.endsWith('😀…')).toBe(true);
  });
});
