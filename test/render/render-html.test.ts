import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { REPO_ROOT } from '../helpers/review-fixture.js';

async function cli(...argv: string[]) {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (chunk) => (out += chunk));
  const code = await main(argv, { stdout, stderr: new PassThrough(), cwd: REPO_ROOT });
  return { code, out };
}

describe('--format html', () => {
  it('writes one standalone page: no external asset, no script, and a CSP that allows exactly its own stylesheet', async () => {
    const { code, out: html } = await cli('review', 'examples/rag-takehome', '--format', 'html');
    expect(code).toBe(0);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|\ssrc=/i);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toContain("default-src 'none'");
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(csp).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(style).toContain('@media print');
  });

  it('renders the same review as --format markdown: the same areas, findings and questions', async () => {
    const [{ out: html }, { out: markdown }] = await Promise.all([
      cli('review', 'test/fixtures/python-package', '--format', 'html'),
      cli('review', 'test/fixtures/python-package'),
    ]);
    const markdownFindings = markdown.split('\n').filter((line) => /^- [✓⚠○] \*\*/.test(line)).length;
    expect(markdownFindings).toBeGreaterThan(5);
    expect(html.match(/<li class="finding">/g)).toHaveLength(markdownFindings);
    const areas = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]);
    expect(areas(html, /<details class="area" id="area-[^"]+" open>\n<summary>([^ <]+)/g)).toEqual(areas(markdown, /<details><summary><b>([^<]+)<\/b>/g));
    expect(html.match(/<section id="questions">[\s\S]*?<\/ol>/)![0].match(/<li>/g)?.length).toBe(markdown.match(/^1\. /gm)?.length);
  });
});
