import { describe, expect, it } from 'vitest';
import largeBinaries from '../../../checks/security/large-binaries.js';
import { reviewFiles } from '../../helpers/review-files.js';

const MB = 1024 * 1024;

async function run(files: Record<string, string | Buffer>) {
  const report = await reviewFiles(files, { checks: [largeBinaries] });
  return report.findings.map((f) => ({ kind: f.kind, messageId: f.messageId, at: f.evidence.map((e) => `${e.path}:${e.line}`), message: f.message, question: f.question }));
}

describe('security/large-binaries', () => {
  it('reports committed weights and data over 10 MB, largest first, in one finding', async () => {
    const findings = await run({
      'models/adapter_model.safetensors': Buffer.alloc(12 * MB),
      'data/qa_pairs.parquet': Buffer.alloc(11 * MB),
      'data/small.npy': Buffer.alloc(MB),
      'app.py': 'x = 1\n',
    });
    expect(findings).toEqual([
      {
        kind: 'concern',
        messageId: 'committed',
        at: ['models/adapter_model.safetensors:1', 'data/qa_pairs.parquet:1'],
        message: '2 large file(s) are committed to git (`models/adapter_model.safetensors` 12.0 MiB, `data/qa_pairs.parquet` 11.0 MiB): every clone downloads them, and weights or data in history stay there after deletion',
        question: '`models/adapter_model.safetensors` is committed to the repository — how would a teammate or a CI job get that file if it were not in git, and how would you version it?',
      },
    ]);
  });

  it('reports a text dataset too large to read', async () => {
    const csv = `question,answer\n${'What is RAG?,Retrieval-augmented generation\n'.repeat(Math.ceil((11 * MB) / 45))}`;
    expect((await run({ 'data/qa.csv': csv })).map((f) => f.at)).toEqual([['data/qa.csv:1']]);
  });

  it('reports Git LFS tracking as info, at the .gitattributes line', async () => {
    const findings = await run({ '.gitattributes': '# binaries\n*.safetensors filter=lfs diff=lfs merge=lfs -text\n*.parquet filter=lfs diff=lfs merge=lfs -text\n*.py text eol=lf\n' });
    expect(findings).toEqual([expect.objectContaining({ kind: 'info', messageId: 'lfs', at: ['.gitattributes:2'], message: 'Git LFS tracks `*.safetensors`, `*.parquet` (`.gitattributes`)' })]);
  });

  it.each<{ name: string; files: Record<string, string | Buffer> }>([
    { name: 'small binaries and images', files: { 'docs/diagram.png': Buffer.alloc(2 * MB), 'emb.npy': Buffer.alloc(5 * MB) } },
    { name: 'a .gitattributes without LFS', files: { '.gitattributes': '*.py text eol=lf\n# *.bin filter=lfs\n' } },
    { name: 'a README that mentions LFS', files: { 'README.md': 'Weights are in Git LFS (`filter=lfs`).\n' } },
  ])('stays quiet about $name', async ({ files }) => {
    expect(await run(files)).toEqual([]);
  });
});
