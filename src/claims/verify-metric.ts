import { metrics } from '../facts/queries/evaluation.js';
import { isTestPath, pythonCalls, scriptCallsTo } from '../facts/query.js';
import type { Evidence } from '../types.js';
import { at } from '../facts/evidence.js';
import { distinct } from './code-lines.js';
import { findResult, resultsFiles } from './results-files.js';
import { searched, type VerificationContext, type Verifier } from './verification-context.js';

/**
 * How each metric is recognised: the labels of `metrics()` (facts/queries/evaluation.ts) for the
 * code that computes it, and the words a results file names it with.
 */
const METRIC_KINDS: readonly { test: RegExp; labels: RegExp; inResults: RegExp; computedBy: string }[] = [
  { test: /^accuracy$|^top-/, labels: /^accuracy$/, inResults: /acc|correct/i, computedBy: '`accuracy_score`, an `accuracy = correct / total` line or a function named for it' },
  { test: /^exact-match/, labels: /exact match/, inResults: /exact|\bem\b/i, computedBy: 'an exact-match comparison or metric call' },
  { test: /^f1/, labels: /F1/, inResults: /f1/i, computedBy: '`f1_score`, `classification_report` or an `f1 = …` line' },
  { test: /^precision/, labels: /precision/, inResults: /precision|p@/i, computedBy: '`precision_score` or a `precision = …` line' },
  { test: /^(recall|hit-rate)/, labels: /recall|hit rate/, inResults: /recall|hit|r@/i, computedBy: 'a recall@k / hit-rate computation over retrieved ids' },
  { test: /^mrr/, labels: /MRR/, inResults: /mrr|reciprocal/i, computedBy: 'a reciprocal-rank computation' },
  { test: /^ndcg/, labels: /nDCG/, inResults: /ndcg/i, computedBy: 'an nDCG computation' },
  { test: /^rouge/, labels: /ROUGE/, inResults: /rouge/i, computedBy: '`rouge_score` or `evaluate.load("rouge")`' },
  { test: /^bleu/, labels: /BLEU/, inResults: /bleu/i, computedBy: 'sacrebleu, NLTK BLEU or `evaluate.load("bleu")`' },
  { test: /^bertscore/, labels: /BERTScore/, inResults: /bert_?score/i, computedBy: '`bert_score.score` or `evaluate.load("bertscore")`' },
  { test: /^(faithfulness|answer-relevan|context-)/, labels: /ragas|deepeval/, inResults: /faithful|relevan|context/i, computedBy: 'ragas or deepeval metrics' },
  { test: /^win-rate/, labels: /LLM-as-judge/, inResults: /win/i, computedBy: 'an LLM-as-judge comparison' },
  { test: /^pass@/, labels: /$^/, inResults: /pass/i, computedBy: 'a pass@k computation over generated code' },
];

const TIMING_CALLS = ['time.perf_counter', 'time.perf_counter_ns', 'time.time', 'time.monotonic', 'timeit.timeit', 'timeit.default_timer'];

/**
 * A measured result. Supported when a committed results file holds the value next to the
 * metric's name; otherwise unverifiable — with the lines that compute the metric when there are
 * some ("the value itself was not found in committed results"), with none when no code computes it.
 */
export const verifyMetric: Verifier = (claim, context) => {
  const metric = claim.metric!;
  const files = resultsFiles(context.facts.files, context.documents);
  const kind = METRIC_KINDS.find((k) => k.test.test(metric.metric));
  const computing = computedAt(metric.metric, context);
  const what = kind?.computedBy ?? (metric.metric === 'perplexity' ? '`exp(loss)` or `evaluate.load("perplexity")`' : 'timing around the model call (`time.perf_counter`, `performance.now`)');
  const committed = files.length
    ? `${files.length} committed results ${files.length === 1 ? 'file' : 'files'} (under results/, outputs/ or eval*, or named results*/metrics*)`
    : 'committed results files (none is committed under results/, outputs/ or eval*, nor named results*/metrics*)';
  const inResults = metric.score === null ? '' : `; and ${metric.value} next to the metric's name in ${committed}`;
  const lookedFor = `code that computes ${metric.metric} (${what}), ${searched(context.scope)}${inResults}`;

  const result = findResult(files, metric, kind?.inResults ?? new RegExp(metric.metric.replace(/[^a-z]/gi, '.?'), 'i'));
  if (result) return { status: 'supported', evidence: distinct([result, ...computing]), lookedFor };
  if (!computing.length) return { status: 'unverifiable', evidence: [], lookedFor: `${lookedFor}; no code computes ${metric.metric}` };
  const where = at(computing[0]!);
  const missing = metric.score === null ? `a change like ${metric.value} needs a baseline and a result, and neither run is committed` : 'the value itself was not found in committed results';
  return { status: 'unverifiable', evidence: distinct(computing), lookedFor: `${lookedFor}; ${metric.metric} is computed at ${where}, but ${missing}` };
};

/** Lines that compute the metric (tests left out). */
function computedAt(metric: string, { facts, stack }: VerificationContext): Evidence[] {
  if (metric === 'latency' || metric === 'throughput') {
    const python = pythonCalls(facts).filter((c) => TIMING_CALLS.includes(c.callee) && !isTestPath(c.evidence.path)).map((c) => c.evidence);
    const scripts = scriptCallsTo(facts, ['performance.now', 'console.time', 'process.hrtime']).map((c) => c.evidence);
    return [...python, ...scripts];
  }
  if (metric === 'perplexity') {
    return facts.python.flatMap((m) => [
      ...m.assignments.filter((a) => /(?:^|_)(?:perplexity|ppl)$/i.test(a.target)).map((a) => a.evidence),
      ...m.calls.filter((c) => c.name === 'load' && c.args[0]?.literal === 'perplexity').map((c) => c.evidence),
    ]);
  }
  const kind = METRIC_KINDS.find((k) => k.test.test(metric));
  if (!kind) return [];
  return metrics(facts, stack).filter((m) => kind.labels.test(m.label)).map((m) => m.evidence);
}
