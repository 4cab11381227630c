import { defineCheck } from '../../src/engine/define-check.js';
import { at, textSplitters } from '../../src/facts/queries/rag.js';

const SPLITTER = /^(\w*TextSplitter|SentenceSplitter|TokenSplitter|SemanticChunker|SemanticSplitterNodeParser|SentenceWindowNodeParser)$/;
const PACKAGE = /^(langchain|langchain_\w+|llama_index|@langchain\/|langchain\/|llamaindex|@llamaindex\/)/;

export default defineCheck({
  id: 'rag/splitter-never-called',
  docs: 'Reports a text splitter that is imported or constructed but never splits anything: it looks like chunking in the imports, yet no document is chunked by it.',
  messages: {
    constructed: '`{{splitter}}` is created at {{at}} but never splits anything: no split call and not handed to a loader or index',
    imported: '`{{splitter}}` is imported but never used',
  },
  questions: {
    constructed: '`{{splitter}}` is created at `{{at}}` but nothing calls it — are your documents chunked at all, and where?',
  },
  *run({ facts }) {
    for (const s of textSplitters(facts)) {
      if (!s.used) yield { kind: 'concern', messageId: 'constructed', evidence: [s.evidence], data: { splitter: s.name, at: at(s.evidence) } };
    }
    for (const m of facts.python) {
      for (const i of m.imports) {
        if (!i.name || !SPLITTER.test(i.name) || !PACKAGE.test(i.module)) continue;
        if (m.calls.some((c) => c.raw === i.alias || c.raw.startsWith(`${i.alias}.`))) continue;
        if (m.assignments.some((a) => a.value.text.includes(i.alias)) || m.calls.some((c) => Object.values(c.kwargs).concat(c.args).some((v) => v.text.includes(i.alias)))) continue;
        yield { kind: 'concern', messageId: 'imported', evidence: [i.evidence], data: { splitter: i.name, at: at(i.evidence) } };
      }
    }
    for (const m of facts.scripts) {
      for (const i of m.imports) {
        if (!SPLITTER.test(i.name) || !PACKAGE.test(i.module)) continue;
        if (m.calls.some((c) => c.raw === i.alias || c.raw.startsWith(`${i.alias}.`) || c.args.some((a) => a.text.includes(i.alias)))) continue;
        yield { kind: 'concern', messageId: 'imported', evidence: [i.evidence], data: { splitter: i.name, at: at(i.evidence) } };
      }
    }
  },
});
