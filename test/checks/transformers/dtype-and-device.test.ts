import { describe, expect, it } from 'vitest';
import check from '../../../checks/transformers/dtype-and-device.js';
import { findingsOf, reportsOf } from '../../helpers/check-tester.js';

const HEAD = 'import torch\nfrom transformers import AutoModelForCausalLM, AutoModel, AutoTokenizer, pipeline\n';

describe('transformers/dtype-and-device', () => {
  it.each<{ name: string; source: string; expected: { kind: string; messageId: string; at: string }[] }>([
    {
      name: 'bfloat16 with device_map="auto"',
      source: `${HEAD}model = AutoModelForCausalLM.from_pretrained("org/m", torch_dtype=torch.bfloat16, device_map="auto")\n`,
      expected: [{ kind: 'strength', messageId: 'placed', at: 'llm.py:3' }],
    },
    {
      name: 'a model moved with .to("cuda") on a later line',
      source: `${HEAD}model = AutoModelForCausalLM.from_pretrained("org/m")\nmodel.to("cuda")\n`,
      expected: [{ kind: 'info', messageId: 'moved', at: 'llm.py:4' }],
    },
    {
      name: 'a causal LM loaded with library defaults',
      source: `${HEAD}tok = AutoTokenizer.from_pretrained("org/m")\nmodel = AutoModelForCausalLM.from_pretrained("org/m")\n`,
      expected: [{ kind: 'info', messageId: 'defaults', at: 'llm.py:4' }],
    },
    {
      name: 'a text-generation pipeline on GPU 0',
      source: `${HEAD}pipe = pipeline("text-generation", model="gpt2", device=0)\n`,
      expected: [{ kind: 'strength', messageId: 'placed', at: 'llm.py:3' }],
    },
    {
      name: 'an explicit float32 on CPU is stated, not praised',
      source: `${HEAD}model = AutoModelForCausalLM.from_pretrained("org/m", torch_dtype=torch.float32)\n`,
      expected: [{ kind: 'info', messageId: 'placed', at: 'llm.py:3' }],
    },
    {
      name: 'an encoder with defaults and a tokenizer say nothing',
      source: `${HEAD}enc = AutoModel.from_pretrained("bert-base-uncased")\ntok = AutoTokenizer.from_pretrained("bert-base-uncased")\n`,
      expected: [],
    },
    {
      name: 'a model handed to a Trainer, which places it',
      source: `${HEAD}from transformers import Trainer\nmodel = AutoModelForCausalLM.from_pretrained("org/m")\ntrainer = Trainer(model=model, args=args)\n`,
      expected: [],
    },
    {
      name: 'a .to("cuda") on a plain tensor is not the model',
      source: `${HEAD}x = torch.zeros(3).to("cuda")\n`,
      expected: [],
    },
  ])('$name', async ({ source, expected }) => {
    expect(await reportsOf(check, { 'llm.py': source })).toEqual(expected);
  });

  it('puts the chosen settings in the message', async () => {
    const [finding] = await findingsOf(check, { 'llm.py': `${HEAD}m = AutoModelForCausalLM.from_pretrained("org/m", torch_dtype=torch.float16, device_map="auto")\n` });
    expect(finding?.message).toBe('`AutoModelForCausalLM.from_pretrained` loads `org/m` with torch_dtype=torch.float16, device_map="auto"');
  });
});
