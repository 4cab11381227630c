import { describe, expect, it } from 'vitest';
import { at, reviewFixture } from '../helpers/review-fixture.js';
import { reviewFiles } from '../helpers/review-files.js';

describe('questions about the candidate\'s own claims', () => {
  it('asks first about a claim the code contradicts, naming where it was written and the code that came closest', async () => {
    const { questions } = await reviewFixture('readme-overclaims');
    expect(questions[0]).toMatchObject({
      area: 'claims',
      text: 'README.md:3 claims `qlora`, and the code does not show it. What exactly did you run, and where is that code?',
    });
    expect(at(questions[0]!.evidence[0])).toBe('train.py:11');
    // The unbacked "95% accuracy" is asked once (by the evaluation check), not twice.
    expect(questions.filter((q) => q.text.includes('95'))).toHaveLength(1);
    expect(questions.length).toBeLessThanOrEqual(8);
  });

  it('puts an implausible claim before everything else', async () => {
    const { questions } = await reviewFiles({
      'README.md': '# My LLM\n\nWe trained GPT-3 from scratch on our own data.\n',
      'train.py': 'from transformers import AutoModelForCausalLM\n\nmodel = AutoModelForCausalLM.from_pretrained("gpt2")\n',
    });
    expect(questions[0]!.text).toMatch(/^README\.md:3 says "We trained GPT-3 from scratch on our own data\."/);
    expect(questions[0]!.text).toMatch(/What exactly did you train, and on what compute\?$/);
  });

  it('asks nothing about claims the code supports', async () => {
    const { questions, claims } = await reviewFiles({
      'README.md': '# Support index\n\nThe questions are stored in a Chroma collection.\n',
      'index.py': 'import chromadb\n\nclient = chromadb.PersistentClient(path="db")\ncol = client.get_or_create_collection("qa")\ncol.add(ids=["1"], documents=["a"])\n',
    });
    expect(claims.map((c) => `${c.subject} ${c.status}`)).toContain('chroma supported');
    expect(questions.filter((q) => q.area === 'claims')).toEqual([]);
  });
});
