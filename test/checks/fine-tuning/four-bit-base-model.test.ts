import { describe, expect, it } from 'vitest';
import check from '../../../checks/fine-tuning/four-bit-base-model.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const head = `import torch
from transformers import AutoModelForCausalLM, BitsAndBytesConfig
from peft import LoraConfig, get_peft_model, prepare_model_for_kbit_training
`;
const QLORA = `${head}
bnb = BitsAndBytesConfig(
    load_in_4bit=True,
    bnb_4bit_quant_type="nf4",
    bnb_4bit_use_double_quant=True,
    bnb_4bit_compute_dtype=torch.bfloat16,
)
model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-2-7b-hf", quantization_config=bnb)
model = prepare_model_for_kbit_training(model)
model = get_peft_model(model, LoraConfig(r=16))
`;
const UNPREPARED = `${head}
bnb = BitsAndBytesConfig(load_in_4bit=True)
model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-2-7b-hf", quantization_config=bnb)
model = get_peft_model(model, LoraConfig(r=16))
`;

describe('fine-tuning/four-bit-base-model', () => {
  it.each<CheckRow>([
    { name: 'the QLoRA recipe, prepared for k-bit training', files: { 'train.py': QLORA }, expected: [{ kind: 'info', messageId: 'bitsAndBytes', at: 'train.py:5' }] },
    {
      name: 'a 4-bit LoRA base never prepared',
      files: { 'train.py': UNPREPARED },
      expected: [{ kind: 'concern', messageId: 'unprepared', at: 'train.py:5' }, { kind: 'info', messageId: 'bitsAndBytes', at: 'train.py:5' }],
    },
    {
      name: 'a 4-bit base handed to SFTTrainer with peft_config (TRL prepares it)',
      files: { 'train.py': `${UNPREPARED}from trl import SFTTrainer\ntrainer = SFTTrainer(model=model, train_dataset=ds, peft_config=LoraConfig(r=8))\n` },
      expected: [{ kind: 'info', messageId: 'bitsAndBytes', at: 'train.py:5' }],
    },
    {
      name: 'a 4-bit model for inference only (no adapter)',
      files: { 'serve.py': 'from transformers import AutoModelForCausalLM, BitsAndBytesConfig\nq = BitsAndBytesConfig(load_in_4bit=True)\nm = AutoModelForCausalLM.from_pretrained("x", quantization_config=q)\n' },
      expected: [{ kind: 'info', messageId: 'bitsAndBytes', at: 'serve.py:2' }],
    },
    {
      name: 'Unsloth loading in 4-bit (Unsloth prepares its own models)',
      files: { 'ft.py': 'from unsloth import FastLanguageModel\nmodel, tok = FastLanguageModel.from_pretrained(model_name="unsloth/llama-3-8b-bnb-4bit", load_in_4bit=True)\nmodel = FastLanguageModel.get_peft_model(model, r=16)\n' },
      expected: [{ kind: 'info', messageId: 'loadFlag', at: 'ft.py:2' }],
    },
    {
      name: 'an 8-bit base',
      files: { 'train.py': 'from transformers import BitsAndBytesConfig\nq = BitsAndBytesConfig(load_in_8bit=True)\n' },
      expected: [{ kind: 'info', messageId: 'eightBit', at: 'train.py:2' }],
    },
    {
      name: 'an Axolotl QLoRA config',
      files: { 'qlora.yml': 'base_model: NousResearch/Llama-2-7b-hf\nadapter: qlora\nload_in_4bit: true\nlora_r: 32\nmicro_batch_size: 2\n' },
      expected: [{ kind: 'info', messageId: 'config', at: 'qlora.yml:3' }],
    },
    { name: 'a README that says QLoRA', files: { 'README.md': 'Fine-tuned Llama 2 7B with QLoRA (4-bit NF4, double quantisation).\n', 'train.py': 'print("hello")\n' }, expected: [] },
    { name: 'BitsAndBytesConfig only imported', files: { 'train.py': 'from transformers import BitsAndBytesConfig\n' }, expected: [] },
    { name: 'an ordinary web app', files: { 'app.py': 'from fastapi import FastAPI\napp = FastAPI()\n\n@app.get("/health")\ndef health():\n    return {"ok": True}\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('names the quantisation settings, and the defaults left in place', async () => {
    const [recipe] = await findingsOf(check, { 'train.py': QLORA });
    expect(recipe!.message).toBe('4-bit base model via `BitsAndBytesConfig`: bnb_4bit_quant_type="nf4", double quantisation on, compute dtype torch.bfloat16');
    const [concern, plain] = await findingsOf(check, { 'train.py': UNPREPARED });
    expect(plain!.message).toContain('bnb_4bit_quant_type=fp4 (default), double quantisation off, compute dtype float32 (default)');
    expect(concern!.question).toContain('`train.py:5`');
  });
});
