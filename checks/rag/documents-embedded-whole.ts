import { defineCheck } from '../../src/engine/define-check.js';
import { at, chunksDocuments, ingestionCalls } from '../../src/facts/queries/rag.js';

export default defineCheck({
  id: 'rag/documents-embedded-whole',
  docs: 'Reports documents written into a vector store with no chunking anywhere in the submission: each document becomes one vector, whatever its length.',
  messages: {
    unchunked: 'Documents go into the vector store whole at {{at}}: nothing in the code splits them into chunks',
  },
  questions: {
    unchunked: '`{{at}}` embeds each document whole, without chunking — how long are your documents, and what happens to text beyond the embedding model’s input limit?',
  },
  *run({ facts, stack }) {
    if (!stack.rag || chunksDocuments(facts)) return;
    const files = new Set<string>();
    for (const call of ingestionCalls(facts)) {
      if (files.has(call.evidence.path)) continue;
      files.add(call.evidence.path);
      yield { kind: 'concern', messageId: 'unchunked', evidence: [call.evidence], data: { at: at(call.evidence) } };
    }
  },
});
