import { describe, expect, it } from 'vitest';
import check from '../../../checks/fine-tuning/adapter-saving.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const TRAIN = `from transformers import AutoModelForCausalLM, AutoTokenizer
from peft import LoraConfig, get_peft_model
from trl import SFTTrainer

tokenizer = AutoTokenizer.from_pretrained("m")
model = get_peft_model(AutoModelForCausalLM.from_pretrained("m"), LoraConfig(r=8))
trainer = SFTTrainer(model=model, train_dataset=ds)
trainer.train()
`;

describe('fine-tuning/adapter-saving', () => {
  it.each<CheckRow>([
    {
      name: 'the adapter saved and pushed',
      files: { 'train.py': `${TRAIN}trainer.model.save_pretrained("adapter")\ntokenizer.save_pretrained("adapter")\nmodel.push_to_hub("me/adapter")\n` },
      expected: [{ kind: 'info', messageId: 'saved', at: 'train.py:9' }, { kind: 'info', messageId: 'pushed', at: 'train.py:11' }],
    },
    {
      name: 'the adapter merged and saved',
      files: { 'train.py': `${TRAIN}merged = model.merge_and_unload()\nmerged.save_pretrained("merged")\n` },
      expected: [{ kind: 'info', messageId: 'merged', at: 'train.py:9' }, { kind: 'info', messageId: 'saved', at: 'train.py:10' }],
    },
    {
      name: 'a merge after a 4-bit base',
      files: { 'train.py': `${TRAIN}base = AutoModelForCausalLM.from_pretrained("m", load_in_4bit=True)\nmodel.merge_and_unload()\n` },
      expected: [{ kind: 'info', messageId: 'mergedFourBit', at: 'train.py:10' }],
    },
    {
      name: 'Unsloth GGUF export',
      files: { 'ft.py': 'from unsloth import FastLanguageModel\nmodel = FastLanguageModel.get_peft_model(model, r=16)\nmodel.save_pretrained_gguf("out", tok, quantization_method="q4_k_m")\n' },
      expected: [{ kind: 'info', messageId: 'gguf', at: 'ft.py:3' }],
    },
    {
      name: 'training whose result is never saved (only the tokenizer is)',
      files: { 'train.py': `${TRAIN}tokenizer.save_pretrained("out")\n` },
      expected: [{ kind: 'concern', messageId: 'notSaved', at: 'train.py:8' }],
    },
    {
      name: 'trainer.save_model()',
      files: { 'train.py': `${TRAIN}trainer.save_model("out")\n` },
      expected: [{ kind: 'info', messageId: 'saved', at: 'train.py:9' }],
    },
    {
      name: 'an inference app that caches a downloaded model',
      files: { 'app.py': 'from transformers import AutoModel\nm = AutoModel.from_pretrained("bert-base-uncased")\nm.save_pretrained("cache")\n' },
      expected: [],
    },
    { name: 'a README that mentions merging', files: { 'README.md': 'We call merge_and_unload() and push_to_hub().\n' }, expected: [] },
    { name: 'an ordinary web app', files: { 'app.py': 'from flask import Flask\napp = Flask(__name__)\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('says what was saved and asks about the 4-bit merge', async () => {
    const [saved] = await findingsOf(check, { 'train.py': `${TRAIN}trainer.model.save_pretrained("adapter")\n` });
    expect(saved!.message).toBe('Saves the trained LoRA adapter: `trainer.model.save_pretrained(…)`');
    const [merge] = await findingsOf(check, { 'train.py': `${TRAIN}base = AutoModelForCausalLM.from_pretrained("m", load_in_4bit=True)\nmodel.merge_and_unload()\n` });
    expect(merge!.question).toContain('`train.py:10`');
  });
});
