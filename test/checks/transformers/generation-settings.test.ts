import { describe, expect, it } from 'vitest';
import check from '../../../checks/transformers/generation-settings.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const LOAD = 'from transformers import AutoModelForCausalLM, pipeline\nmodel = AutoModelForCausalLM.from_pretrained("org/lm").to("cuda")\n';

describe('transformers/generation-settings', () => {
  it.each<CheckRow>([
    {
      name: 'explicit length and sampling',
      files: { 'gen.py': `${LOAD}out = model.generate(**inputs, max_new_tokens=256, do_sample=True, temperature=0.7, top_p=0.9)\n` },
      expected: [{ kind: 'info', messageId: 'settings', at: 'gen.py:3' }],
    },
    {
      name: 'generate with no length limit',
      files: { 'gen.py': `${LOAD}out = model.generate(**inputs)\n` },
      expected: [{ kind: 'concern', messageId: 'noLengthLimit', at: 'gen.py:3' }],
    },
    {
      name: 'sampling settings but no length limit',
      files: { 'gen.py': `${LOAD}out = model.generate(input_ids, do_sample=True, temperature=0.2)\n` },
      expected: [
        { kind: 'concern', messageId: 'noLengthLimit', at: 'gen.py:3' },
        { kind: 'info', messageId: 'settings', at: 'gen.py:3' },
      ],
    },
    {
      name: 'settings in a dict spread into generate',
      files: { 'gen.py': `${LOAD}GEN = {"max_new_tokens": 128, "do_sample": False}\nout = model.generate(**inputs, **GEN)\n` },
      expected: [],
    },
    {
      name: 'a text-generation pipeline: settings at creation count for the call',
      files: { 'gen.py': `${LOAD}pipe = pipeline("text-generation", model="gpt2", max_new_tokens=64)\nprint(pipe(prompt))\n` },
      expected: [{ kind: 'info', messageId: 'settings', at: 'gen.py:4' }],
    },
    {
      name: 'a text-generation pipeline with no length anywhere',
      files: { 'gen.py': `${LOAD}pipe = pipeline("text-generation", model="gpt2")\nprint(pipe(prompt))\n` },
      expected: [{ kind: 'concern', messageId: 'noLengthLimit', at: 'gen.py:4' }],
    },
    {
      name: 'a classification pipeline and ollama.generate are not text generation by transformers',
      files: {
        'clf.py': 'from transformers import pipeline\nclf = pipeline("sentiment-analysis")\nprint(clf(text))\n',
        'ol.py': 'import ollama\nr = ollama.generate(model="llama3", prompt=q)\n',
      },
      expected: [],
    },
    {
      name: 'a README that shows generate',
      files: { 'README.md': '```python\nmodel.generate(**inputs)\n```\n' },
      expected: [],
    },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('lists the values chosen', async () => {
    const [finding] = await findingsOf(check, { 'gen.py': `${LOAD}out = model.generate(**inputs, max_new_tokens=256, do_sample=False)\n` });
    expect(finding?.message).toBe('`model.generate(…)` generates with max_new_tokens=256, do_sample=False');
  });
});
