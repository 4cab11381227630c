/**
 * Hostile cases, group "Report" (team spec hostile-cases.md), as far as the engine goes: the report
 * a review builds from hostile content, rendered as Markdown (CLI, comments), as a check-run
 * summary (within GitHub's byte budget), as HTML (`--format html`) and as annotations. Posting —
 * paging annotations 50 per request, comments and check runs — is test/app's. Unit-level escaping:
 * test/render/markdown-safe.test.ts. Every case also asserts the invariants (test/helpers/hostile.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAnnotations } from '../../src/publish/build-annotations.js';
import { MAX_ANNOTATIONS_PER_REQUEST, MAX_CHECK_RUN_SUMMARY_CHARS } from '../../src/publish/github-limits.js';
import { renderCheckRunSummary } from '../../src/render/render-check-run-summary.js';
import { renderHtml } from '../../src/render/render-html.js';
import { DEFAULT_LIMITS, type Limits } from '../../src/types.js';
import { startGitHttpServer, type GitHttpServer } from '../helpers/git-http-server.js';
import { expectInvariants, hostileReview, type ReviewRun } from '../helpers/hostile.js';
import { makeGitRepo, type GitRepoFixture } from '../helpers/make-git-repo.js';
import { outsideCodeSpans } from '../render/markdown-scan.js';

const FINDINGS = 2_000;
const limits: Limits = { ...DEFAULT_LIMITS, cloneTimeoutMs: 20_000 };
/** Everything that could turn candidate text into markup, a mention, a reference, a link or a direction change. */
const HOSTILE = 'x` @org/team &#64;user #1 <script>alert(1)</script> [a](javascript:alert(1)) | cell \u202eexe.py ```';
/** Four-byte, three-byte and combining characters: a cut in the wrong place leaves half a character. */
const MULTIBYTE = '🚀漢字é\u0301'.repeat(60);

const MODES = ['git repository', 'clone'] as const;
let server: GitHttpServer;
let repo: GitRepoFixture;
const runs = {} as Record<'git repository' | 'clone', ReviewRun>;
/** The check-run summary at GitHub's budget, rendered once per review. */
const summaries = {} as Record<'git repository' | 'clone', string>;

beforeAll(async () => {
  const lines = Array.from({ length: FINDINGS }, (_, i) => `eval(code_${i})  # ${i % 2 ? HOSTILE : MULTIBYTE}`);
  repo = await makeGitRepo({
    'README.md': `# Take-home ${HOSTILE}\n\nWe fine-tuned @org/team's model, see #1 and [docs](javascript:alert(1)).\n`,
    'many.py': `${lines.join('\n')}\n`,
    // Hostile file names: backticks, a mention, an entity, a reference, HTML, a link, a pipe, a newline, U+202E.
    'x`y``.py': 'eval(code)\n',
    '@org/team.py': 'eval(code)\n',
    '&#64;user #1.py': 'eval(code)\n',
    '<script>alert(1)<\\script>.py': 'eval(code)\n',
    '](javascript:alert(1)).py': 'eval(code)\n',
    'a|b.py': 'eval(code)\n',
    'new\nline.py': 'eval(code)\n',
    'gnp.\u202eexe.py': 'eval(code)\n',
  });
  server = await startGitHttpServer();
  await server.addRepo('octo/report', repo.dir);
  runs['git repository'] = await hostileReview(repo.dir, { limits });
  runs.clone = await hostileReview('https://github.com/octo/report', { limits, transport: { cloneUrl: server.url('octo/report'), allowHttp: true } });
  for (const mode of MODES) summaries[mode] = renderCheckRunSummary(runs[mode].report!, null).summary;
}, 60_000);
afterAll(async () => {
  await Promise.all([server?.close(), repo?.cleanup()]);
});

const evalFindings = (run: ReviewRun) => run.report!.findings.filter((f) => f.check === 'security/eval-or-exec');

describe('Report', () => {
  it.each(MODES)('thousands of findings: the JSON and the full Markdown report keep every one, identical ones together (%s)', (mode) => {
    const run = runs[mode];
    expect(evalFindings(run)).toHaveLength(FINDINGS + 8);
    expect(JSON.parse(run.json).findings.length).toBe(run.report!.findings.length);
    // The 2,000 distinct calls once each; the eight identical `eval(code)` in hostile file names once,
    // with a place for each; and the summary's line.
    expect(run.markdown.match(/runs a string built at run time as Python code/g)?.length).toBe(FINDINGS + 2);
    const lines = run.markdown.split('\n');
    const repeated = lines.findIndex((line) => /runs a string built at run time as Python code.* \(8 times\)$/.test(line));
    expect(repeated).toBeGreaterThan(0);
    expect(lines.slice(repeated + 1, repeated + 9).every((line) => /^ {2}- .*:1.* `eval\(code\)`$/.test(line))).toBe(true);
    expect(lines[repeated + 9]).not.toContain('more places');
    expectInvariants(run);
  });

  it.each(MODES)('thousands of findings: the check-run summary is budgeted, concerns first, with an "N more" line; annotations page at 50 (%s)', (mode) => {
    const run = runs[mode];
    const summary = summaries[mode];
    const { title } = renderCheckRunSummary(run.report!, null, { summaryChars: 1_000, titleChars: 255 });
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(MAX_CHECK_RUN_SUMMARY_CHARS);
    const hidden = /\*\*(\d+) more findings? not shown here/.exec(summary);
    expect(hidden).not.toBeNull();
    const shown = summary.match(/runs a string built at run time as Python code/g)?.length ?? 0;
    expect(shown).toBeGreaterThan(10);
    expect(shown + Number(hidden![1])).toBeGreaterThanOrEqual(FINDINGS);
    expect(title).toMatch(/\d+ concerns/);
    const annotations = buildAnnotations(run.report!.findings);
    expect(annotations.length).toBeGreaterThanOrEqual(FINDINGS);
    expect(Math.ceil(annotations.length / MAX_ANNOTATIONS_PER_REQUEST)).toBeGreaterThanOrEqual(FINDINGS / 50);
    expectWellFormed(summary);
    expectInvariants(run);
  });

  it.each(MODES)('multi-byte text near the size limits: cut on a character boundary, fences and <details> closed (%s)', (mode) => {
    const run = runs[mode];
    const snippets = run.report!.findings.flatMap((f) => f.evidence.map((e) => e.snippet));
    expect(snippets.some((s) => s.includes('🚀漢字'))).toBe(true);
    for (const snippet of snippets) expect(hasBrokenCharacter(snippet), snippet).toBe(false);
    // A budget that forces cuts everywhere: the summary steps down, never splits a character or leaves a block open.
    expectWellFormed(summaries[mode]);
    for (const summaryChars of [20_000, 4_000]) {
      const { summary } = renderCheckRunSummary(run.report!, null, { summaryChars, titleChars: 255 });
      expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(summaryChars);
      expectWellFormed(summary);
    }
    expectWellFormed(run.markdown);
    expectInvariants(run);
  });

  it.each(MODES)('file names and snippets with backticks, @org/team, &#64;user, #1, <script>, ](javascript:…), |, newlines and U+202E: all rendered inert (%s)', (mode) => {
    const run = runs[mode];
    const paths = new Set(run.report!.findings.flatMap((f) => f.evidence.map((e) => e.path)));
    for (const path of ['x`y``.py', '@org/team.py', '&#64;user #1.py', '<script>alert(1)<\\script>.py', '](javascript:alert(1)).py', 'a|b.py', 'new\nline.py', 'gnp.\u202eexe.py']) {
      expect(paths, path).toContain(path);
    }
    for (const markdown of [run.markdown, summaries[mode]]) expectInertMarkdown(markdown);
    if (mode === 'clone') {
      // Permalinks are built from the path: percent-encoded, never a way out of the link.
      expect(run.markdown).toMatch(/\]\(https:\/\/github\.com\/octo\/report\/blob\/[0-9a-f]{40}\//);
    }
    expectInertHtml(renderHtml(run.report!, mode === 'clone' ? `https://github.com/octo/report/blob/${run.report!.target.commit}/` : null));
    // Annotations name the file exactly as it is (GitHub matches the path), but never one with a line break.
    const annotations = buildAnnotations(run.report!.findings);
    expect(annotations.map((a) => a.path)).toContain('gnp.\u202eexe.py');
    for (const annotation of annotations) expect(annotation.path).not.toMatch(/[\u0000-\u001f]/);
    expectInvariants(run);
  });

  // KNOWN (reported to the lead; src/publish/ is the app's): annotation messages are built from
  // finding messages and questions, which quote file names and code, and reach GitHub with U+202E
  // as is (the Markdown and HTML escapers show it as U+FFFD). Annotations are plain text, so
  // mentions and HTML are inert there, but a direction override still reorders what a reader sees.
  // Fix: pass title and message through `visibleLine`. Then turn `it.fails` into `it`.
  it('file names with U+202E: annotation messages do not carry the direction override', () => {
    const messages = buildAnnotations(runs.clone.report!.findings).map((a) => `${a.title}\n${a.message}`);
    expect(messages.filter((m) => m.includes('\u202e'))).toEqual([]);
  });
});

// ------------------------------------------------------------------ what "inert" and "well-formed" mean

/** A lone surrogate or a combining mark with nothing to combine with at the start: a character cut in half. */
function hasBrokenCharacter(text: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text) || text.includes('\ufffd\ufffd');
}

/** Every `<details>` closed, fences paired, no broken character. */
function expectWellFormed(markdown: string): void {
  expect(hasBrokenCharacter(markdown)).toBe(false);
  expect(count(markdown, /<details>/g)).toBe(count(markdown, /<\/details>/g));
  expect(count(markdown, /<summary>/g)).toBe(count(markdown, /<\/summary>/g));
  expect(count(markdown, /^ {0,3}(```|~~~)/gm) % 2).toBe(0);
}

/**
 * GitHub Markdown in which candidate text can do nothing: outside code spans no HTML but the
 * report's own tags, no mention, issue reference, entity or non-https link; no direction override
 * anywhere; every table row with as many cells as its header; no line started by a file name's
 * second line.
 */
function expectInertMarkdown(markdown: string): void {
  expect(markdown).not.toContain('\u202e');
  expect(markdown).not.toMatch(/^line\.py/m);
  const prose = markdown.split('\n').map(outsideCodeSpans).join('\n');
  const tags = [...new Set(prose.match(/<\/?[A-Za-z][^\s>/]*/g) ?? [])];
  expect(tags.filter((tag) => !/^<\/?(details|summary|b)$/.test(tag))).toEqual([]);
  expect(prose).not.toMatch(/@[A-Za-z0-9]/);
  expect(prose).not.toMatch(/(^|[^\w&])#\d/);
  expect(prose).not.toMatch(/&#\d|&#x/i);
  // A link is `](` with the bracket unescaped; `javascript:` as escaped text is only text (GitHub autolinks http(s) only).
  for (const link of prose.match(/(?<!\\)\]\([^)]*\)/g) ?? []) expect(link).toMatch(/^\]\(https:\/\/github\.com\//);
  for (const table of tablesOf(markdown)) {
    const widths = table.map((row) => cellsOf(row));
    expect(new Set(widths).size, table.join('\n')).toBe(1);
  }
}

/** HTML in which candidate text is text: no script, no event handler, links to https only, no direction override. */
function expectInertHtml(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toContain('\u202e');
  expect(html).toContain('&lt;script&gt;');
  for (const tag of html.match(/<[A-Za-z][^>]*>/g) ?? []) {
    expect(tag).not.toMatch(/\son[a-z]+\s*=|javascript:/i);
    for (const [, href] of tag.matchAll(/\shref="([^"]*)"/g)) expect(href).toMatch(/^(https:\/\/github\.com\/|#)/);
  }
}

/** Runs of consecutive lines that start with `|`. */
function tablesOf(markdown: string): string[][] {
  const tables: string[][] = [];
  let current: string[] = [];
  for (const line of [...markdown.split('\n'), '']) {
    if (line.startsWith('|')) {
      current.push(line);
    } else if (current.length) {
      tables.push(current);
      current = [];
    }
  }
  return tables;
}

/** Cells in a table row as GitHub splits it: at every `|` not escaped by an odd run of backslashes. */
function cellsOf(row: string): number {
  return (row.match(/(?<!\\)(?:\\\\)*\|/g) ?? []).length;
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}
