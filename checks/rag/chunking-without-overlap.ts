import { defineCheck } from '../../src/engine/define-check.js';
import { at, ownChunkerCalls, shown, textSplitters } from '../../src/facts/queries/rag.js';

export default defineCheck({
  id: 'rag/chunking-without-overlap',
  docs: 'Reports chunking with an overlap of zero: a sentence cut at a chunk boundary is then whole in neither chunk.',
  messages: {
    noOverlap: '`{{splitter}}` cuts chunks of {{size}} {{unit}} with no overlap (chunk_overlap=0)',
  },
  questions: {
    noOverlap: '`chunk_size={{size}}` with no overlap at `{{at}}` — how did you choose it, and how would you measure retrieval recall?',
  },
  *run({ facts }) {
    for (const s of textSplitters(facts)) {
      if (!s.used || s.overlap !== 0) continue;
      const size = s.size === null ? `${s.defaultSize ?? 'default'}` : shown(s.size, '?');
      yield { kind: 'concern', messageId: 'noOverlap', evidence: [s.evidence], data: { splitter: s.name, size, unit: s.unit, at: at(s.evidence) } };
    }
    // The candidate's own chunker called with an explicit zero overlap: `chunk_text(doc, size=2000, overlap=0)`.
    for (const call of ownChunkerCalls(facts)) {
      const overlap = Object.entries(call.kwargs).find(([key]) => /overlap/i.test(key));
      if (!overlap || overlap[1]?.literal !== 0) continue;
      const sizeArg = Object.entries(call.kwargs).find(([key]) => /size|length|max/i.test(key))?.[1];
      yield { kind: 'concern', messageId: 'noOverlap', evidence: [call.evidence], data: { splitter: call.name, size: shown(sizeArg?.literal, sizeArg?.text ?? '?'), unit: 'units', at: at(call.evidence) } };
    }
  },
});
