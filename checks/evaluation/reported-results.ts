import { defineCheck } from '../../src/engine/define-check.js';
import { snippetOf } from '../../src/facts/evidence.js';
import { metrics } from '../../src/facts/queries/evaluation.js';
import { at } from '../../src/facts/queries/serving.js';
import type { Evidence } from '../../src/types.js';

const MAX_LINES = 5;
/** The submission's write-up: README, REPORT, RESULTS or EVALUATION in Markdown, reStructuredText or text. */
const REPORT_FILE = /(^|\/)(readme|report|results?|evaluation|eval)[^/]*\.(md|markdown|rst|txt)$/i;
const METRIC_WORD = String.raw`(?:accuracy|exact[ -]match|\bem\b|f1(?:[ -]score)?|recall(?:@\d+)?|precision(?:@\d+)?|mrr|ndcg|rouge[-\w]{0,32}|bleu|bertscore|faithfulness|answer[ -]relevancy|hit[ -]rate|correct(?:ly)?)`;
// Every quantifier is bounded: README text is the candidate's, and a line of digits must not backtrack.
const NUMBER = String.raw`(?:\d{1,3}(?:[.,]\d{1,6})?\s?%|\d{1,6}\s?\/\s?\d{1,6}|[01]?\.\d{1,6}|1\.0)`;
/** `accuracy 80%`, `F1: 0.72`, `8/10 correct`, `80% accuracy`. */
const RESULT = new RegExp(String.raw`\b${METRIC_WORD}\b[^.\n]{0,40}?${NUMBER}|${NUMBER}\s*(?:of (?:the )?(?:\d{1,6} )?(?:test )?(?:questions|answers)\s*)?(?:\w{1,20}\s)?${METRIC_WORD}`, 'i');

export default defineCheck({
  id: 'evaluation/reported-results',
  docs: 'Quotes the results the README or report states with numbers, and notes when no code computes a metric that could have produced them.',
  messages: {
    reported: '`{{file}}` reports a result: "{{result}}"',
    unsupported: '`{{file}}` reports "{{result}}", but no code that computes a metric was found',
  },
  questions: {
    unsupported: '`{{at}}` reports "{{result}}". How was that number produced, and can you show the code or the run that computed it?',
  },
  *run({ facts, stack }) {
    const computed = metrics(facts, stack).length > 0;
    let shown = 0;
    for (const file of facts.files) {
      if (!REPORT_FILE.test(file.path)) continue;
      const lines = file.text.split('\n');
      for (let i = 0; i < lines.length && shown < MAX_LINES; i++) {
        const match = RESULT.exec(lines[i]!);
        if (!match) continue;
        shown++;
        const evidence: Evidence = { path: file.path, line: i + 1, snippet: snippetOf(lines[i]) };
        const data = { file: file.path, result: match[0].trim(), at: at(evidence) };
        yield computed
          ? { kind: 'info', messageId: 'reported', evidence: [evidence], data }
          : { kind: 'concern', messageId: 'unsupported', evidence: [evidence], data };
      }
    }
  },
});
