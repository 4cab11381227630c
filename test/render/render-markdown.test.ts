import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { reviewFixture } from '../helpers/review-fixture.js';

describe('the Markdown report', () => {
  it('reads like this for a small RAG package (snapshot)', async () => {
    const report = await reviewFixture('python-package');
    await expect(renderMarkdown(report)).toMatchFileSnapshot('__snapshots__/python-package.md');
  });

  it('renders hostile file names and snippets inert', async () => {
    const report = await reviewFixture('plain-web-app');
    report.target.skipped.push({ path: 'x`y @org/team <script>.py', reason: 'binary', detail: '](javascript:alert(1)) | \u202E' });
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('- ``x`y @org/team <script>.py`` — binary: \\]\\(javascript:alert\\(1\\)\\) \\| �');
    expect(markdown).not.toMatch(/<script>(?!\.py``)/);
  });
});
