import { defineCheck } from '../../src/engine/define-check.js';
import { metrics, pipelineEvidence } from '../../src/facts/queries/evaluation.js';
import { at } from '../../src/facts/queries/serving.js';
import { addTo } from '../../src/multimap.js';

export default defineCheck({
  id: 'evaluation/quality-metric',
  docs: 'Names each quality metric the code computes (accuracy, exact match, F1, recall@k, MRR, ROUGE/BLEU, ragas, deepeval, LLM-as-judge), or notes that a model pipeline has none.',
  messages: {
    computed: 'Computes {{metric}} in code (`{{at}}`)',
    missing: 'No code computes a quality metric for the pipeline at `{{at}}`: the answers are never measured',
  },
  questions: {
    computed: '`{{at}}` computes {{metric}}. On which questions, against what ground truth, and what score did you get?',
    missing: 'How do you know the answers produced at `{{at}}` are correct? What metric would you run on the test questions, and against what ground truth?',
  },
  *run({ facts, stack }) {
    const found = metrics(facts, stack);
    const byLabel = new Map<string, typeof found>();
    for (const metric of found) addTo(byLabel, metric.label, metric);
    for (const [label, [first, ...rest]] of byLabel) {
      if (!first) continue;
      yield { kind: 'strength', messageId: 'computed', evidence: [first.evidence, ...rest.map((m) => m.evidence)], data: { metric: label, at: at(first.evidence) } };
    }
    if (found.length) return;
    const pipeline = pipelineEvidence(facts, stack);
    if (pipeline) yield { kind: 'concern', messageId: 'missing', evidence: [pipeline], data: { at: at(pipeline) } };
  },
});
