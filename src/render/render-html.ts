import { createHash } from 'node:crypto';
import type { Report } from '../report/build-report.js';
import { compileTemplate, readTemplateFile } from './compile-template.js';
import { htmlEscaper } from './html-escaper.js';
import { buildView, type ReportView } from './view-model.js';

interface HtmlPage extends ReportView {
  /** The stylesheet, inlined; the page's Content-Security-Policy allows exactly this text by its hash. */
  style: string;
  styleHash: string;
}

let compiled: { template: (page: HtmlPage) => string; style: string; styleHash: string } | undefined;

/**
 * The report as one standalone HTML page (`--format html`): no external assets or scripts (a strict
 * Content-Security-Policy forbids both), the scorecard as inline-SVG bars, collapsible areas, evidence
 * as code with line numbers, print-friendly. Every string is entity-escaped by the view; the only
 * links are https permalinks at the reviewed commit.
 */
export function renderHtml(report: Report, permalinkBase: string | null = null): string {
  compiled ??= (() => {
    const style = readTemplateFile('report.css');
    return {
      template: compileTemplate<HtmlPage>('report.html.hbs', '.html.hbs'),
      style,
      styleHash: `sha256-${createHash('sha256').update(style, 'utf8').digest('base64')}`,
    };
  })();
  const view = buildView(report, { permalinkBase, escaper: htmlEscaper });
  return compiled.template({ ...view, style: compiled.style, styleHash: compiled.styleHash });
}
