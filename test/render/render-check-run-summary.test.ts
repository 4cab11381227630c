import { describe, expect, it } from 'vitest';
import { MAX_CHECK_RUN_SUMMARY_CHARS, MAX_CHECK_RUN_TITLE_CHARS } from '../../src/publish/github-limits.js';
import { renderCheckRunSummary } from '../../src/render/render-check-run-summary.js';
import { reviewFixture } from '../helpers/review-fixture.js';
import { finding, syntheticReport } from './synthetic-report.js';

const BASE = 'https://github.com/acme/takehome/blob/0123456789abcdef0123456789abcdef01234567/';
const AREAS = ['rag', 'evaluation', 'serving', 'tests', 'code-quality'] as const;

/** 2,000 findings over five areas, every fourth a concern, with snippets that hold fences and multi-byte text. */
function hugeReport() {
  const findings = Array.from({ length: 2000 }, (_, i) =>
    finding(
      AREAS[i % AREAS.length]!,
      i % 4 === 0 ? 'concern' : 'strength',
      `Finding number ${i}: \`chunk_size=${i}\` in a module with a long explanation of what was seen — données, 漢字, 🙂`,
      `pkg/module_${i}/very/deep/path/to/a/file_${i}.py`,
      i + 1,
      `\`\`\`python x = "${'é'.repeat(40)}" # ${i}`,
    ),
  );
  return syntheticReport({ findings });
}

const shownFindings = (markdown: string) => markdown.split('\n').filter((line) => /^- [✓⚠○] \*\*(strength|concern|observation)\*\*/.test(line));

describe('the check-run summary', () => {
  it('keeps a 2,000-finding review under 65,535 characters and says how many findings it left out', () => {
    const report = hugeReport();
    const { summary, title } = renderCheckRunSummary(report, BASE);

    // Measured in UTF-8 bytes (stricter than characters), and the budget is used, not wasted.
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(MAX_CHECK_RUN_SUMMARY_CHARS);
    expect(Buffer.byteLength(summary, 'utf8')).toBeGreaterThan(MAX_CHECK_RUN_SUMMARY_CHARS * 0.9);
    const shown = shownFindings(summary);
    expect(shown.length).toBeGreaterThan(100);
    const notShown = Number(/\*\*(\d+) more findings not shown/.exec(summary)?.[1]);
    expect(shown.length + notShown).toBe(2000);
    // Concerns go first: fewer than the 500 concerns fit, so every finding shown is one.
    expect(shown.length).toBeLessThan(500);
    expect(shown.every((line) => line.includes('**concern**'))).toBe(true);
    // Nothing is cut: every finding shown ends with its message's own text, and the page ends with its last section.
    expect(shown.every((line) => /— données, 漢字, 🙂$/.test(line))).toBe(true);
    expect(summary.trimEnd()).toMatch(/## What was not analysed[\s\S]*every check ran\.$/);
    // No open fence or <details>.
    expect(summary.split('\n').filter((line) => /^\s*```/.test(line)).length % 2).toBe(0);
    expect(summary.match(/<details>/g)?.length).toBe(summary.match(/<\/details>/g)?.length);
    expect(title.length).toBeLessThanOrEqual(MAX_CHECK_RUN_TITLE_CHARS);
    expect(title).toBe('No LLM/ML stack detected · 1500 strengths, 500 concerns');
  });

  it('does not truncate a report that fits', async () => {
    const report = await reviewFixture('python-package');
    const { summary, title } = renderCheckRunSummary(report, null);
    expect(summary).not.toMatch(/not shown/);
    expect(shownFindings(summary)).toHaveLength(report.findings.length);
    expect(title).toMatch(/^qdrant, ollama, fastapi, langchain, sentence-transformers · \d+ strengths?, \d+ concerns?$/);
  });

  it('names as much of the stack as the title budget allows, then counts the rest', () => {
    const libraries = ['transformers', 'peft', 'trl', 'bitsandbytes', 'accelerate', 'torch'].map((id) => ({ id, evidence: [] }));
    const report = syntheticReport({ stack: { libraries } });
    expect(renderCheckRunSummary(report, null, { summaryChars: MAX_CHECK_RUN_SUMMARY_CHARS, titleChars: 60 }).title).toBe(
      'transformers, peft, trl +3 more · 0 strengths, 0 concerns',
    );
  });
});
