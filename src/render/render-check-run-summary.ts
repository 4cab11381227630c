import { MAX_CHECK_RUN_SUMMARY_CHARS, MAX_CHECK_RUN_TITLE_CHARS } from '../publish/github-limits.js';
import type { Report } from '../report/build-report.js';
import { compileTemplate } from './compile-template.js';
import { markdownEscaper } from './markdown-escaper.js';
import { visibleLine } from './markdown-safe.js';
import { tidyMarkdown } from './tidy-markdown.js';
import { buildView, type ReportView, type ViewLimits } from './view-model.js';

export interface CheckRunSummary {
  /** One short line: the stack and the counts of findings. */
  title: string;
  /** The report as Markdown within the summary budget. */
  summary: string;
}

export interface CheckRunBudget {
  summaryChars: number;
  titleChars: number;
}

/** What a summary shows when everything fits: every finding with a few lines of evidence. */
const ROOMY: ViewLimits = { findings: Number.POSITIVE_INFINITY, evidencePerFinding: 3, placeEveryFinding: false, claims: 30, skipped: 20, stackItems: 20 };
/** Once findings must go: one evidence line each, so more findings fit. */
const TIGHT: ViewLimits = { ...ROOMY, evidencePerFinding: 1 };
/** When even no findings do not fit (huge claims or paths): the short lists cut too. */
const BARE: ViewLimits = { findings: 0, evidencePerFinding: 1, placeEveryFinding: false, claims: 5, skipped: 5, stackItems: 5 };
/** Stack parts named in the title, most telling first. */
const TITLE_STACK = ['fineTuning', 'vectorStores', 'servingEngines', 'apiFrameworks', 'libraries', 'containers'] as const;

let compiled: ((view: ReportView) => string) | undefined;

/**
 * The report as a check run's `output.title` and `output.summary`, within GitHub's limits (measured
 * in UTF-8 bytes, stricter than characters). When the report does not fit, it shows fewer findings —
 * concerns first — and says how many are not shown; text is never cut, so no code span, fence or
 * `<details>` is left open.
 */
export function renderCheckRunSummary(
  report: Report,
  permalinkBase: string | null,
  budget: CheckRunBudget = { summaryChars: MAX_CHECK_RUN_SUMMARY_CHARS, titleChars: MAX_CHECK_RUN_TITLE_CHARS },
): CheckRunSummary {
  compiled ??= compileTemplate<ReportView>('check-run-summary.md.hbs', '.md.hbs');
  const template = compiled;
  const render = (limits: ViewLimits, base: string | null) => tidyMarkdown(template(buildView(report, { permalinkBase: base, escaper: markdownEscaper, limits })));
  const fits = (text: string) => Buffer.byteLength(text, 'utf8') <= budget.summaryChars;
  const title = checkRunTitle(report, budget.titleChars);

  const roomy = render(ROOMY, permalinkBase);
  if (fits(roomy)) return { title, summary: roomy };
  for (const base of [permalinkBase, null]) {
    const most = largestFitting(report.findings.length, (findings) => {
      const text = render({ ...TIGHT, findings }, base);
      return fits(text) ? text : null;
    });
    if (most !== null) return { title, summary: most };
    const bare = render(BARE, base);
    if (fits(bare)) return { title, summary: bare };
  }
  return { title, summary: tooLarge(report, budget.summaryChars) };
}

/** The text for the largest `n` in 0…max for which `attempt(n)` fits (a binary search), or null when 0 does not. */
function largestFitting(max: number, attempt: (n: number) => string | null): string | null {
  let best = attempt(0);
  if (best === null) return null;
  let low = 0;
  let high = max;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const text = attempt(mid);
    if (text === null) high = mid - 1;
    else {
      best = text;
      low = mid;
    }
  }
  return best;
}

/** The last resort, for a report whose every section is too large (thousands of enormous paths): counts only. */
function tooLarge(report: Report, max: number): string {
  const n = report.findings.length;
  return `${n} more finding${n === 1 ? '' : 's'} not shown: this review is too large for a check run summary; the full report lists every one.\n`.slice(0, max);
}

/** `chroma, fastapi, langchain +3 more · 9 strengths, 4 concerns, 1 claim contradicted`, within `max` characters. */
export function checkRunTitle(report: Report, max: number): string {
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  const contradicted = report.claims.filter((c) => c.status === 'contradicted').length;
  const counts = [
    count(report.findings.filter((f) => f.kind === 'strength').length, 'strength'),
    count(report.findings.filter((f) => f.kind === 'concern').length, 'concern'),
    ...(contradicted ? [`${count(contradicted, 'claim')} contradicted`] : []),
  ].join(', ');
  const ids = [...new Set(TITLE_STACK.flatMap((part) => report.stack[part].filter((item) => !item.declaredOnly).map((item) => visibleLine(item.id))))];
  if (!ids.length) return `No LLM/ML stack detected · ${counts}`.slice(0, max);
  let shown = 0;
  const titleWith = (k: number) => `${ids.slice(0, k).join(', ')}${k < ids.length ? ` +${ids.length - k} more` : ''} · ${counts}`;
  while (shown < ids.length && titleWith(shown + 1).length <= max) shown += 1;
  return shown ? titleWith(shown) : counts.slice(0, max);
}
