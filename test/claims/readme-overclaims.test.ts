import { describe, expect, it } from 'vitest';
import { at, reviewFixture } from '../helpers/review-fixture.js';

describe('a README that overclaims (fixture readme-overclaims)', () => {
  it('holds each claim of the README against the LoRA fine-tune the code really has', async () => {
    const { claims } = await reviewFixture('readme-overclaims');
    const bySubject = Object.fromEntries(claims.map((c) => [c.subject, c]));

    // "QLoRA" with a plain LoRA adapter: contradicted, the LoRA line as evidence, the 4-bit base named.
    const qlora = bySubject.qlora!;
    expect(qlora).toMatchObject({ kind: 'technique', status: 'contradicted', implausible: null });
    expect(qlora.source).toEqual({ path: 'README.md', line: 3, snippet: 'We fine-tuned Llama 2 7B with QLoRA on the 1,000 support question/answer pairs.', origin: 'repository' });
    expect(qlora.evidence.map(at)).toEqual(['train.py:11']);
    expect(qlora.evidence[0]!.snippet).toContain('LoraConfig(r=16');
    expect(qlora.lookedFor).toContain('BitsAndBytesConfig(load_in_4bit=True)');
    expect(qlora.lookedFor).toContain('in 1 Python file');
    expect(qlora.lookedFor).toContain('not loaded in 4-bit');

    // No evaluation code and no results file: the accuracy is unverifiable, and says what was looked for.
    const accuracy = bySubject['accuracy 95%']!;
    expect(accuracy).toMatchObject({ kind: 'metric', status: 'unverifiable', evidence: [], source: { path: 'README.md', line: 4 } });
    expect(accuracy.lookedFor).toContain('code that computes accuracy');
    expect(accuracy.lookedFor).toContain('95%');
    expect(accuracy.lookedFor).toContain('no code computes accuracy');

    // What the code does show is supported, by its own line.
    expect(bySubject['llama-2-7b']).toMatchObject({ kind: 'model', status: 'supported' });
    expect(bySubject['llama-2-7b']!.evidence.map(at)).toEqual(['train.py:5']);
    expect(bySubject.peft).toMatchObject({ kind: 'library', status: 'supported', evidence: [{ path: 'train.py', line: 2 }] });

    // Code blocks and the "Future work" section claim nothing: no vLLM, no reranking, no "4-bit".
    expect(Object.keys(bySubject).sort()).toEqual(['accuracy 95%', 'fine-tuning', 'llama-2-7b', 'peft', 'qlora']);
  });
});
