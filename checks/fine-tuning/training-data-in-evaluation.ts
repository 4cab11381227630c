import { defineCheck } from '../../src/engine/define-check.js';
import { at } from '../../src/facts/evidence.js';
import { trainerCalls } from '../../src/facts/queries/fine-tuning.js';

/** `dataset`, `dataset["train"]`, `ds['train']` → the same key, whatever the quotes and spaces. */
const normalise = (text: string) => text.replace(/\s+/g, '').replace(/"/g, "'");

export default defineCheck({
  id: 'fine-tuning/training-data-in-evaluation',
  docs: 'Reports a trainer whose evaluation set is its training set (or the training split of it): the evaluation then measures memorisation.',
  messages: {
    sameData: '{{trainer}} evaluates on `{{eval}}`, the same data it trains on: the evaluation loss measures memorisation, not generalisation',
  },
  questions: {
    sameData: 'At `{{at}}` the trainer evaluates on `{{eval}}`, which is also its training data. What would the validation loss tell you here, and how would you hold data out?',
  },
  *run({ facts }) {
    for (const { call, label } of trainerCalls(facts)) {
      const train = call.kwargs.train_dataset;
      const evaluation = call.kwargs.eval_dataset;
      if (!train || !evaluation) continue;
      const same = normalise(train.text) === normalise(evaluation.text) || /\[\s*['"]train['"]\s*\]$/.test(evaluation.text);
      if (same) yield { kind: 'concern', messageId: 'sameData', evidence: [evaluation.evidence], data: { trainer: label, eval: evaluation.text, at: at(evaluation.evidence) } };
    }
  },
});
