import { pythonCallsTo } from '../facts/query.js';
import type { Facts } from '../facts/types.js';
import type { Evidence } from '../types.js';
import { sortedEvidence } from './evidence-map.js';

/** Library calls that compute a quality metric. */
const METRIC_CALLS = [
  'sklearn.metrics.accuracy_score', 'sklearn.metrics.f1_score', 'sklearn.metrics.precision_score', 'sklearn.metrics.recall_score',
  'sklearn.metrics.classification_report', 'sklearn.metrics.precision_recall_fscore_support', 'sklearn.metrics.roc_auc_score',
  'evaluate.load', 'ragas.evaluate', 'deepeval.evaluate', 'deepeval.assert_test', 'rouge_score.rouge_scorer.RougeScorer',
  'bert_score.score', 'nltk.translate.bleu_score.sentence_bleu', 'nltk.translate.bleu_score.corpus_bleu', 'sacrebleu.corpus_bleu',
  'torchmetrics.*', 'mlflow.evaluate', 'trulens_eval.*',
];
/** A value the candidate computes and names as a metric. */
const METRIC_NAME = /^(accuracy|acc|exact_match|em|f1|f1_score|precision|recall|hit_rate|hits|mrr|ndcg|bleu|rouge\w*|score|mean_score|correct_ratio|pass_rate|faithfulness|answer_relevancy|recall_at_\w+|precision_at_\w+|hit_at_\w+)$/i;
const METRIC_FUNCTION = /(^|_)(accuracy|exact_match|f1|recall|precision|mrr|ndcg|bleu|rouge|hit_rate|evaluate|score_answers?)(_|$)/i;

/** `stack.evaluation`: code that computes a quality metric (tests excluded). */
export function detectEvaluation(facts: Facts): Evidence[] {
  const evidence: Evidence[] = [];
  for (const call of pythonCallsTo(facts, METRIC_CALLS.filter((p) => !p.endsWith('*')))) evidence.push(call.evidence);
  for (const m of facts.python) {
    for (const call of m.calls) if (/^(torchmetrics|trulens_eval)\./.test(call.callee)) evidence.push(call.evidence);
    for (const a of m.assignments) {
      const name = a.target.split('.').pop()!;
      // `accuracy = correct / total`: an arithmetic value, not a literal placeholder.
      if (METRIC_NAME.test(name) && a.value.kind === 'other' && /[/*]|sum\(|mean\(/.test(a.value.text)) evidence.push(a.evidence);
    }
    for (const fn of m.functions) if (METRIC_FUNCTION.test(fn.name) && !/^test/.test(fn.name)) evidence.push(fn.evidence);
  }
  return sortedEvidence(evidence, 10);
}
