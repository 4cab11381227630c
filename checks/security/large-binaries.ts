import { defineCheck } from '../../src/engine/define-check.js';
import { at } from '../../src/facts/queries/security.js';
import { formatBytes } from '../../src/workspace/build-inventory.js';
import type { Evidence, Skipped } from '../../src/types.js';

/** Files this large belong in Git LFS, a model hub, a dataset store or a download step. */
const LARGE_BYTES = 10 * 1024 * 1024;
/** Reported with their sizes in the message; the rest are counted. */
const LISTED = 5;

/** A committed file too large to read: weights, datasets, archives. Blobs left out of a partial clone are over its size filter. */
function isLarge(file: Skipped): boolean {
  if (file.reason === 'missing-blob') return true;
  return (file.reason === 'binary' || file.reason === 'too-large') && (file.bytes ?? 0) > LARGE_BYTES;
}

export default defineCheck({
  id: 'security/large-binaries',
  docs: 'Reports large files committed to git (model weights, datasets, archives over 10 MB) and says when the repository tracks files with Git LFS.',
  messages: {
    committed: '{{count}} large file(s) are committed to git ({{files}}): every clone downloads them, and weights or data in history stay there after deletion',
    lfs: 'Git LFS tracks `{{patterns}}` (`{{path}}`)',
    lfsConfig: 'Git LFS is configured in `{{path}}`',
  },
  questions: {
    committed: '`{{first}}` is committed to the repository — how would a teammate or a CI job get that file if it were not in git, and how would you version it?',
  },
  *run({ facts, skipped }) {
    const large = skipped.filter(isLarge).sort((a, b) => (b.bytes ?? 0) - (a.bytes ?? 0));
    if (large.length) {
      const shown = large.slice(0, LISTED).map((f) => `\`${f.path}\` ${f.bytes === undefined ? 'size unknown' : formatBytes(f.bytes)}`);
      if (large.length > LISTED) shown.push(`${large.length - LISTED} more`);
      // A binary has no line to show: its evidence is the file itself.
      const evidence = large.map((f): Evidence => ({ path: f.path, line: 1, snippet: '' }));
      yield { kind: 'concern', messageId: 'committed', evidence: [evidence[0]!, ...evidence.slice(1)], data: { count: large.length, files: shown.join(', '), first: large[0]!.path } };
    }
    for (const file of facts.files) {
      const name = file.path.slice(file.path.lastIndexOf('/') + 1);
      if (name === '.lfsconfig') {
        const evidence = facts.secrets.find((hit) => hit.evidence.path === file.path && hit.evidence.line === 1)?.evidence ?? { path: file.path, line: 1, snippet: file.text.split('\n')[0]!.trim().slice(0, 200) };
        yield { kind: 'info', messageId: 'lfsConfig', evidence: [evidence], data: { path: file.path } };
        continue;
      }
      if (name !== '.gitattributes') continue;
      const lines = file.text.split('\n');
      const tracked = lines.map((line, i) => ({ line, i })).filter(({ line }) => !line.trimStart().startsWith('#') && /\sfilter=lfs\b/.test(line));
      if (!tracked.length) continue;
      const patterns = tracked.map(({ line }) => line.trim().split(/\s+/)[0]!);
      const first = tracked[0]!;
      const evidence: Evidence = { path: file.path, line: first.i + 1, snippet: first.line.trim() };
      yield { kind: 'info', messageId: 'lfs', evidence: [evidence], data: { patterns: patterns.slice(0, 6).join('`, `') + (patterns.length > 6 ? ', …' : ''), path: file.path, at: at(evidence) } };
    }
  },
});
