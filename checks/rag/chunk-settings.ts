import { defineCheck } from '../../src/engine/define-check.js';
import { at, ownChunkerCalls, shown, textSplitters } from '../../src/facts/queries/rag.js';

export default defineCheck({
  id: 'rag/chunk-settings',
  docs: 'Reports how documents are chunked: each text splitter that is used, with its unit (characters or tokens), chunk size and overlap, or the candidate’s own chunking function.',
  messages: {
    splitter: '`{{splitter}}` splits by {{unit}}: chunk_size={{size}}, chunk_overlap={{overlap}}',
    ownChunker: 'Documents are chunked by the candidate’s own function `{{name}}`',
  },
  questions: {
    ownChunker: 'You wrote your own chunker (`{{name}}` at {{at}}) instead of a library splitter: what does it do at sentence and word boundaries, and how did you pick its size?',
  },
  *run({ facts }) {
    for (const s of textSplitters(facts)) {
      if (!s.used) continue;
      const size = s.size === null ? `default (${s.defaultSize ?? 'none'})` : shown(s.size, '?');
      const overlap = s.overlap === null ? `default (${s.defaultOverlap ?? 'none'})` : shown(s.overlap, '?');
      yield { kind: 'info', messageId: 'splitter', evidence: [s.evidence], data: { splitter: s.name, unit: s.unit, size, overlap, at: at(s.evidence) } };
    }
    const seen = new Set<string>();
    for (const call of ownChunkerCalls(facts)) {
      if (seen.has(call.name)) continue;
      seen.add(call.name);
      const definition = facts.python.flatMap((m) => m.functions).find((f) => f.name === call.name)!;
      yield { kind: 'info', messageId: 'ownChunker', evidence: [definition.evidence, call.evidence], data: { name: call.name, at: at(definition.evidence) } };
    }
  },
});
