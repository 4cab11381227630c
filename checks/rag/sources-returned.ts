import { defineCheck } from '../../src/engine/define-check.js';
import { isTestPath } from '../../src/facts/query.js';
import type { Evidence } from '../../src/types.js';
import { at } from '../../src/facts/queries/rag.js';

const SOURCE_FIELD = /^(sources|source_documents|source_docs|citations|references|source_ids|doc_ids|document_ids|chunk_ids|passages|contexts|retrieved_docs|retrieved_chunks)$/;
const RESPONSE_CLASS = /(Response|Answer|Result|Output|Reply)$/;

export default defineCheck({
  id: 'rag/sources-returned',
  docs: 'Reports answers returned together with the sources they were drawn from: a response field, a returned dict key, or `return_source_documents=True`.',
  messages: {
    returned: 'Answers come back with their sources (`{{field}}`)',
  },
  *run({ facts, stack }) {
    if (!stack.rag) return;
    // One finding for the submission: the first place is the strongest (a response model's field), the rest follow.
    const hits: { field: string; evidence: Evidence; rank: number }[] = [];
    const found = (field: string, evidence: Evidence, rank = 1) => hits.push({ field, evidence, rank });
    for (const m of facts.python) {
      if (isTestPath(m.path)) continue;
      const responseClasses = new Set(m.classes.filter((c) => RESPONSE_CLASS.test(c.name)).map((c) => c.name));
      for (const a of m.assignments) {
        if (a.scope && responseClasses.has(a.scope) && SOURCE_FIELD.test(a.target)) found(`${a.scope}.${a.target}`, a.evidence, 0);
      }
      // A returned dict: `return {"answer": ..., "sources": [...]}`.
      for (const p of m.pairs) {
        if (SOURCE_FIELD.test(p.key) && m.pairs.some((o) => o.evidence.line >= p.evidence.line - 3 && o.evidence.line <= p.evidence.line && /^(answer|response|result|output)$/.test(o.key))) {
          found(p.key, p.evidence);
        }
      }
      for (const call of m.calls) {
        if (call.kwargs.return_source_documents?.literal === true) found('return_source_documents=True', call.evidence);
      }
    }
    for (const m of facts.scripts) {
      for (const call of m.calls) {
        const object = call.args.find((a) => a.kind === 'object' && /\banswer\b/.test(a.text) && /\b(sources|citations|references|sourceDocuments)\b/.test(a.text));
        if (object) found(/\b(sources|citations|references|sourceDocuments)\b/.exec(object.text)![1]!, call.evidence);
        if (call.args.some((a) => /returnSourceDocuments\s*:\s*true/.test(a.text))) found('returnSourceDocuments: true', call.evidence);
      }
    }
    const [first, ...rest] = hits.sort((a, b) => a.rank - b.rank);
    if (first) yield { kind: 'strength', messageId: 'returned', evidence: [first.evidence, ...rest.map((h) => h.evidence)], data: { field: first.field, at: at(first.evidence) } };
  },
});
