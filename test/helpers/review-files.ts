import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { review, type ReviewOptions } from '../../src/review.js';
import { parseSource } from '../../src/source/parse-source.js';

/**
 * Reviews an inline mini-repository — `{ 'app/rag.py': '...' }` — through the real workspace,
 * parsers and checks, then removes it. The table tests of checks and detectors are built on it.
 */
export async function reviewFiles(files: Record<string, string | Buffer>, options: ReviewOptions = {}) {
  const root = await mkdtemp(join(tmpdir(), 'cr-files-'));
  try {
    for (const [path, content] of Object.entries(files)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), content);
    }
    return await review(parseSource(root, { cwd: root }), options);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
