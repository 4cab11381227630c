import { describe, expect, it } from 'vitest';
import { MAX_CLAIMS } from '../../src/claims/extract-claims.js';
import { reviewFiles } from '../helpers/review-files.js';

const MB = 1024 * 1024;
/** `text` repeated up to about `bytes` characters, on one line. */
const oneLine = (text: string, bytes = MB) => text.repeat(Math.ceil(bytes / text.length));
/** Generous for a slow CI machine; the measured figure is a few tens of milliseconds. */
const CLAIMS_BUDGET_MS = 1500;

describe('claims from hostile prose', () => {
  it('1 MB single lines built to make a regex backtrack: bounded time, no throw, capped output', async () => {
    const report = await reviewFiles({
      'README.md': `[${oneLine('a')}`,
      'REPORT.md': oneLine('accuracy 0.9 not QLoRA, '),
      'RESULTS.md': oneLine('<!-- [![x](http://'),
      'docs/a.md': oneLine('Llama-2-7b Mistral 7B GPT-4o '),
      'docs/b.md': oneLine('recall@5 from 70% to 85% '),
      'docs/c.md': oneLine(`${'9'.repeat(40)} accuracy `),
      'docs/d.md': oneLine('trained from from from '),
      'app.py': 'print("hello")\n',
    });
    expect(report.target.timings.claims).toBeLessThan(CLAIMS_BUDGET_MS);
    expect(report.claims.length).toBeLessThanOrEqual(MAX_CLAIMS);
    for (const claim of report.claims) {
      expect(claim.text.length).toBeLessThanOrEqual(260);
      expect(claim.source.snippet.length).toBeLessThanOrEqual(200);
    }
    // The claims that are there are still read: each document's first mention, on line 1.
    expect(report.claims.filter((c) => c.source.path === 'docs/a.md').map((c) => c.subject)).toEqual(['llama-2-7b', 'mistral-7b', 'gpt-4o']);
  });

  it('a README of 100,000 "QLoRA " words is one claim', async () => {
    const report = await reviewFiles({ 'README.md': 'QLoRA '.repeat(100_000), 'app.py': 'print(1)\n' });
    expect(report.target.timings.claims).toBeLessThan(CLAIMS_BUDGET_MS);
    expect(report.claims.map((c) => `${c.subject}:${c.status}`)).toEqual(['qlora:contradicted']);
  });

  it('right-to-left overrides never reach a claim, and a reversed spoof claims nothing', async () => {
    const report = await reviewFiles({
      'README.md': 'We fine-tuned \u202eQLoRA\u202c adapters on Llama 2 7B.\n\nServed with \u202emllv\u202c.\n',
      'app.py': 'print(1)\n',
    });
    expect(report.claims.map((c) => c.subject)).toEqual(['qlora', 'llama-2-7b']);
    for (const claim of report.claims) {
      expect(claim.text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      expect(claim.source.snippet).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    }
    expect(report.claims[0]!.text).toBe('We fine-tuned QLoRA adapters on Llama 2 7B.');
  });

  it('invalid UTF-8 decoded as U+FFFD: the claims around it are still read, on the right line', async () => {
    const readme = Buffer.concat([
      Buffer.from('# Bot\n\nWe used '),
      Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xa0]),
      Buffer.from(' QLoRA and\nreached 90% accuracy.\n'),
    ]);
    const report = await reviewFiles({ 'README.md': readme, 'app.py': 'print(1)\n' });
    expect(report.claims.map((c) => `${c.subject} @ ${c.source.line}`)).toEqual(['qlora @ 3', 'accuracy 90% @ 4']);
    expect(report.claims[0]!.source.snippet).toContain('\ufffd');
  });
});
