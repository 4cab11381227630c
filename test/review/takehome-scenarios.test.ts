import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.js';
import { at, reviewFixture, reviewFolder } from '../helpers/review-fixture.js';

const findingsAt = (findings: Finding[], kind: string) =>
  findings.filter((f) => f.kind === kind).map((f) => `${f.check} @ ${at(f.evidence[0])}`);

describe('take-home scenarios', () => {
  it('a take-home that skips evaluation and hard-codes answers shows both as concerns with evidence', async () => {
    const report = await reviewFixture('takehome-hardcoded-answers');
    const concerns = findingsAt(report.findings, 'concern');
    expect(concerns).toContain('evaluation/hard-coded-answers @ app/main.py:11');
    expect(concerns.some((c) => c.startsWith('evaluation/quality-metric @ app/main.py:'))).toBe(true);
    expect(concerns.some((c) => c.startsWith('evaluation/reported-results @ README.md:3'))).toBe(true);
    expect(report.rubric.items.find((i) => i.id === 'evaluation')?.status).not.toBe('met');
    expect(report.questions.length).toBeGreaterThan(0);
    expect(report.questions.length).toBeLessThanOrEqual(8);
  });

  it('the bundled example: findings and questions in the JSON sections of the contract', async () => {
    const report = await reviewFolder('examples/rag-takehome');
    for (const f of report.findings) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['check', 'area', 'kind', 'message', 'evidence']));
      expect(f.check.startsWith(`${f.area}/`)).toBe(true);
      expect(f.evidence.length).toBeGreaterThan(0);
    }
    for (const q of report.questions) expect(Object.keys(q).sort()).toEqual(['area', 'evidence', 'text']);
    expect(report.rubric.items.map((i) => i.status)).toEqual(['met', 'met', 'met', 'met', 'met']);
    expect(report.errors).toEqual([]);
  });

  it('an ordinary web app yields no LLM findings', async () => {
    const report = await reviewFixture('plain-web-app');
    const llmAreas = new Set(['transformers', 'fine-tuning', 'rag', 'evaluation', 'prompt-only']);
    expect(report.findings.filter((f) => llmAreas.has(f.area))).toEqual([]);
  });

  it('a README that says “QLoRA” is not QLoRA; a prompt-only app is stated as a fact', async () => {
    const report = await reviewFixture('prompt-only-openai');
    expect(report.findings.filter((f) => f.area === 'fine-tuning')).toEqual([]);
    expect(findingsAt(report.findings, 'info')).toContain('prompt-only/hosted-api-only @ app.py:10');
  });
});
