import { defineCheck } from '../../src/engine/define-check.js';
import { isTestPath, plainCallee } from '../../src/facts/query.js';
import { at } from '../../src/facts/queries/data.js';
import type { Evidence } from '../../src/types.js';

/** Loaders of a whole folder or site that return every document at once. */
const LOAD_ALL = /^(langchain\w*(\.\w+)*\.(\w*DirectoryLoader|GitLoader|RecursiveUrlLoader|SitemapLoader)\.load|llama_index(\.\w+)*\.SimpleDirectoryReader\.load_data)$/;
/** Loaders and readers that yield documents one at a time or in pages. */
const STREAMING = /^(langchain\w*(\.\w+)*\.\w+Loader\.(lazy_load|alazy_load)|llama_index(\.\w+)*\.SimpleDirectoryReader\.iter_data|pyarrow\.parquet\.ParquetFile\.iter_batches|ijson\.\w+|datasets\.IterableDataset\.\w+)$/;
const BATCHERS = /^(itertools\.batched|more_itertools\.(chunked|batched|ichunked)|toolz\.(partition_all|itertoolz\.partition_all)|cytoolz\.partition_all)$/;
/** Calls that embed or write vectors, where a `batch_size` bounds memory and request size. */
const BATCHED_WRITE = /(^|\.)(encode|embed_documents|aembed_documents|from_documents|from_texts|add_documents|add_texts|upsert|upload_points|upload_collection|insert)$/;
/** `[p.read_text() for p in paths]`, `[open(f).read() for f in files]`, `[PdfReader(p) … for p in …]` bound to a name. */
const READ_EVERYTHING = /^\[[^\]]*\b(read_text|read|read_bytes|load|extract_text|PdfReader|partition|open)\s*\([\s\S]*\bfor\b/;

interface Hit {
  call: string;
  evidence: Evidence;
  size?: string;
}

export default defineCheck({
  id: 'data/corpus-loaded-into-memory',
  docs: 'Reports whether the document corpus is read whole into memory before embedding (`DirectoryLoader.load()`, `SimpleDirectoryReader.load_data()`, a list of every file\'s text) or streamed (`lazy_load`, `streaming=True`, `chunksize=`) and embedded in batches (`batch_size=`, `itertools.batched`).',
  messages: {
    inMemory: 'The whole corpus is read into memory at once (`{{call}}`) before it is processed',
    streamed: 'Documents are streamed instead of loaded at once (`{{call}}`)',
    batched: 'Documents are embedded or written in batches (`{{call}}`{{size}})',
  },
  questions: {
    inMemory: '`{{at}}` loads every document before embedding — what happens with 10 GB of PDFs, and how would you stream or batch the ingestion?',
  },
  *run({ facts }) {
    const inMemory: Hit[] = [];
    const streamed: Hit[] = [];
    const batched: Hit[] = [];
    for (const module of facts.python) {
      if (isTestPath(module.path)) continue;
      for (const call of module.calls) {
        const plain = plainCallee(call.callee);
        if (LOAD_ALL.test(plain)) inMemory.push({ call: `${call.raw}()`, evidence: call.evidence });
        else if (STREAMING.test(plain)) streamed.push({ call: `${call.raw}(…)`, evidence: call.evidence });
        else if (plain === 'datasets.load_dataset' && call.kwargs['streaming']?.literal === true) streamed.push({ call: 'load_dataset(…, streaming=True)', evidence: call.evidence });
        else if (/^pandas\.read_(csv|json|sql|table)$/.test(plain) && call.kwargs['chunksize']) streamed.push({ call: `${call.raw}(…, chunksize=${call.kwargs['chunksize'].text})`, evidence: call.evidence });
        else if (BATCHERS.test(plain)) batched.push({ call: `${call.raw}(…)`, evidence: call.evidence });
        else if (BATCHED_WRITE.test(plain) && call.kwargs['batch_size']) batched.push({ call: `${call.raw}(…)`, evidence: call.evidence, size: `, batch_size=${call.kwargs['batch_size'].text}` });
      }
      for (const assignment of module.assignments) {
        if ((assignment.value.kind === 'list' || assignment.value.kind === 'other') && READ_EVERYTHING.test(assignment.value.text)) inMemory.push({ call: `${assignment.target} = ${assignment.value.text.slice(0, 60)}${assignment.value.text.length > 60 ? '…' : ''}`, evidence: assignment.evidence });
      }
    }
    const [stream] = streamed;
    if (stream) yield { kind: 'strength', messageId: 'streamed', evidence: [stream.evidence], data: { call: stream.call } };
    const [batch] = batched;
    if (batch) yield { kind: 'strength', messageId: 'batched', evidence: [batch.evidence], data: { call: batch.call, size: batch.size ?? '' } };
    const [memory] = inMemory;
    if (memory && !stream) yield { kind: 'info', messageId: 'inMemory', evidence: [memory.evidence, ...inMemory.slice(1, 3).map((h) => h.evidence)], data: { call: memory.call, at: at(memory.evidence) } };
  },
});
