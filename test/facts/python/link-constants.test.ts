import { describe, expect, it } from 'vitest';
import { reviewFiles } from '../../helpers/review-files.js';

describe('constants across modules', () => {
  it('resolve through relative imports, module attributes and os.getenv defaults', async () => {
    const report = await reviewFiles({
      'pkg/__init__.py': '',
      'pkg/settings.py': 'import os\nCHUNK_SIZE = 800\nRANK = 16\nMODEL = os.getenv("MODEL", "Qwen/Qwen2-0.5B")\n',
      'pkg/train.py': [
        'from peft import LoraConfig',
        'from transformers import AutoModelForCausalLM',
        'from .settings import RANK',
        'from pkg import settings',
        'model = AutoModelForCausalLM.from_pretrained(settings.MODEL)',
        'config = LoraConfig(r=RANK, lora_alpha=settings.RANK * 2)',
      ].join('\n'),
    });
    expect(report.stack.lora).toMatchObject({ r: 16, alpha: null });
    expect(report.stack.models.map((m) => m.id)).toEqual(['Qwen/Qwen2-0.5B']);
  });
});
