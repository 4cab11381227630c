import { describe, expect, it } from 'vitest';
import check from '../../../checks/fine-tuning/training-data-in-evaluation.js';
import { reportsOf } from '../../helpers/check-tester.js';

const trainer = (args: string) =>
  ['from transformers import Trainer, TrainingArguments', 'from datasets import load_dataset', 'ds = load_dataset("json", data_files="train.jsonl")', `trainer = Trainer(model=model, args=TrainingArguments("out"), ${args})`].join('\n');

describe('fine-tuning/training-data-in-evaluation', () => {
  it.each([
    ['the same variable', 'train_dataset=ds, eval_dataset=ds', [{ kind: 'concern', messageId: 'sameData', at: 'train.py:4' }]],
    ['the training split', 'train_dataset=ds["train"],\n    eval_dataset=ds[\'train\']', [{ kind: 'concern', messageId: 'sameData', at: 'train.py:5' }]],
    ['a held-out split', 'train_dataset=ds["train"], eval_dataset=ds["test"]', []],
    ['no evaluation set', 'train_dataset=ds', []],
  ])('%s', async (_name, args, expected) => {
    expect(await reportsOf(check, { 'train.py': trainer(args) })).toEqual(expected);
  });

  it('ignores prose and an ordinary app', async () => {
    expect(await reportsOf(check, { 'README.md': 'Trainer(train_dataset=ds, eval_dataset=ds)\n', 'app.py': 'from flask import Flask\napp = Flask(__name__)\n' })).toEqual([]);
  });
});
