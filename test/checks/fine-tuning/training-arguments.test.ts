import { describe, expect, it } from 'vitest';
import check from '../../../checks/fine-tuning/training-arguments.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const FULL = `from transformers import TrainingArguments

args = TrainingArguments(
    output_dir="out",
    learning_rate=2e-4,
    num_train_epochs=3,
    per_device_train_batch_size=4,
    gradient_accumulation_steps=4,
    gradient_checkpointing=True,
    bf16=True,
    seed=1234,
)
`;

describe('fine-tuning/training-arguments', () => {
  it.each<CheckRow>([
    {
      name: 'every hyperparameter and the seed set',
      files: { 'train.py': FULL },
      expected: [{ kind: 'strength', messageId: 'deliberate', at: 'train.py:3' }, { kind: 'strength', messageId: 'seeded', at: 'train.py:11' }],
    },
    {
      name: 'an SFTConfig with defaults and no seed',
      files: { 'train.py': 'from trl import SFTConfig\ncfg = SFTConfig(output_dir="out", bf16=True)\n' },
      expected: [{ kind: 'concern', messageId: 'unseeded', at: 'train.py:2' }, { kind: 'info', messageId: 'defaults', at: 'train.py:2' }],
    },
    {
      name: 'a seed set with transformers.set_seed',
      files: { 'train.py': 'from transformers import TrainingArguments, set_seed\nset_seed(0)\nargs = TrainingArguments(output_dir="o", learning_rate=1e-5, max_steps=100, per_device_train_batch_size=2)\n' },
      expected: [{ kind: 'strength', messageId: 'deliberate', at: 'train.py:3' }, { kind: 'strength', messageId: 'seeded', at: 'train.py:2' }],
    },
    {
      name: 'an Axolotl config with a seed',
      files: { 'train.yml': 'base_model: m\nadapter: lora\nlearning_rate: 0.0002\nnum_epochs: 2\nmicro_batch_size: 2\nseed: 42\n' },
      expected: [{ kind: 'strength', messageId: 'deliberate', at: 'train.yml:3' }, { kind: 'strength', messageId: 'seeded', at: 'train.yml:6' }],
    },
    {
      name: 'an Axolotl config with no seed',
      files: { 'train.yml': 'base_model: m\nadapter: lora\nlearning_rate: 0.0002\nnum_epochs: 2\n' },
      expected: [{ kind: 'concern', messageId: 'unseeded', at: 'train.yml:1' }, { kind: 'strength', messageId: 'deliberate', at: 'train.yml:3' }],
    },
    { name: 'TrainingArguments only imported', files: { 'train.py': 'from transformers import TrainingArguments\n' }, expected: [] },
    { name: 'a README with hyperparameters', files: { 'README.md': 'learning_rate=2e-4, 3 epochs, seed 42\n' }, expected: [] },
    { name: 'an ordinary app that seeds random', files: { 'app.py': 'import random\nrandom.seed(1)\nprint(random.random())\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('lists the values chosen and those left to defaults', async () => {
    const [deliberate, seeded] = await findingsOf(check, { 'train.py': FULL });
    expect(deliberate!.message).toBe(
      'Training hyperparameters set explicitly: learning_rate=2e-4, num_train_epochs=3, per_device_train_batch_size=4, gradient_accumulation_steps=4, gradient_checkpointing=True, bf16=True',
    );
    expect(seeded!.message).toBe('Training is seeded: seed=1234');
    const [unseeded, defaults] = await findingsOf(check, { 'train.py': 'from trl import SFTConfig\ncfg = SFTConfig(output_dir="out", learning_rate=1e-4)\n' });
    expect(defaults!.message).toBe('Training arguments: learning_rate=1e-4; left at library defaults: num_train_epochs (3), per_device_train_batch_size (8)');
    expect(unseeded!.question).toContain('`train.py:2`');
  });
});
