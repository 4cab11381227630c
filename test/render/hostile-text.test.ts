import { describe, expect, it } from 'vitest';
import { renderCheckRunSummary } from '../../src/render/render-check-run-summary.js';
import { renderHtml } from '../../src/render/render-html.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { outsideCodeSpans, tableCells } from './markdown-scan.js';
import { BASE, hostileReport } from './hostile-report.js';
import { finding, syntheticReport } from './synthetic-report.js';

/** Tags our templates write; anything else outside a code span would be candidate HTML. */
const OUR_TAGS = /^<\/?(details|summary|b)>$/;

function expectInertMarkdown(markdown: string) {
  expect(markdown).not.toContain('\u202E');
  let header = 0;
  for (const line of markdown.split('\n')) {
    // Link destinations are our percent-encoded permalinks (checked below); GitHub links nothing inside them.
    const text = outsideCodeSpans(line).replace(/(?<!\\)\]\(https:\/\/github\.com\/acme\/takehome\/blob\/[^)\s]*\)/g, '](permalink)');
    for (const tag of text.match(/<\/?[a-z][^>]*>/gi) ?? []) expect(tag, line).toMatch(OUR_TAGS);
    expect(text, line).not.toMatch(/(^|[^\\])@[A-Za-z0-9]/); // a mention needs @ right before the name
    expect(text, line).not.toMatch(/(^|[^\\])#\d|GH-\d/i); // issue references
    expect(text, line).not.toMatch(/https?:\/\/(?!github\.com\/acme\/takehome\/blob\/)|www\./); // autolinks
    // Every Markdown link is one of our permalinks.
    for (const [, target] of text.matchAll(/(?<!\\)\]\(([^)]*)/g)) expect(target, line).toBe('permalink');
    if (line.startsWith('|')) {
      if (/^\| --- /.test(line)) continue;
      if (header === 0 || !line.includes('|', 1)) header = tableCells(line);
      expect(tableCells(line), line).toBe(header);
    } else header = 0;
  }
}

describe('hostile text in file names, snippets and prose', () => {
  it.each([
    ['the Markdown report with permalinks', () => renderMarkdown(hostileReport(), BASE)],
    ['the Markdown report without permalinks', () => renderMarkdown(hostileReport(), null)],
    ['the check-run summary', () => renderCheckRunSummary(hostileReport(), BASE).summary],
  ])('is inert in %s: no mention, reference, raw HTML or foreign link, and every table row keeps its cells', (_, render) => {
    const markdown = render();
    expectInertMarkdown(markdown);
    // …and still says what the candidate wrote, in code or escaped text.
    expect(markdown).toContain('x`y ``z @org/team #123');
    expect(markdown).toContain('&lt;script&gt;alert\\(1\\)&lt;/script&gt;');
  });

  it('is escaped in the HTML report: no script, no event handler, no link but our https permalinks', () => {
    const html = renderHtml(hostileReport(), BASE);
    expect(html).not.toContain('\u202E');
    // Every `<` the candidate wrote is `&lt;`, so the only tags are ours: none is a script, an image or has an event handler.
    expect(html).not.toMatch(/<script|<img|<[^>]*\son\w+=/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map(([, href]) => href!);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^(https:\/\/github\.com\/acme\/takehome\/blob\/|#area-)/);
    expect(html).not.toMatch(/href="\s*javascript:/i);
  });

  it.each([
    ['a mention', 'ask @org/team'],
    ['an issue reference', 'see #123'],
    ['raw HTML', 'x <script>alert(1)</script>'],
    ['a foreign link', '[c](javascript:alert(1))'],
    ['an autolink', 'https://evil.test'],
    ['a split table row', '| A | B |\n| --- | --- |\n| `a|b` | c |'],
  ])('the inertness check itself catches %s', (_, markdown) => {
    expect(() => expectInertMarkdown(markdown)).toThrow();
  });

  it('keeps a Markdown table row whole when a snippet ends in backslashes before a pipe', () => {
    const report = syntheticReport({ findings: [finding('rag', 'concern', 'x', 'a.py', 1, 'x')] });
    report.rubric.items = [{ id: 'r', title: 'T', status: 'met', evidence: [{ path: 'a\\\\|b.py', line: 1, snippet: '' }], lookedFor: '' }];
    const row = renderMarkdown(report).split('\n').find((line) => line.startsWith('| T |'))!;
    expect(tableCells(row)).toBe(3);
  });
});
