import { defineCheck } from '../../src/engine/define-check.js';
import { codeStrings, isTestPath } from '../../src/facts/query.js';
import { evaluationPaths, isQuestionLike, literalStrings, testSetFields } from '../../src/facts/queries/evaluation.js';
import { at, pythonEndpoints } from '../../src/facts/queries/serving.js';
import type { Facts, PyAssignment, PyFunction } from '../../src/facts/types.js';
import type { Evidence } from '../../src/types.js';

/** Functions that produce the pipeline's answer. */
const ANSWER_FUNCTION = /(^|_)(answer|ask|respond|reply|generate|query|predict|chat|rag|pipeline|get_response|qa|solve)(_|$)/i;
/** Keys of ground-truth fields in a test-set file. */
const EXPECTED_KEY = /^(answer|answers|expected|expected_answer|ground_truth|reference|gold|target|label|ideal)$/i;
const MIN_ANSWER_LENGTH = 20;

/** A dict literal mapping questions to answer strings: `{"How do I reset my password?": "Go to Settings…", …}`. */
function isAnswerTable(a: PyAssignment): boolean {
  const literal = a.value.literal;
  if (a.value.kind !== 'dict' || !literal || typeof literal !== 'object' || Array.isArray(literal)) return false;
  const entries = Object.entries(literal).filter(([key, value]) => isQuestionLike(key) && typeof value === 'string');
  return entries.length >= 2;
}

/**
 * Where a function's body uses a name: calls on it, arguments, assignments or dict values mentioning
 * it, else (Python files) a body line reading it (`if q in ANSWERS:`, `return ANSWERS[q]`), comments and strings aside.
 */
/** Ground-truth answers of the evaluation: literals in evaluation code, answer fields of test-set files. */
function expectedAnswers(facts: Facts, evalPaths: Set<string>): { value: string; evidence: Evidence }[] {
  const out: { value: string; evidence: Evidence }[] = [];
  for (const m of facts.python) {
    if (!evalPaths.has(m.path)) continue;
    for (const a of m.assignments) {
      if (a.value.kind !== 'dict' && a.value.kind !== 'list') continue;
      for (const value of literalStrings(a.value.literal)) out.push({ value, evidence: a.evidence });
    }
  }
  for (const field of testSetFields(facts)) {
    if (typeof field.key === 'string' && EXPECTED_KEY.test(field.key)) out.push({ value: field.value, evidence: field.evidence });
  }
  return out.filter((a) => a.value.trim().length >= MIN_ANSWER_LENGTH && !/[{}]/.test(a.value));
}

export default defineCheck({
  id: 'evaluation/hard-coded-answers',
  docs: 'Reports answers the pipeline returns from a hard-coded question-to-answer table, and expected answers of the test set that appear verbatim in the answering code.',
  messages: {
    answerTable: '`{{fn}}()` answers from `{{table}}`, a hard-coded table of {{count}} question/answer pairs ({{at}})',
    expectedInCode: 'The expected answer "{{answer}}" also appears as a string literal in the answering code at `{{at}}`',
  },
  questions: {
    answerTable: '`{{fn}}()` looks answers up in `{{table}}` (`{{at}}`). Which answers come from the model and which from this table, and how would a new question be answered?',
    expectedInCode: 'The expected answer "{{answer}}" is written into the code at `{{at}}`. Does the evaluation measure the model, or this string?',
  },
  *run({ facts, stack }) {
    const evalPaths = evaluationPaths(facts, stack);
    const tabled = new Set<string>();
    const handlers = new Set<PyFunction>(pythonEndpoints(facts).flatMap((e) => (e.handler ? [e.handler.fn] : [])));
    for (const module of facts.python) {
      if (evalPaths.has(module.path)) continue;
      const tables = module.assignments.filter(isAnswerTable);
      for (const table of tables) {
        const fn = module.functions.find((f) => (handlers.has(f) || ANSWER_FUNCTION.test(f.name)) && !/^test|eval|score|metric/i.test(f.name) && f.reads.has(table.target));
        if (!fn) continue;
        const values = literalStrings(table.value.literal);
        for (const value of values) tabled.add(value.trim().toLowerCase());
        const count = Object.keys(table.value.literal as object).length;
        yield { kind: 'concern', messageId: 'answerTable', evidence: [table.evidence, fn.reads.get(table.target)!], data: { fn: fn.name, table: table.target, count, at: at(table.evidence) } };
      }
    }
    const expected = expectedAnswers(facts, evalPaths);
    if (!expected.length) return;
    const byValue = new Map(expected.map((e) => [e.value.trim().toLowerCase(), e]));
    const seen = new Set<string>();
    for (const s of codeStrings(facts)) {
      if (evalPaths.has(s.evidence.path) || isTestPath(s.evidence.path)) continue;
      const key = s.value.trim().toLowerCase();
      const truth = byValue.get(key);
      if (!truth || seen.has(key) || tabled.has(key)) continue;
      seen.add(key);
      const answer = truth.value.length > 60 ? `${truth.value.slice(0, 57)}…` : truth.value;
      yield { kind: 'concern', messageId: 'expectedInCode', evidence: [s.evidence, truth.evidence], data: { answer, at: at(s.evidence) } };
    }
  },
});
