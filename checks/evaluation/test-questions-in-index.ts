import { defineCheck } from '../../src/engine/define-check.js';
import { codeStrings, plainCallee } from '../../src/facts/query.js';
import { TEST_QUESTIONS_FILE, evaluationPaths, isQuestionLike, testSetFields } from '../../src/facts/queries/evaluation.js';
import { at } from '../../src/facts/queries/serving.js';
import type { PyCall, PyValue } from '../../src/facts/types.js';
import type { Evidence } from '../../src/types.js';
import { addTo } from '../../src/multimap.js';

/** Calls that load documents into the index: loaders, readers and the candidate's own ingest/index functions. */
const INGEST = /(Loader|Reader|^ingest\w*|^index\w*|_index$|^load_(documents?|docs|corpus|knowledge\w*)$|^add_(documents|texts)$|^from_(documents|texts)$|^build_\w*|^embed\w*|^upsert\w*|^create_(?=\w*$)\w*(index|store|db)\w*)$/i;
/** In evaluation code, loading the test set is expected: only indexing calls count there. */
const INDEXING = /^(ingest\w*|index\w*|\w*_index|add_documents|add_texts|from_documents|from_texts|upsert\w*|build_(?=\w*$)\w*index\w*)$/i;
const QUESTION_KEY = /^(question|questions|query|q|input|prompt)$/i;
const MIN_QUESTION_LENGTH = 15;

function stringArgs(call: PyCall): { value: string; at: PyValue }[] {
  return [...call.args, ...Object.values(call.kwargs)].flatMap((v) => (typeof v.literal === 'string' ? [{ value: v.literal, at: v }] : []));
}

function normalised(path: string): string {
  return path.replace(/^\.\//, '').replace(/(?<!\/)\/+$/, '');
}

export default defineCheck({
  id: 'evaluation/test-questions-in-index',
  docs: 'Reports test questions that leak into the index (the test-set file passed to the ingest or loader, or a loaded folder that contains it) or into the answering code.',
  messages: {
    fileIndexed: 'The test questions file `{{file}}` goes into the index through `{{call}}` ({{at}}): the evaluation can retrieve the test questions themselves',
    questionInCode: 'The test question "{{question}}" from `{{file}}` also appears in the answering code at `{{at}}` ({{count}} test question(s) in that file)',
  },
  questions: {
    fileIndexed: '`{{at}}` indexes `{{file}}`. How do you make sure the test questions are not in the vector store when you score the answers?',
    questionInCode: 'The test question "{{question}}" is written into the code at `{{at}}`. Would the pipeline answer it as well without that string?',
  },
  *run({ facts, stack }) {
    const evalPaths = evaluationPaths(facts, stack);
    const testFiles = facts.files.map((f) => f.path).filter((p) => TEST_QUESTIONS_FILE.test(p));
    for (const module of facts.python) {
      const dir = module.path.includes('/') ? module.path.slice(0, module.path.lastIndexOf('/') + 1) : '';
      for (const call of module.calls) {
        if (!(evalPaths.has(module.path) ? INDEXING : INGEST).test(call.name) || /^(json|pandas|csv|yaml|pickle|numpy|os|pathlib)\./.test(plainCallee(call.callee))) continue;
        const glob = call.kwargs['glob']?.literal;
        for (const arg of stringArgs(call)) {
          const named = TEST_QUESTIONS_FILE.test(arg.value) ? arg.value : undefined;
          const target = normalised(arg.value);
          const contained = named ? undefined : testFiles.find((file) =>
            target.length > 0 && [target, `${dir}${target}`].some((d) => file.startsWith(`${d}/`)) &&
            (typeof glob !== 'string' || !/\*\.\w+$/.test(glob) || file.endsWith(glob.slice(glob.lastIndexOf('*') + 1))));
          const file = named ?? contained;
          if (!file) continue;
          yield { kind: 'concern', messageId: 'fileIndexed', evidence: [call.evidence], data: { file, call: call.raw, at: at(call.evidence) } };
          break;
        }
      }
    }
    const questions = new Map<string, { value: string; file: string }>();
    for (const field of testSetFields(facts)) {
      const { key, value, file } = field;
      if (value.trim().length < MIN_QUESTION_LENGTH) continue;
      if ((typeof key === 'string' && QUESTION_KEY.test(key)) || (typeof key === 'number' && isQuestionLike(value))) {
        questions.set(value.trim().toLowerCase(), { value: value.trim(), file });
      }
    }
    if (!questions.size) return;
    const byFile = new Map<string, { question: { value: string; file: string }; evidence: Evidence }[]>();
    for (const s of codeStrings(facts)) {
      if (evalPaths.has(s.evidence.path)) continue;
      const question = questions.get(s.value.trim().toLowerCase());
      if (question) addTo(byFile, s.evidence.path, { question, evidence: s.evidence });
    }
    for (const [first, ...rest] of byFile.values()) {
      if (!first) continue;
      const { value, file } = first.question;
      const question = value.length > 60 ? `${value.slice(0, 57)}…` : value;
      yield {
        kind: 'concern',
        messageId: 'questionInCode',
        evidence: [first.evidence, ...rest.map((r) => r.evidence)],
        data: { question, file, count: rest.length + 1, at: at(first.evidence) },
      };
    }
  },
});
