import { describe, expect, it } from 'vitest';
import check from '../../../checks/fine-tuning/held-out-evaluation.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const head = 'from datasets import load_dataset\nfrom transformers import Trainer, TrainingArguments\n';

describe('fine-tuning/held-out-evaluation', () => {
  it.each<CheckRow>([
    {
      name: 'a split evaluated during training',
      files: {
        'train.py': `${head}ds = load_dataset("json", data_files="qa.jsonl")
splits = ds["train"].train_test_split(test_size=0.1, seed=0)
args = TrainingArguments(output_dir="out", eval_strategy="epoch")
trainer = Trainer(model=model, args=args, train_dataset=splits["train"], eval_dataset=splits["test"])
`,
      },
      expected: [{ kind: 'strength', messageId: 'split', at: 'train.py:4' }, { kind: 'strength', messageId: 'duringTraining', at: 'train.py:6' }],
    },
    {
      name: 'an eval_dataset that is never evaluated',
      files: { 'train.py': `${head}val = load_dataset("x", split="validation")\ntrainer = Trainer(model=model, args=TrainingArguments(output_dir="o"), train_dataset=tr, eval_dataset=val)\ntrainer.train()\n` },
      expected: [{ kind: 'concern', messageId: 'evalNeverRun', at: 'train.py:4' }, { kind: 'strength', messageId: 'split', at: 'train.py:3' }],
    },
    {
      name: 'evaluate() called after training',
      files: { 'train.py': `${head}trainer = Trainer(model=model, train_dataset=tr, eval_dataset=te)\ntrainer.train()\nprint(trainer.evaluate())\n` },
      expected: [{ kind: 'strength', messageId: 'afterTraining', at: 'train.py:5' }],
    },
    {
      name: 'a split the trainer never sees',
      files: { 'train.py': `${head}from sklearn.model_selection import train_test_split\ntr, te = train_test_split(rows, test_size=0.2)\ntrainer = Trainer(model=model, train_dataset=tr)\n` },
      expected: [{ kind: 'strength', messageId: 'split', at: 'train.py:4' }, { kind: 'info', messageId: 'noEvalDataset', at: 'train.py:5' }],
    },
    {
      name: 'training with no held-out data at all',
      files: { 'train.py': 'from trl import SFTTrainer\n\ntrainer = SFTTrainer(model=model, train_dataset=load_dataset("json", data_files="all.jsonl")["train"])\ntrainer.train()\n' },
      expected: [{ kind: 'concern', messageId: 'noHeldOut', at: 'train.py:3' }],
    },
    {
      name: 'an Axolotl config with val_set_size',
      files: { 'train.yml': 'base_model: m\nadapter: lora\nval_set_size: 0.05\nnum_epochs: 1\n' },
      expected: [{ kind: 'strength', messageId: 'configSplit', at: 'train.yml:3' }],
    },
    {
      name: 'an Axolotl config with val_set_size 0',
      files: { 'train.yml': 'base_model: m\nadapter: lora\nval_set_size: 0\nnum_epochs: 1\n' },
      expected: [{ kind: 'concern', messageId: 'configNoHeldOut', at: 'train.yml:1' }],
    },
    {
      name: 'a split commented out',
      files: { 'train.py': 'from trl import SFTTrainer\n# ds = ds["train"].train_test_split(test_size=0.1)\ntrainer = SFTTrainer(model=model, train_dataset=ds)\n' },
      expected: [{ kind: 'concern', messageId: 'noHeldOut', at: 'train.py:3' }],
    },
    { name: 'a split in an app that trains nothing', files: { 'eval.py': 'from sklearn.model_selection import train_test_split\na, b = train_test_split(rows)\n' }, expected: [] },
    { name: 'an ordinary web app', files: { 'app.py': 'from flask import Flask\napp = Flask(__name__)\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('says which strategy and asks about the missing split', async () => {
    const findings = await findingsOf(check, { 'train.py': 'from trl import SFTTrainer, SFTConfig\ncfg = SFTConfig(output_dir="o", evaluation_strategy="steps", eval_steps=50)\nt = SFTTrainer(model=m, args=cfg, train_dataset=a, eval_dataset=b)\n' });
    expect(findings).toEqual([expect.objectContaining({ messageId: 'duringTraining', message: 'TRL `SFTTrainer` evaluates on a held-out `eval_dataset` during training (evaluation_strategy="steps")' })]);
    const [none] = await findingsOf(check, { 'train.py': 'from trl import SFTTrainer\nt = SFTTrainer(model=m, train_dataset=a)\n' });
    expect(none!.question).toContain('`train.py:2`');
  });
});
