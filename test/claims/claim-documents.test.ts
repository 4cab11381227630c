import { describe, expect, it } from 'vitest';
import { claimDocuments, MAX_DOCUMENT_CHARS, MAX_REPOSITORY_DOCUMENTS } from '../../src/claims/claim-documents.js';
import type { SourceFile } from '../../src/types.js';

const file = (path: string, text = '# x\n'): SourceFile => ({ path, text, bytes: text.length });

describe('the prose read for claims', () => {
  it('reads the write-ups, root first, then the pull request and issue, then nested write-ups and docs/', () => {
    const files = [
      file('docs/design.md'),
      file('app/README.md'),
      file('RESULTS.md'),
      file('README.md'),
      file('REPORT.txt'),
      file('notes.md'),
      file('app.py'),
      file('results.json'),
      file('README.ipynb'),
      file('docs/diagram.png'),
    ];
    const external = [{ origin: 'pull-request' as const, path: 'pull request description', text: 'Adds QLoRA.' }];
    expect(claimDocuments(files, external).map((d) => `${d.origin}:${d.path}`)).toEqual([
      'repository:README.md',
      'repository:REPORT.txt',
      'repository:RESULTS.md',
      'pull-request:pull request description',
      'repository:app/README.md',
      'repository:docs/design.md',
    ]);
  });

  it('reads at most ten repository documents, each up to its first 64 KiB', () => {
    const many = Array.from({ length: 15 }, (_, i) => file(`docs/page-${String(i).padStart(2, '0')}.md`));
    const long = file('README.md', `${'word '.repeat(20_000)}\nQLoRA at the end.\n`);
    const documents = claimDocuments([long, ...many], []);
    expect(documents).toHaveLength(MAX_REPOSITORY_DOCUMENTS);
    expect(documents[0]!.text.length).toBe(MAX_DOCUMENT_CHARS);
    expect(documents[0]!.text).not.toContain('QLoRA');
  });
});
