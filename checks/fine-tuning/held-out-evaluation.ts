import { defineCheck } from '../../src/engine/define-check.js';
import {
  at, literalText, productCallsTo, setKwargs, trainerCalls, trainerMethodCalls, trainingArgumentCalls, trainingConfigs,
} from '../../src/facts/queries/fine-tuning.js';
import type { Evidence } from '../../src/types.js';

const EVAL_STRATEGY = ['eval_strategy', 'evaluation_strategy'];
const HELD_OUT_SPLIT = /^(test|validation|valid|val|dev|eval)\b/i;

export default defineCheck({
  id: 'fine-tuning/held-out-evaluation',
  docs: 'Reports whether a fine-tuning run holds data out (`train_test_split`, a validation split, `val_set_size`) and evaluates on it during or after training, and training with no held-out evaluation at all.',
  messages: {
    split: 'Holds out data for evaluation: {{how}}',
    duringTraining: '{{trainer}} evaluates on a held-out `eval_dataset` during training ({{strategy}})',
    afterTraining: 'The trainer scores a held-out set with `evaluate()` after training',
    evalNeverRun: '{{trainer}} is given an `eval_dataset`, but no evaluation strategy is set and `evaluate()` is never called, so the held-out set is never scored',
    noEvalDataset: '{{trainer}} gets no `eval_dataset`; the held-out data is not scored by the trainer (it may be evaluated elsewhere)',
    noHeldOut: '{{trainer}} trains with no held-out evaluation: no `eval_dataset`, no train/test split and no `evaluate()` call',
    configSplit: '`{{path}}` holds out a validation set ({{how}})',
    configNoHeldOut: '`{{path}}` trains with no validation split (no `val_set_size`, `val_size` or `test_datasets`)',
  },
  questions: {
    noHeldOut: 'The training at `{{at}}` has no held-out split. How do you know the fine-tuned model improved rather than memorised the training set?',
    configNoHeldOut: '`{{path}}` trains without a validation split. How would you notice overfitting, and how did you choose when to stop?',
    evalNeverRun: '`{{at}}` passes an `eval_dataset` that is never evaluated. What validation loss did you expect to watch, and how did you decide the number of epochs?',
  },
  *run({ facts }) {
    const trainers = trainerCalls(facts);
    const configs = trainingConfigs(facts);
    if (!trainers.length && !configs.length) return;

    const splits: { evidence: Evidence; how: string }[] = [];
    for (const call of productCallsTo(facts, ['*.train_test_split'])) {
      splits.push({ evidence: call.evidence, how: `\`train_test_split\`${call.kwargs.test_size ? ` with ${setKwargs(call, ['test_size'])[0]}` : ''}` });
    }
    for (const call of productCallsTo(facts, ['datasets.load_dataset'])) {
      const split = call.kwargs.split?.literal;
      if (typeof split === 'string' && HELD_OUT_SPLIT.test(split)) splits.push({ evidence: call.evidence, how: `the \`${split}\` split of the dataset` });
    }
    if (trainers.length) for (const { evidence, how } of splits) yield { kind: 'strength', messageId: 'split', evidence: [evidence], data: { how } };

    const strategy = trainingArgumentCalls(facts).find((call) => EVAL_STRATEGY.some((k) => call.kwargs[k] && call.kwargs[k].literal !== 'no'));
    const evaluates = trainerMethodCalls(facts, 'evaluate');
    for (const { call, label } of trainers) {
      const data = { trainer: label, at: at(call.evidence) };
      const evalDataset = call.kwargs.eval_dataset;
      if (evalDataset && evalDataset.kind !== 'none') {
        if (strategy) {
          yield { kind: 'strength', messageId: 'duringTraining', evidence: [call.evidence, strategy.evidence], data: { ...data, strategy: setKwargs(strategy, EVAL_STRATEGY).join(', ') } };
        } else if (evaluates[0]) {
          yield { kind: 'strength', messageId: 'afterTraining', evidence: [evaluates[0].evidence], data };
        } else {
          yield { kind: 'concern', messageId: 'evalNeverRun', evidence: [call.evidence], data };
        }
      } else if (evaluates.some((e) => e.kwargs.eval_dataset || e.args[0])) {
        yield { kind: 'strength', messageId: 'afterTraining', evidence: [evaluates.find((e) => e.kwargs.eval_dataset || e.args[0])!.evidence], data };
      } else if (splits.length) {
        yield { kind: 'info', messageId: 'noEvalDataset', evidence: [call.evidence], data };
      } else {
        yield { kind: 'concern', messageId: 'noHeldOut', evidence: [call.evidence], data };
      }
    }

    for (const config of configs) {
      const path = config.document.path;
      const held = ['val_set_size', 'val_size', 'test_datasets', 'eval_dataset']
        .map((key) => [key, config.value(key) ?? (config.document.evidenceFor([key]) ? { value: 'set' as const, evidence: config.document.evidenceFor([key])! } : undefined)] as const)
        .find(([, leaf]) => leaf && leaf.value !== 0 && leaf.value !== null && leaf.value !== false);
      if (held) {
        const [key, leaf] = held;
        yield { kind: 'strength', messageId: 'configSplit', evidence: [leaf!.evidence], data: { path, how: leaf!.value === 'set' ? `\`${key}\`` : `${key}=${literalText(leaf!.value)}` } };
      } else {
        yield { kind: 'concern', messageId: 'configNoHeldOut', evidence: [config.evidence], data: { path, at: at(config.evidence) } };
      }
    }
  },
});
