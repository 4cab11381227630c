import type { Stack } from '../../stack/types.js';
import type { Evidence } from '../../types.js';
import { snippetOf } from '../evidence.js';
import { codeStrings, isTestPath, pythonCalls, pythonCallsTo } from '../query.js';
import type { Facts, Literal } from '../types.js';
import { modelCalls } from './serving.js';

/** Metric names as an interviewer says them, recognised in a metric line's code. */
const METRIC_LABELS: readonly [RegExp, string][] = [
  [/ragas|faithfulness|answer_relevancy|context_(precision|recall)/i, 'ragas'],
  [/deepeval|GEval/, 'deepeval'],
  [/bert_?score/i, 'BERTScore'],
  [/rouge/i, 'ROUGE'],
  [/bleu/i, 'BLEU'],
  [/\bmrr\b|reciprocal_rank/i, 'MRR'],
  [/ndcg/i, 'nDCG'],
  [/(recall|hit|hits|precision)_?(at|@)_?\w+|hit_rate/i, 'recall@k / hit rate'],
  [/exact_match|\bem\b/i, 'exact match'],
  [/\bf1/i, 'F1'],
  [/accuracy|\bacc\b|correct/i, 'accuracy'],
  [/precision/i, 'precision'],
  [/recall/i, 'recall'],
  [/classification_report/i, 'precision/recall/F1'],
];

/** A prompt asking a model to grade an answer: LLM-as-judge. */
const JUDGE_PROMPT = /\b(you are (an? )?(impartial |strict |expert )?(judge|grader|evaluator)|(grade|rate|score|evaluate|judge) (the|this|each) (generated |model'?s? )?(answer|response)|is the (generated )?answer (correct|right)|compare the (generated |model )?answer (to|with) the (reference|expected|ground[- ]truth))/i;

export interface Metric {
  label: string;
  evidence: Evidence;
}

/** The label of a metric line: what the code computes, in words. */
function labelOf(text: string): string {
  return METRIC_LABELS.find(([pattern]) => pattern.test(text))?.[1] ?? 'a quality score';
}

/** LLM-as-judge: a grading prompt in code, or deepeval's `GEval`. */
export function judgeEvidence(facts: Facts): Evidence[] {
  const prompts = codeStrings(facts).filter((s) => JUDGE_PROMPT.test(s.value)).map((s) => s.evidence);
  const geval = pythonCallsTo(facts, ['deepeval.metrics.GEval']).map((c) => c.evidence);
  return [...geval, ...prompts];
}

/** Quality metrics the code computes, each named (`accuracy`, `ROUGE`, `LLM-as-judge`), from `stack.evaluation` plus grading prompts. */
export function metrics(facts: Facts, stack: Stack): Metric[] {
  const out: Metric[] = [];
  // The calls on each evaluation line, read for the metric's name: only those lines are collected.
  const lines = new Set(stack.evaluation.map((e) => `${e.path}:${e.line}`));
  const byLine = new Map<string, string[]>();
  for (const call of lines.size ? pythonCalls(facts) : []) {
    const key = `${call.evidence.path}:${call.evidence.line}`;
    if (!lines.has(key)) continue;
    let texts = byLine.get(key);
    if (!texts) byLine.set(key, (texts = []));
    texts.push(call.callee, ...call.args.map((a) => a.text));
  }
  for (const evidence of stack.evaluation) {
    const text = [evidence.snippet, ...(byLine.get(`${evidence.path}:${evidence.line}`) ?? [])].join(' ');
    out.push({ label: labelOf(text), evidence });
  }
  for (const evidence of judgeEvidence(facts)) out.push({ label: 'LLM-as-judge', evidence });
  return out;
}

/** Where the pipeline answers or retrieves: the first generator call, else the first retrieval line. */
export function pipelineEvidence(facts: Facts, stack: Stack): Evidence | undefined {
  const generator = modelCalls(facts).find((m) => !isTestPath(m.evidence.path));
  return generator?.evidence ?? stack.rag?.retrieval[0];
}

/** Modules that evaluate rather than answer: eval/test/benchmark files and files that compute a metric. */
export function evaluationPaths(facts: Facts, stack: Stack): Set<string> {
  const paths = new Set(stack.evaluation.map((e) => e.path));
  for (const m of facts.python) {
    if (isTestPath(m.path) || /(^|\/|_)(eval\w*|evaluate\w*|benchmark\w*|metrics?|scoring|score)(\/|_|\.|$)/i.test(m.path)) paths.add(m.path);
    if (m.imports.some((i) => /^(ragas|deepeval|evaluate|rouge_score|sklearn\.metrics)(\.|$)/.test(i.module))) paths.add(m.path);
  }
  for (const m of facts.scripts) if (isTestPath(m.path) || /(^|\/)eval/i.test(m.path)) paths.add(m.path);
  return paths;
}

/** A file of test questions by its name: `test_questions.json`, `eval_set.csv`, `questions_test.jsonl`, `holdout.csv`. */
export const TEST_QUESTIONS_FILE = /(^|\/)(?=[^/]*\.(?:jsonl?|csv|tsv|txt|md|ya?ml|xlsx|parquet)$)[^/]*?((test|eval|evaluation)[_ -]?(questions?|queries|qa|set|cases)|questions?[_ -]?(test|eval)|holdout)/i;

/** Every string inside a literal, recursively. */
export function literalStrings(value: Literal | undefined): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(literalStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(literalStrings);
  return [];
}

/** A string that reads as a question: ends with `?` or has four words or more. */
export function isQuestionLike(value: string): boolean {
  const trimmed = value.trim();
  return trimmed.endsWith('?') || (trimmed.split(/\s+/).length >= 4 && !/[{}\n]/.test(trimmed));
}

/** A string field of a test-set file: `{"question": "…"}` → key `question`. */
export interface TestSetField {
  key: string | number | undefined;
  value: string;
  file: string;
  evidence: Evidence;
}

/** String fields of the test-set files (by name): parsed JSON/YAML documents, and JSON Lines read line by line. */
export function testSetFields(facts: Facts): TestSetField[] {
  const out: TestSetField[] = [];
  const parsed = new Set<string>();
  for (const doc of facts.configs) {
    if (!TEST_QUESTIONS_FILE.test(doc.path)) continue;
    parsed.add(doc.path);
    for (const leaf of doc.leaves) {
      if (typeof leaf.value === 'string') out.push({ key: leaf.key[leaf.key.length - 1], value: leaf.value, file: doc.path, evidence: leaf.evidence });
    }
  }
  for (const file of facts.files) {
    if (parsed.has(file.path) || !/\.jsonl$/i.test(file.path) || !TEST_QUESTIONS_FILE.test(file.path)) continue;
    file.text.split('\n').forEach((line, index) => {
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch {
        return;
      }
      if (!record || typeof record !== 'object' || Array.isArray(record)) return;
      const evidence = { path: file.path, line: index + 1, snippet: snippetOf(line) };
      for (const [key, value] of Object.entries(record)) if (typeof value === 'string') out.push({ key, value, file: file.path, evidence });
    });
  }
  return out;
}
