import { describe, expect, it } from 'vitest';
import check from '../../../checks/fine-tuning/peft-configuration.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const NOTEBOOK = JSON.stringify({
  nbformat: 4,
  nbformat_minor: 5,
  metadata: {},
  cells: [
    { cell_type: 'markdown', source: ['# QLoRA fine-tune\n', 'LoraConfig(r=64, lora_alpha=16) in prose'] },
    { cell_type: 'code', source: ['from peft import LoraConfig\n', 'import torch'], outputs: [] },
    { cell_type: 'code', source: ['cfg = LoraConfig(r=64, lora_alpha=16, target_modules="all-linear")'], outputs: [] },
  ],
});

const LORA = `from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM

model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2-0.5B")
config = LoraConfig(r=16, lora_alpha=32, lora_dropout=0.05, target_modules=["q_proj", "v_proj"], task_type="CAUSAL_LM")
model = get_peft_model(model, config)
`;

describe('fine-tuning/peft-configuration', () => {
  it.each<CheckRow>([
    { name: 'a LoraConfig with every value set', files: { 'train.py': LORA }, expected: [{ kind: 'info', messageId: 'lora', at: 'train.py:5' }] },
    {
      name: 'a LoraConfig left to default target modules',
      files: { 'train.py': 'import peft\n\ncfg = peft.LoraConfig(r=8, lora_alpha=16)\n' },
      expected: [{ kind: 'info', messageId: 'lora', at: 'train.py:3' }, { kind: 'info', messageId: 'defaultTargets', at: 'train.py:3' }],
    },
    {
      name: 'Unsloth get_peft_model',
      files: { 'ft.py': 'from unsloth import FastLanguageModel\nmodel, tok = FastLanguageModel.from_pretrained("unsloth/llama-3-8b-bnb-4bit", load_in_4bit=True)\nmodel = FastLanguageModel.get_peft_model(model, r=16, lora_alpha=16)\n' },
      expected: [{ kind: 'info', messageId: 'lora', at: 'ft.py:3' }],
    },
    {
      name: 'an Axolotl-style YAML config',
      files: { 'configs/train.yaml': 'base_model: mistralai/Mistral-7B-v0.1\nadapter: lora\nlora_r: 32\nlora_alpha: 64\nlora_dropout: 0.05\nlora_target_modules:\n  - q_proj\n  - v_proj\nmicro_batch_size: 2\n' },
      expected: [{ kind: 'info', messageId: 'lora', at: 'configs/train.yaml:3' }],
    },
    {
      name: 'prefix tuning',
      files: { 'train.py': 'from peft import PrefixTuningConfig\ncfg = PrefixTuningConfig(task_type="CAUSAL_LM", num_virtual_tokens=20)\n' },
      expected: [{ kind: 'info', messageId: 'method', at: 'train.py:2' }],
    },
    {
      name: 'a Trainer with no PEFT adapter (full fine-tuning)',
      files: { 'train.py': 'from transformers import Trainer, TrainingArguments\ntrainer = Trainer(model=model, args=TrainingArguments(output_dir="out"), train_dataset=ds)\n' },
      expected: [{ kind: 'info', messageId: 'full', at: 'train.py:2' }],
    },
    { name: 'a notebook code cell (not its markdown)', files: { 'ft.ipynb': NOTEBOOK }, expected: [{ kind: 'info', messageId: 'lora', at: 'ft.ipynb:3' }] },
    { name: 'a README that says LoRA and QLoRA', files: { 'README.md': '# Fine-tuned Llama 2 with QLoRA\n\nLoraConfig(r=64) on all layers.\n' }, expected: [] },
    { name: 'LoraConfig only imported', files: { 'train.py': 'from peft import LoraConfig\n# LoraConfig(r=8)\n' }, expected: [] },
    { name: 'an ordinary web app', files: { 'app.py': 'from flask import Flask\napp = Flask(__name__)\n\n@app.get("/")\ndef index():\n    return "ok"\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('puts the chosen values, and the defaults it fell back to, in the message', async () => {
    const [configured] = await findingsOf(check, { 'train.py': LORA });
    expect(configured!.message).toBe('LoRA adapter (PEFT `LoraConfig`): r=16, lora_alpha=32, lora_dropout=0.05, target_modules=q_proj, v_proj');
    const [, implicit] = await findingsOf(check, { 'train.py': 'from peft import LoraConfig\nR = 4\ncfg = LoraConfig(r=R)\n' });
    expect(implicit!.question).toContain('`train.py:3`');
    const [fromConstant] = await findingsOf(check, { 'train.py': 'from peft import LoraConfig\nR = 4\ncfg = LoraConfig(r=R)\n' });
    expect(fromConstant!.message).toContain('r=R=4, lora_alpha=8 (default)');
    const [yaml] = await findingsOf(check, { 'train.yml': 'base_model: m\nadapter: qlora\nlora_r: 8\nlora_alpha: 16\nlora_target_linear: true\nnum_epochs: 1\n' });
    expect(yaml!.message).toContain('target_modules=all linear layers');
  });
});
