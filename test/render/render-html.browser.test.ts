import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/render-html.js';
import { REPO_ROOT, reviewFolder } from '../helpers/review-fixture.js';
import { BASE, hostileReport } from './hostile-report.js';

/** Debian's `chromium` package; `.ci/run` installs it. */
const CHROMIUM = '/usr/bin/chromium';
const ON_CI = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
const MISSING = `${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium), as .ci/run does`;
/** Screenshots land in an ignored folder (bench/out/ is in .gitignore), for a human to look at. */
export const SCREENSHOT_DIR = join(REPO_ROOT, 'bench/out/render');

const available = existsSync(CHROMIUM);
if (!available && !ON_CI) console.warn(`skipping the HTML report's browser tests: ${MISSING}`);

describe.skipIf(!available && !ON_CI)('the HTML report in headless Chromium', () => {
  let browser: Browser | undefined;
  let dir: string;

  beforeAll(async () => {
    if (!available) throw new Error(MISSING);
    dir = await mkdtemp(join(tmpdir(), 'cr-html-'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Opens the page from a file:// URL, as someone opening the report would, and records what went wrong. */
  async function open(html: string, name: string) {
    const file = join(dir, `${name}.html`);
    await writeFile(file, html, 'utf8');
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`failed request: ${request.url()}`));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, problems, requests, url: pathToFileURL(file).href };
  }

  it('renders the example with its scorecard visible, no console error and no request but the page itself', async () => {
    const { page, problems, requests, url } = await open(renderHtml(await reviewFolder('examples/rag-takehome'), BASE), 'example');
    const rag = page.locator('svg.chart g.row', { has: page.locator('text.area', { hasText: /^rag$/ }) });
    await expect.poll(() => rag.locator('text.area').isVisible()).toBe(true);
    const bar = await rag.locator('rect.bar').boundingBox();
    const track = await rag.locator('rect.track').boundingBox();
    expect(bar?.width).toBeGreaterThan(0);
    expect(bar!.width).toBeLessThanOrEqual(track!.width);
    expect(await rag.locator('text.level').textContent()).toMatch(/^(strong|solid|thin)$/);
    expect(await page.locator('details.area').count()).toBeGreaterThan(2);
    expect(await page.locator('figure.evidence .ln').first().textContent()).toMatch(/^\d+$/);
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'example.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('figure.evidence').first().isVisible()).toBe(true);
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
  });

  it('runs nothing a candidate wrote: no script, handler or dialog, and the hostile text shows as text', async () => {
    const { page, problems, requests, url } = await open(renderHtml(hostileReport(), BASE), 'hostile');
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    expect(await page.evaluate(() => [...document.querySelectorAll('*')].some((el) => [...el.attributes].some((a) => a.name.startsWith('on'))))).toBe(false);
    const hrefs = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.every((href) => href.startsWith('https://github.com/acme/takehome/blob/') || href.startsWith(`${url}#area-`))).toBe(true);
    expect(await page.locator('#claims').textContent()).toContain('<script>alert(1)</script>');
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
  });
});
