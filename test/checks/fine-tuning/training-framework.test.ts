import { describe, expect, it } from 'vitest';
import check from '../../../checks/fine-tuning/training-framework.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const SFT = `from trl import SFTTrainer, SFTConfig

trainer = SFTTrainer(model=model, args=SFTConfig(output_dir="out"), train_dataset=train)
trainer.train()
`;

describe('fine-tuning/training-framework', () => {
  it.each<CheckRow>([
    { name: 'TRL SFTTrainer', files: { 'train.py': SFT }, expected: [{ kind: 'info', messageId: 'sft', at: 'train.py:3' }] },
    {
      name: 'TRL DPOTrainer through a module alias',
      files: { 'dpo.py': 'import trl\n\ntrainer = trl.DPOTrainer(model, ref_model=None, args=cfg, train_dataset=pairs)\n' },
      expected: [{ kind: 'info', messageId: 'preference', at: 'dpo.py:3' }],
    },
    {
      name: 'TRL GRPOTrainer',
      files: { 'rl.py': 'from trl import GRPOTrainer\ntrainer = GRPOTrainer(model="Qwen/Qwen2-0.5B-Instruct", reward_funcs=reward_len, train_dataset=ds)\n' },
      expected: [{ kind: 'info', messageId: 'rl', at: 'rl.py:2' }],
    },
    {
      name: 'the Transformers Trainer',
      files: { 'train.py': 'from transformers import Trainer\ntrainer = Trainer(model=model, train_dataset=ds)\n' },
      expected: [{ kind: 'info', messageId: 'trainer', at: 'train.py:2' }],
    },
    {
      name: 'Unsloth FastLanguageModel',
      files: { 'ft.py': 'from unsloth import FastLanguageModel\nmodel, tok = FastLanguageModel.from_pretrained(model_name="unsloth/llama-3-8b-bnb-4bit", max_seq_length=2048)\n' },
      expected: [{ kind: 'info', messageId: 'unsloth', at: 'ft.py:2' }],
    },
    {
      name: 'an Axolotl-style config',
      files: { 'configs/train.yaml': '# Axolotl\nbase_model: mistralai/Mistral-7B-v0.1\nadapter: lora\nlora_r: 32\nmicro_batch_size: 2\nnum_epochs: 3\n' },
      expected: [{ kind: 'info', messageId: 'config', at: 'configs/train.yaml:2' }],
    },
    {
      name: 'a LLaMA-Factory-style config',
      files: { 'llama3_lora_sft.yaml': 'model_name_or_path: meta-llama/Meta-Llama-3-8B-Instruct\nstage: sft\nfinetuning_type: lora\nlora_rank: 8\n' },
      expected: [{ kind: 'info', messageId: 'config', at: 'llama3_lora_sft.yaml:1' }],
    },
    { name: 'a trainer in a test file only', files: { 'tests/test_train.py': SFT }, expected: [] },
    { name: 'an app config that names a model', files: { 'config.yaml': 'base_model: llama3\ntemperature: 0.2\ntop_k: 4\n' }, expected: [] },
    { name: 'a README that describes SFT and DPO', files: { 'README.md': 'Trained with TRL SFTTrainer, then DPOTrainer.\n' }, expected: [] },
    { name: 'an ordinary web app', files: { 'app.py': 'from flask import Flask\napp = Flask(__name__)\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('asks about this trainer and names the config values', async () => {
    const [sft] = await findingsOf(check, { 'train.py': SFT });
    expect(sft!.message).toBe('Supervised fine-tuning with TRL `SFTTrainer`');
    expect(sft!.question).toContain('`train.py:3`');
    const [config] = await findingsOf(check, { 'train.yml': 'base_model: mistralai/Mistral-7B-v0.1\nadapter: qlora\nsequence_len: 2048\n' });
    expect(config!.message).toBe('Axolotl-style training config `train.yml`: base_model=mistralai/Mistral-7B-v0.1, adapter=qlora');
  });
});
