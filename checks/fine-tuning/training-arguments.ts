import { defineCheck } from '../../src/engine/define-check.js';
import { at, literalText, productCallsTo, setKwargs, trainingArgumentCalls, trainingConfigs } from '../../src/facts/queries/fine-tuning.js';
import type { Evidence } from '../../src/types.js';

const SHOWN = [
  'learning_rate', 'num_train_epochs', 'max_steps', 'per_device_train_batch_size', 'gradient_accumulation_steps',
  'gradient_checkpointing', 'bf16', 'fp16', 'lr_scheduler_type', 'warmup_ratio', 'warmup_steps', 'optim', 'max_seq_length', 'max_length', 'beta',
];
/** Axolotl and LLaMA-Factory spellings of the same settings. */
const CONFIG_SHOWN = [
  'learning_rate', 'num_epochs', 'num_train_epochs', 'max_steps', 'micro_batch_size', 'per_device_train_batch_size', 'gradient_accumulation_steps',
  'gradient_checkpointing', 'bf16', 'fp16', 'lr_scheduler', 'lr_scheduler_type', 'warmup_ratio', 'warmup_steps', 'optimizer', 'sequence_len', 'cutoff_len',
];
const DEFAULTS: [name: string, shownAs: string][] = [
  ['learning_rate', 'learning_rate (5e-5)'],
  ['num_train_epochs|max_steps', 'num_train_epochs (3)'],
  ['per_device_train_batch_size', 'per_device_train_batch_size (8)'],
];
const SEED_CALLS = ['transformers.set_seed', 'accelerate.set_seed', 'torch.manual_seed', 'lightning.seed_everything', 'pytorch_lightning.seed_everything', 'random.seed', 'numpy.random.seed'];

export default defineCheck({
  id: 'fine-tuning/training-arguments',
  docs: 'Reports the training hyperparameters (learning rate, epochs, batch size and gradient accumulation, gradient checkpointing, mixed precision) of `TrainingArguments`, TRL configs and training YAML, and whether the run is seeded.',
  messages: {
    deliberate: 'Training hyperparameters set explicitly: {{settings}}',
    defaults: 'Training arguments: {{settings}}; left at library defaults: {{defaults}}',
    seeded: 'Training is seeded: {{how}}',
    unseeded: 'Training sets no seed (no `seed=` in the training arguments, no `set_seed` call); results rely on the library default and cannot be compared across runs with confidence',
  },
  questions: {
    deliberate: 'At `{{at}}` you chose {{settings}}. How did you pick the learning rate and the number of epochs, and what did the loss curves look like?',
    unseeded: 'If you reran the training at `{{at}}`, would you get the same model and scores? How would you tell a real improvement from run-to-run noise?',
  },
  *run({ facts }) {
    const argumentCalls = trainingArgumentCalls(facts);
    const configs = trainingConfigs(facts);
    let seed: { evidence: Evidence; how: string } | undefined;
    for (const call of argumentCalls) {
      const settings = setKwargs(call, SHOWN).join(', ') || 'none set';
      const defaults = DEFAULTS.filter(([names]) => !names.split('|').some((n) => call.kwargs[n])).map(([, label]) => label);
      const data = { settings, defaults, at: at(call.evidence) };
      yield defaults.length ? { kind: 'info', messageId: 'defaults', evidence: [call.evidence], data } : { kind: 'strength', messageId: 'deliberate', evidence: [call.evidence], data };
      if (!seed && call.kwargs.seed) seed = { evidence: call.kwargs.seed.evidence, how: setKwargs(call, ['seed'])[0]! };
    }
    for (const config of configs) {
      const leaves = CONFIG_SHOWN.flatMap((key) => {
        const leaf = config.value(key);
        return leaf ? [`${key}=${literalText(leaf.value)}`] : [];
      });
      if (!leaves.length) continue;
      const defaults = [config.value('learning_rate') ? [] : ['learning_rate'], ['num_epochs', 'num_train_epochs', 'max_steps'].some((k) => config.value(k)) ? [] : ['num_epochs']].flat();
      const evidence = config.value('learning_rate')?.evidence ?? config.evidence;
      const data = { settings: leaves.join(', '), defaults, at: at(evidence) };
      yield defaults.length ? { kind: 'info', messageId: 'defaults', evidence: [evidence], data } : { kind: 'strength', messageId: 'deliberate', evidence: [evidence], data };
      const seedLeaf = config.value('seed');
      if (!seed && seedLeaf) seed = { evidence: seedLeaf.evidence, how: `seed=${literalText(seedLeaf.value)} in \`${config.document.path}\`` };
    }
    const first = argumentCalls[0]?.evidence ?? configs[0]?.evidence;
    if (!first) return;
    if (!seed) {
      const call = productCallsTo(facts, SEED_CALLS)[0];
      if (call) seed = { evidence: call.evidence, how: `\`${call.raw}(…)\`` };
    }
    if (seed) yield { kind: 'strength', messageId: 'seeded', evidence: [seed.evidence], data: { how: seed.how } };
    else yield { kind: 'concern', messageId: 'unseeded', evidence: [first], data: { at: at(first) } };
  },
});
