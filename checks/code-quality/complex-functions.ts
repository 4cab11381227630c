import { defineCheck } from '../../src/engine/define-check.js';
import { isTestPath } from '../../src/facts/query.js';
import type { PyFunction } from '../../src/facts/types.js';

const MAX_COMPLEXITY = 15;
const MAX_LINES = 80;
const MAX_NESTING = 4;
const WORST = 3;
const MAX_FINDINGS = 5;

function length(fn: PyFunction): number {
  return fn.endLine - fn.line + 1;
}

/** Orders functions worst first: by complexity, then length. */
function worstFirst(a: PyFunction, b: PyFunction): number {
  return b.complexity - a.complexity || length(b) - length(a);
}

function describe(fn: PyFunction): string {
  return `\`${fn.qualname}\` (complexity ${fn.complexity}, ${length(fn)} lines, nesting ${fn.maxNesting})`;
}

export default defineCheck({
  id: 'code-quality/complex-functions',
  docs: 'Names Python functions over the thresholds (cyclomatic complexity > 15, > 80 lines or nesting > 4), or else the most complex few.',
  messages: {
    tooComplex: '`{{name}}` is hard to follow: {{reasons}}',
    worst: 'No function is over the thresholds; the most complex are {{functions}}',
  },
  questions: {
    tooComplex: '`{{name}}` at `{{at}}` has {{reasons}}. How would you split it, and how would you test each part?',
  },
  *run({ facts }) {
    const functions = facts.python.filter((m) => !isTestPath(m.path)).flatMap((m) => m.functions);
    const over = functions
      .filter((fn) => fn.complexity > MAX_COMPLEXITY || length(fn) > MAX_LINES || fn.maxNesting > MAX_NESTING)
      .sort(worstFirst);
    for (const fn of over.slice(0, MAX_FINDINGS)) {
      const reasons = [
        fn.complexity > MAX_COMPLEXITY && `cyclomatic complexity ${fn.complexity}`,
        length(fn) > MAX_LINES && `${length(fn)} lines`,
        fn.maxNesting > MAX_NESTING && `blocks nested ${fn.maxNesting} deep`,
      ].filter((r): r is string => !!r);
      yield { kind: 'concern', messageId: 'tooComplex', evidence: [fn.evidence], data: { name: fn.qualname, reasons: reasons.join(', '), at: `${fn.evidence.path}:${fn.evidence.line}` } };
    }
    if (over.length) return;
    const worst = [...functions].sort(worstFirst).slice(0, WORST);
    const [first] = worst;
    if (!first || first.complexity < 3) return;
    yield { kind: 'info', messageId: 'worst', evidence: [first.evidence, ...worst.slice(1).map((f) => f.evidence)], data: { functions: worst.map(describe).join(', ') } };
  },
});
