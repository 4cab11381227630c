import { defineCheck } from '../../src/engine/define-check.js';
import { isTestPath } from '../../src/facts/query.js';
import { at } from '../../src/facts/queries/tests.js';
import type { Evidence } from '../../src/types.js';

const MAX_PATHS = 3;

export default defineCheck({
  id: 'tests/evaluation-harness',
  docs: 'Counts an evaluation harness (code that scores the pipeline with a metric) apart from unit tests: evaluation scripts are not tests, and a metric inside the test suite is noted.',
  messages: {
    harness: 'Evaluation harness in {{paths}}: it scores the pipeline with a metric and is counted apart from the {{count}} unit tests',
    harnessOnly: 'Evaluation harness in {{paths}}, but no unit tests: an evaluation script scores answers, it does not test the code',
    inTests: 'The test suite measures answer quality itself (`{{at}}`)',
  },
  questions: {
    harnessOnly: 'You evaluate answer quality in {{paths}} but have no unit tests. Which parts of the pipeline would break silently without failing that evaluation?',
  },
  *run({ stack, tests }) {
    const byPath = new Map<string, Evidence>();
    const inTests: Evidence[] = [];
    for (const evidence of stack.evaluation) {
      if (isTestPath(evidence.path)) inTests.push(evidence);
      else if (!byPath.has(evidence.path)) byPath.set(evidence.path, evidence);
    }
    const [first, ...rest] = byPath.values();
    if (first) {
      const files = [...byPath.keys()];
      const paths = files.slice(0, MAX_PATHS).map((p) => `\`${p}\``).join(', ') + (files.length > MAX_PATHS ? ` and ${files.length - MAX_PATHS} more` : '');
      yield { kind: 'info', messageId: tests.count ? 'harness' : 'harnessOnly', evidence: [first, ...rest.slice(0, MAX_PATHS - 1)], data: { paths, count: tests.count } };
    }
    const [metric] = inTests;
    if (metric) yield { kind: 'info', messageId: 'inTests', evidence: [metric], data: { at: at(metric) } };
  },
});
