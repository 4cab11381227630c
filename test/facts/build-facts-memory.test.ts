import { describe, expect, it } from 'vitest';
import { buildFacts, HEAP_SHARE } from '../../src/facts/build-facts.js';
import type { SourceFile, Workspace } from '../../src/types.js';

const files: SourceFile[] = Array.from({ length: 100 }, (_, i) => {
  const text = `import chromadb\nclient_${i} = chromadb.PersistentClient(path="db")\n`;
  return { path: `pkg/module_${String(i).padStart(3, '0')}.py`, text, bytes: text.length };
});
const workspace: Workspace = { source: 'memory-test', commit: null, base: null, files, skipped: [], unchanged: 0, limitsReached: [], history: null };
const LIMIT = 1024 * 2 ** 20;

describe('the facts stage under memory pressure', () => {
  it('stops parsing once the heap passes its share of the limit, and says so: a partial report, not a crashed process', async () => {
    // The heap is read every 32 files: under budget at file 32, over it at file 64.
    const readings = [10 * 2 ** 20, LIMIT * HEAP_SHARE + 2 ** 20];
    const result = await buildFacts(workspace, { heap: () => ({ used: readings.shift() ?? Infinity, limit: LIMIT }) });
    expect(result.facts.python.map((m) => m.path)).toEqual(files.slice(0, 64).map((f) => f.path));
    expect(result.limitsReached).toEqual(['partially analysed: the facts reached the memory budget (513 MB of heap in use, half the process\'s limit); 36 of 100 files were not parsed']);
    expect(result.skipped).toHaveLength(36);
    expect(result.skipped[0]).toEqual({ path: 'pkg/module_064.py', reason: 'limit', detail: 'not parsed: the review reached its memory budget' });
  });

  it('parses everything while the heap stays under it', async () => {
    const result = await buildFacts(workspace, { heap: () => ({ used: LIMIT * HEAP_SHARE - 1, limit: LIMIT }) });
    expect(result.facts.python).toHaveLength(100);
    expect(result.limitsReached).toEqual([]);
  });
});
