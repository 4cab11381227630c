import { describe, expect, it } from 'vitest';
import check from '../../../checks/data/deduplication-and-cleaning.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const MANIFEST = [
  'import hashlib',
  'import json',
  'from pathlib import Path',
  '',
  'MANIFEST = Path("data/manifest.json")',
  '',
  'def file_hash(path: Path) -> str:',
  '    return hashlib.sha256(path.read_bytes()).hexdigest()',
  '',
  'def changed_documents(paths: list[Path]) -> list[Path]:',
  '    previous = json.loads(MANIFEST.read_text())',
  '    return [p for p in paths if previous.get(str(p)) != file_hash(p)]',
  '',
].join('\n');

const SEEN_SET = [
  'import hashlib',
  '',
  'def unique(texts: list[str]) -> list[str]:',
  '    seen = set()',
  '    out = []',
  '    for text in texts:',
  '        digest = hashlib.md5(text.strip().lower().encode()).hexdigest()',
  '        if digest not in seen:',
  '            seen.add(digest)',
  '            out.append(text)',
  '    return out',
  '',
].join('\n');

describe('data/deduplication-and-cleaning', () => {
  it.each<CheckRow>([
    { name: 'hashes compared with the previous run\'s manifest', files: { 'flows/diff.py': MANIFEST }, expected: [{ kind: 'strength', messageId: 'changeDetection', at: 'flows/diff.py:10' }] },
    { name: 'a set of seen content hashes', files: { 'clean.py': SEEN_SET }, expected: [{ kind: 'strength', messageId: 'hashDedup', at: 'clean.py:3' }] },
    {
      name: 'pandas drop_duplicates and text cleaning',
      files: { 'prepare.py': 'import unicodedata\nimport ftfy\nimport pandas as pd\ndf = pd.read_csv("qa.csv").drop_duplicates(subset=["question"])\ndf["answer"] = df["answer"].map(lambda t: unicodedata.normalize("NFKC", ftfy.fix_text(t)))\n' },
      expected: [
        { kind: 'strength', messageId: 'dropDuplicates', at: 'prepare.py:4' },
        { kind: 'strength', messageId: 'cleaning', at: 'prepare.py:5' },
      ],
    },
    {
      name: 'MinHash near-duplicate detection',
      files: { 'dedup.py': 'from datasketch import MinHash, MinHashLSH\nlsh = MinHashLSH(threshold=0.9, num_perm=128)\n' },
      expected: [{ kind: 'strength', messageId: 'nearDuplicates', at: 'dedup.py:2' }],
    },
    { name: 'a hash used only as a cache key', files: { 'cache.py': 'import hashlib\n\ndef key(prompt: str) -> str:\n    return hashlib.sha256(prompt.encode()).hexdigest()\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('names the function that skips unchanged documents', async () => {
    const [finding] = await findingsOf(check, { 'flows/diff.py': MANIFEST });
    expect(finding!.message).toBe('`changed_documents` compares content hashes with the previous run: unchanged documents are not processed again');
  });
});
