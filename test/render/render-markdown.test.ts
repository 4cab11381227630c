import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { REPO_ROOT, reviewFixture, reviewFolder } from '../helpers/review-fixture.js';
import { finding, syntheticReport } from './synthetic-report.js';

/** Folders under test/fixtures that hold no repository: webhook payloads, hostile cases built at test time. */
const NOT_REPOSITORIES = new Set(['events', 'hostile']);
const FIXTURES = readdirSync(join(REPO_ROOT, 'test/fixtures'))
  .filter((name) => !NOT_REPOSITORIES.has(name) && statSync(join(REPO_ROOT, 'test/fixtures', name)).isDirectory())
  .sort();

describe('the Markdown report (snapshots that read like the report)', () => {
  it('reads like this for the bundled take-home example', async () => {
    const report = await reviewFolder('examples/rag-takehome');
    await expect(renderMarkdown(report)).toMatchFileSnapshot('__snapshots__/example-rag-takehome.md');
  });

  it.each(FIXTURES)('reads like this for test/fixtures/%s', async (name) => {
    const report = await reviewFixture(name);
    await expect(renderMarkdown(report)).toMatchFileSnapshot(`__snapshots__/${name}.md`);
  });
});

describe('the Markdown report', () => {
  const BASE = 'https://github.com/acme/takehome/blob/0123456789abcdef0123456789abcdef01234567/';

  it('puts the scorecard, summary, rubric, claims and questions before the per-area details, and no overall score', async () => {
    const markdown = renderMarkdown(await reviewFolder('examples/rag-takehome'));
    const order = ['## Scorecard', '## Summary', '## Take-home assignment', '## Claims vs evidence', '## Questions to ask', '## Findings by area', '## Detected stack', '## What was not analysed'];
    const positions = order.map((heading) => markdown.indexOf(`\n${heading}`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(markdown).toMatch(/\| rag \| \*\*strong\*\* \(/);
    expect(markdown).toMatch(/\| fine-tuning \| no evidence found \|/);
    expect(markdown).not.toMatch(/overall score[:=]|\b(hire|hired|reject|rejected|recommended)\b/i);
  });

  it('says "partially analysed" at the top when a limit was reached, and nothing when none was', () => {
    const full = syntheticReport();
    expect(renderMarkdown(full)).not.toContain('Coverage');
    const partial = { ...full, target: { ...full.target, limitsReached: ['partially analysed: stopped at 2,000 files (maxFiles)'] } };
    expect(renderMarkdown(partial)).toContain('- **Coverage:** partially analysed: 1 limit reached (see "What was not analysed")');
  });

  it('links evidence to the reviewed commit on GitHub, and leaves it as code elsewhere', () => {
    const report = syntheticReport({ findings: [finding('rag', 'concern', 'Chunks have no overlap', 'app/rag (v2).py', 12, 'split(text, 2000)')] });
    expect(renderMarkdown(report, BASE)).toContain(`- [app/rag \\(v2\\).py:12](${BASE}app/rag%20%28v2%29.py#L12) \`split(text, 2000)\``);
    expect(renderMarkdown(report, null)).toContain('- `app/rag (v2).py:12` `split(text, 2000)`');
  });

  it('shows a check\'s identical findings once, with how many there are and a place for each', () => {
    const loads = Array.from({ length: 12 }, (_, i) => finding('transformers', 'strength', 'loads `MODEL` in bfloat16', `scripts/run_${i}.py`, 7, 'model = load(MODEL)'));
    const other = finding('transformers', 'strength', 'loads `BASE` in bfloat16', 'train.py', 3, 'model = load(BASE)');
    const markdown = renderMarkdown(syntheticReport({ findings: [...loads, other] }), null);
    expect(markdown.match(/loads `MODEL` in bfloat16/g)).toHaveLength(1);
    expect(markdown).toContain('- ✓ **strength** loads `MODEL` in bfloat16 (12 times)\n  - `scripts/run_0.py:7` `model = load(MODEL)`\n');
    expect(markdown).toContain('  - `scripts/run_11.py:7` `model = load(MODEL)`\n- ✓ **strength** loads `BASE`');
    expect(markdown).not.toContain('more places');
    expect(markdown).toContain('- ✓ **strength** loads `BASE` in bfloat16\n  - `train.py:3` `model = load(BASE)`');
  });

  it('never links a base that is not an https permalink', () => {
    const report = syntheticReport({ findings: [finding('rag', 'concern', 'x', 'a.py', 1, 'x')] });
    const markdown = renderMarkdown(report, 'javascript:alert(1)//');
    expect(markdown).not.toContain('javascript:');
    expect(markdown).toContain('`a.py:1`');
  });

  it('shows each claim with its status, where it was written and what supports it or was looked for; supported ones folded, once per subject', () => {
    const report = syntheticReport({
      claims: [
        {
          text: 'Fine-tuned Llama 2 7B with QLoRA', kind: 'technique', subject: 'qlora', status: 'contradicted',
          source: { origin: 'repository', path: 'README.md', line: 3, snippet: 'Fine-tuned Llama 2 7B with QLoRA' },
          evidence: [{ path: 'train.py', line: 9, snippet: 'model = AutoModelForCausalLM.from_pretrained(BASE)' }],
          lookedFor: 'a 4-bit quantised base model (BitsAndBytesConfig(load_in_4bit=True)) under LoRA', implausible: null,
        },
        {
          text: 'Trained a GPT-3-scale model from scratch', kind: 'scale', subject: 'pre-training', status: 'unverifiable',
          source: { origin: 'issue', path: 'issue #4', line: 2, snippet: 'Trained a GPT-3-scale model from scratch' },
          evidence: [], lookedFor: 'a pre-training loop', implausible: 'pre-training at GPT-3 scale costs over $1M',
        },
        ...['README.md', 'REPORT.md'].map((path) => ({
          text: 'Answers come from a Chroma collection', kind: 'library' as const, subject: 'chroma', status: 'supported' as const,
          source: { origin: 'repository' as const, path, line: 5, snippet: 'Answers come from a Chroma collection' },
          evidence: [{ path: 'index.py', line: 1, snippet: 'import chromadb' }], lookedFor: 'an import of chromadb', implausible: null,
        })),
      ],
    });
    const markdown = renderMarkdown(report);
    // A contradicted claim shows the closest code and why it does not count.
    expect(markdown).toContain(
      '| contradicted | `qlora`: Fine-tuned Llama 2 7B with QLoRA | `README.md:3` | `train.py:9`: a 4-bit quantised base model \\(BitsAndBytesConfig\\(load\\_in\\_4bit=True\\)\\) under LoRA |',
    );
    expect(markdown).toContain(
      '| not verifiable statically; ⚠ implausible: pre-training at GPT-3 scale costs over $1M | `pre-training`: Trained a GPT-3-scale model from scratch | issue \\(issue \\#\u200b4\\), line 2 | nothing found in the 12 files analysed; looked for a pre-training loop |',
    );
    expect(markdown).toContain('<details><summary>1 claim supported by the code</summary>');
    expect(markdown.match(/\| `chroma`: Answers come from a Chroma collection \| `README\.md:5` \| `index\.py:1` \|/g)).toHaveLength(1);
  });
});
