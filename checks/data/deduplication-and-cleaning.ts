import { defineCheck } from '../../src/engine/define-check.js';
import { callsInFunction } from '../../src/facts/queries/ops.js';
import { isTestPath, plainCallee } from '../../src/facts/query.js';
import { contentHashes } from '../../src/facts/queries/data.js';
import type { PyCall } from '../../src/facts/types.js';

/** Names that hold what a previous run or earlier documents left: the comparison side of change detection or de-duplication. */
const SEEN = /^(seen|seen_\w+|\w+_seen|known|known_\w+|existing|existing_\w+|previous|prev|manifest|\w+_manifest|MANIFEST|indexed|already_\w+|stored|old_\w+|hashes|\w+_hashes|dedup\w*)$/;
const CHANGE = /^(previous|prev|manifest|\w+_manifest|MANIFEST|stored|old_\w+|indexed|existing|existing_\w+)$/;
const NEAR_DUPLICATES = /^(datasketch\.(MinHash|MinHashLSH|LeanMinHash)|text_dedup\.\w+|simhash\.\w+)$/;
const CLEANERS: readonly [RegExp, string][] = [
  [/^ftfy\.(fix_text|fix_encoding)$/, 'ftfy'],
  [/^unicodedata\.normalize$/, 'Unicode normalisation'],
  [/^unstructured\.cleaners\.\w+(\.\w+)*$/, 'unstructured cleaners'],
  [/^(cleantext\.clean|clean_text\.clean)$/, 'clean-text'],
  [/^(presidio_analyzer\.AnalyzerEngine|presidio_anonymizer\.AnonymizerEngine|scrubadub\.\w+)$/, 'PII scrubbing'],
  [/^langdetect\.detect$|^fasttext\.load_model$/, 'language filtering'],
];

export default defineCheck({
  id: 'data/deduplication-and-cleaning',
  docs: 'Reports de-duplication and cleaning of the corpus: `drop_duplicates`, content hashes checked against documents already seen or indexed (skipping unchanged ones), MinHash near-duplicate detection, LlamaIndex docstore de-duplication, and text cleaning (ftfy, Unicode normalisation, unstructured cleaners, PII scrubbing).',
  messages: {
    dropDuplicates: 'Duplicate rows are dropped (`{{call}}`)',
    hashDedup: '`{{name}}` drops documents whose content hash was already seen',
    changeDetection: '`{{name}}` compares content hashes with the previous run: unchanged documents are not processed again',
    nearDuplicates: 'Near-duplicate documents are detected with `{{call}}`',
    docstoreDedup: 'The ingestion pipeline keeps a docstore, so documents already ingested are skipped (`{{call}}`)',
    cleaning: 'Text is cleaned before indexing: {{cleaners}}',
  },
  questions: {
    changeDetection: '`{{name}}` skips unchanged documents by hash — what happens to the index when a document is renamed, or when you change the chunker or embedding model?',
    dropDuplicates: 'How many duplicates did `{{call}}` remove from your data, and did near-duplicates (the same answer reworded) matter?',
  },
  *run({ facts }) {
    const hashes = new Set(contentHashes(facts));
    const hashing = new Set([...hashes].map((c) => c.scope).filter((s): s is string => s !== null).map((s) => s.slice(s.lastIndexOf('.') + 1)));
    const cleaners = new Map<string, PyCall>();
    let drop: PyCall | undefined;
    let near: PyCall | undefined;
    let docstore: PyCall | undefined;
    for (const module of facts.python) {
      if (isTestPath(module.path)) continue;
      for (const call of module.calls) {
        const plain = plainCallee(call.callee);
        if (!drop && call.name === 'drop_duplicates') drop = call;
        else if (!near && NEAR_DUPLICATES.test(plain)) near = call;
        else if (!docstore && /^llama_index(\.\w+)*\.IngestionPipeline$/.test(plain) && call.kwargs['docstore']) docstore = call;
        const cleaner = CLEANERS.find(([pattern]) => pattern.test(plain))?.[1];
        if (cleaner && !cleaners.has(cleaner)) cleaners.set(cleaner, call);
      }
      for (const fn of module.functions) {
        const calls = callsInFunction(fn, module);
        // The function hashes content itself or through one of the candidate's hashing functions (`file_hash(p)`).
        const hash = calls.find((c) => hashes.has(c) || hashing.has(c.name));
        if (!hash) continue;
        const reads = [...fn.reads.keys()].map((name) => name.split('.')[0]!);
        const change = reads.find((name) => CHANGE.test(name));
        const seen = reads.find((name) => SEEN.test(name));
        if (change) yield { kind: 'strength', messageId: 'changeDetection', evidence: [fn.evidence, hash.evidence], data: { name: fn.name } };
        else if (seen) yield { kind: 'strength', messageId: 'hashDedup', evidence: [fn.evidence, hash.evidence], data: { name: fn.name } };
      }
    }
    if (drop) yield { kind: 'strength', messageId: 'dropDuplicates', evidence: [drop.evidence], data: { call: `${drop.raw}(…)` } };
    if (near) yield { kind: 'strength', messageId: 'nearDuplicates', evidence: [near.evidence], data: { call: `${near.raw}(…)` } };
    if (docstore) yield { kind: 'strength', messageId: 'docstoreDedup', evidence: [docstore.evidence], data: { call: `${docstore.raw}(docstore=…)` } };
    const [first, ...rest] = [...cleaners.values()];
    if (first) yield { kind: 'strength', messageId: 'cleaning', evidence: [first.evidence, ...rest.slice(0, 3).map((c) => c.evidence)], data: { cleaners: [...cleaners.keys()].join(', ') } };
  },
});
