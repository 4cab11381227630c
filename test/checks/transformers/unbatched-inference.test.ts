import { describe, expect, it } from 'vitest';
import check from '../../../checks/transformers/unbatched-inference.js';
import { findingsOf, reportsOf } from '../../helpers/check-tester.js';

const LOAD = 'from transformers import AutoModelForCausalLM, pipeline\nfrom sentence_transformers import SentenceTransformer\nmodel = AutoModelForCausalLM.from_pretrained("org/lm")\nenc = SentenceTransformer("all-MiniLM-L6-v2")\n';

describe('transformers/unbatched-inference', () => {
  it.each<{ name: string; source: string; expected: { kind: string; messageId: string; at: string }[] }>([
    {
      name: 'generate once per question in a for loop',
      source: `${LOAD}for q in questions:\n    out = model.generate(**tok(q, return_tensors="pt"), max_new_tokens=64)\n`,
      expected: [{ kind: 'concern', messageId: 'perItem', at: 'eval.py:6' }],
    },
    {
      name: 'encode once per document in a comprehension',
      source: `${LOAD}vectors = [enc.encode(d) for d in docs]\n`,
      expected: [{ kind: 'concern', messageId: 'perItem', at: 'eval.py:5' }],
    },
    {
      name: 'encode of the whole list with batch_size',
      source: `${LOAD}vectors = enc.encode(docs, batch_size=64)\n`,
      expected: [{ kind: 'strength', messageId: 'batched', at: 'eval.py:5' }],
    },
    {
      name: 'generate in a loop over batches',
      source: `${LOAD}for batch in batches:\n    out = model.generate(**batch, max_new_tokens=64)\n`,
      expected: [{ kind: 'strength', messageId: 'batched', at: 'eval.py:6' }],
    },
    {
      name: 'a loop over batches of input ids',
      source: `${LOAD}for i in range(0, n, 8):\n    out = model.generate(input_ids=batch_ids[i:i + 8], max_new_tokens=64)\n`,
      expected: [{ kind: 'strength', messageId: 'batched', at: 'eval.py:6' }],
    },
    {
      name: 'a pipeline called per item, batch_size set at creation',
      source: `${LOAD}pipe = pipeline("text-generation", model="gpt2", batch_size=8)\nfor q in qs:\n    pipe(q)\n`,
      expected: [{ kind: 'strength', messageId: 'batched', at: 'eval.py:7' }],
    },
    {
      name: 'a single call outside a loop, and a loop that only prints',
      source: `${LOAD}out = model.generate(**inputs, max_new_tokens=64)\nfor q in questions:\n    print(q)\n`,
      expected: [],
    },
    {
      name: 'a training loop is not inference',
      source: `${LOAD}for b in loader:\n    loss = model(**b).loss\n    loss.backward()\n`,
      expected: [],
    },
  ])('$name', async ({ source, expected }) => {
    expect(await reportsOf(check, { 'eval.py': source })).toEqual(expected);
  });

  it('asks about the loop at its line', async () => {
    const [finding] = await findingsOf(check, { 'eval.py': `${LOAD}for q in questions:\n    out = model.generate(**q, max_new_tokens=64)\n` });
    expect(finding?.message).toBe('`model.generate(…)` runs once per item inside a loop; `generate` accepts a batch of inputs');
    expect(finding?.question).toContain('eval.py:6');
  });
});
