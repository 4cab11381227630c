import { defineCheck } from '../../src/engine/define-check.js';
import { at, contentHashes, persistsVectors, randomIds, shownCall, storeWrites } from '../../src/facts/queries/data.js';

export default defineCheck({
  id: 'data/reindex-strategy',
  docs: 'Reports how the vector index follows changing documents: upserts under stable ids (content hashes) or LangChain\'s record manager, deletes of removed documents, full rebuilds (dropping the collection), random ids that duplicate re-ingested chunks, and append-only ingestion that duplicates on every run.',
  messages: {
    incremental: 'Re-indexing is incremental: `{{call}}` replaces chunks under {{ids}}',
    idempotent: '`{{call}}` writes chunks under {{ids}}: re-running ingestion does not duplicate them',
    recordManager: 'LangChain\'s indexing API with a record manager (`cleanup={{cleanup}}`) skips unchanged documents{{removes}}',
    deletesHandled: 'Documents removed or changed at the source are deleted from the index (`{{call}}`)',
    fullRebuild: 'The index is rebuilt from scratch (`{{call}}`): every run re-embeds the whole corpus',
    randomIds: 'Chunks get random ids (`uuid4()`) before `{{call}}`: re-ingesting a document adds it again instead of replacing it',
    appendOnly: '`{{call}}` adds chunks without ids and nothing deletes or replaces them: running ingestion twice duplicates every chunk',
  },
  questions: {
    fullRebuild: '`{{at}}` rebuilds the whole index — how long does that take with a million documents, and what do queries see while it runs?',
    randomIds: '`{{at}}` gives chunks random ids — what happens to the index when one document is edited and ingestion runs again?',
    appendOnly: 'What happens to the index at `{{at}}` when ingestion runs twice, or when one document changes or is deleted?',
    incremental: 'Your re-index at `{{at}}` is incremental — how do you detect that a document changed, and what if the embedding model changes?',
  },
  *run({ facts }) {
    const writes = storeWrites(facts);
    if (!writes.length) return;
    const hashes = contentHashes(facts);
    const random = randomIds(facts);
    const idsOf = (path: string) => (hashes.some((h) => h.evidence.path === path) ? 'ids derived from content hashes' : 'explicit ids');

    const api = writes.find((w) => w.op === 'indexApi');
    if (api) {
      const cleanup = api.call.kwargs['cleanup']?.literal;
      const shown = typeof cleanup === 'string' ? cleanup : 'None';
      yield { kind: 'strength', messageId: 'recordManager', evidence: [api.call.evidence], data: { cleanup: shown, removes: shown === 'incremental' || shown === 'full' || shown === 'scoped_full' ? ' and removes deleted ones' : '' } };
    }
    const upsert = writes.find((w) => w.op === 'upsert');
    const keyedAdd = writes.find((w) => w.op === 'add' && w.hasIds && !/^a?from_/.test(w.call.name));
    const keyed = upsert ?? keyedAdd;
    if (keyed) {
      const path = keyed.call.evidence.path;
      const randomHere = random.find((r) => r.evidence.path === path);
      const data = { call: shownCall(keyed.call), ids: idsOf(path), at: at(keyed.call.evidence) };
      if (randomHere && !hashes.some((h) => h.evidence.path === path)) {
        yield { kind: 'concern', messageId: 'randomIds', evidence: [randomHere.evidence, keyed.call.evidence], data: { ...data, at: at(randomHere.evidence) } };
      } else {
        const hash = hashes.find((h) => h.evidence.path === path);
        yield { kind: 'strength', messageId: keyed === upsert ? 'incremental' : 'idempotent', evidence: [keyed.call.evidence, ...(hash ? [hash.evidence] : [])], data };
      }
    }
    const remove = writes.find((w) => w.op === 'delete');
    if (remove) yield { kind: 'strength', messageId: 'deletesHandled', evidence: [remove.call.evidence], data: { call: shownCall(remove.call) } };
    const drop = writes.find((w) => w.op === 'drop');
    if (drop) yield { kind: 'info', messageId: 'fullRebuild', evidence: [drop.call.evidence], data: { call: shownCall(drop.call), at: at(drop.call.evidence) } };
    // Appending without ids only accumulates duplicates in a store that outlives the process.
    if (api || keyed || remove || drop || !persistsVectors(facts)) return;
    const append = writes.find((w) => w.op === 'add' && !w.hasIds && !/^faiss\./.test(w.callee) && /^(add|add_documents|aadd_documents|add_texts|aadd_texts|insert|insert_nodes|add_embeddings)$/.test(w.call.name));
    if (append) yield { kind: 'concern', messageId: 'appendOnly', evidence: [append.call.evidence], data: { call: shownCall(append.call), at: at(append.call.evidence) } };
  },
});
