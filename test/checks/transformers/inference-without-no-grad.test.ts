import { describe, expect, it } from 'vitest';
import check from '../../../checks/transformers/inference-without-no-grad.js';
import { findingsOf, reportsOf } from '../../helpers/check-tester.js';

const LOAD = 'import torch\nfrom transformers import AutoModelForSequenceClassification, AutoModelForCausalLM\nmodel = AutoModelForSequenceClassification.from_pretrained("org/clf")\n';

describe('transformers/inference-without-no-grad', () => {
  it.each<{ name: string; source: string; expected: { kind: string; messageId: string; at: string }[] }>([
    {
      name: 'a forward pass in a plain function',
      source: `${LOAD}def classify(inputs):\n    return model(**inputs).logits\n`,
      expected: [{ kind: 'concern', messageId: 'withGrad', at: 'app.py:5' }],
    },
    {
      name: 'a forward pass under with torch.no_grad()',
      source: `${LOAD}def classify(inputs):\n    with torch.no_grad():\n        return model(**inputs).logits\n`,
      expected: [],
    },
    {
      name: 'a forward pass in a function decorated with @torch.inference_mode()',
      source: `${LOAD}@torch.inference_mode()\ndef classify(inputs):\n    return model(**inputs).logits\n`,
      expected: [],
    },
    {
      name: 'a forward pass through self.model in a method',
      source: `${LOAD}class Clf:\n    def __init__(self):\n        self.model = AutoModelForSequenceClassification.from_pretrained("org/clf")\n    def predict(self, x):\n        return self.model(**x)\n`,
      expected: [{ kind: 'concern', messageId: 'withGrad', at: 'app.py:8' }],
    },
    {
      name: 'generate already runs without gradients, and from_pretrained returns a model in eval mode',
      source: `${LOAD}lm = AutoModelForCausalLM.from_pretrained("org/lm")\ndef answer(inputs):\n    return lm.generate(**inputs, max_new_tokens=64)\n`,
      expected: [],
    },
    {
      name: 'a training step wants gradients',
      source: `${LOAD}def train_epoch(batches, opt):\n    for b in batches:\n        loss = model(**b).loss\n        loss.backward()\n        opt.step()\n`,
      expected: [],
    },
    {
      name: 'generate after .train() with no .eval()',
      source: `${LOAD}lm = AutoModelForCausalLM.from_pretrained("org/lm")\nlm.train()\nrun_training(lm)\nout = lm.generate(ids, max_new_tokens=32)\n`,
      expected: [{ kind: 'concern', messageId: 'withoutEval', at: 'app.py:7' }],
    },
    {
      name: 'a custom network with weights from load_state_dict and no .eval()',
      source: 'import torch\nfrom net import Net\nnet = Net()\nnet.load_state_dict(torch.load("w.pt"))\nwith torch.no_grad():\n    y = net(x)\n',
      expected: [{ kind: 'concern', messageId: 'withoutEval', at: 'app.py:6' }],
    },
    {
      name: 'the same network switched to .eval()',
      source: 'import torch\nfrom net import Net\nnet = Net()\nnet.load_state_dict(torch.load("w.pt"))\nnet.eval()\nwith torch.no_grad():\n    y = net(x)\n',
      expected: [],
    },
    {
      name: 'a tokenizer call is not a forward pass',
      source: 'from transformers import AutoTokenizer\ntok = AutoTokenizer.from_pretrained("org/m")\ndef enc(q):\n    return tok(q, return_tensors="pt")\n',
      expected: [],
    },
  ])('$name', async ({ source, expected }) => {
    expect(await reportsOf(check, { 'app.py': source })).toEqual(expected);
  });

  it('asks about the exact line', async () => {
    const [finding] = await findingsOf(check, { 'app.py': `${LOAD}def classify(inputs):\n    return model(**inputs).logits\n` });
    expect(finding?.message).toMatch(/^`model\(…\)` runs the model outside `torch.no_grad\(\)`/);
    expect(finding?.question).toContain('app.py:5');
  });
});

describe('transformers/inference-without-no-grad on hostile names', () => {
  it('reads a 125 KB class name full of `Train` without backtracking: its method is still not a training step', async () => {
    const name = `${'Train'.repeat(25_000)}Clf`;
    const source = `${LOAD}class ${name}:\n    def __init__(self):\n        self.model = AutoModelForSequenceClassification.from_pretrained("org/clf")\n    def predict(self, x):\n        return self.model(**x)\n`;
    expect(await reportsOf(check, { 'app.py': source })).toEqual([{ kind: 'concern', messageId: 'withGrad', at: 'app.py:8' }]);
  });
});
