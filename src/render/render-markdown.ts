import type { Report } from '../report/build-report.js';
import { compileTemplate } from './compile-template.js';
import { markdownEscaper } from './markdown-escaper.js';
import { tidyMarkdown } from './tidy-markdown.js';
import { buildView, type ReportView } from './view-model.js';

let compiled: ((view: ReportView) => string) | undefined;

/** The full report as GitHub Markdown (CLI, issue, PR comment), from `templates/report.md.hbs`. */
export function renderMarkdown(report: Report, permalinkBase: string | null = null): string {
  compiled ??= compileTemplate<ReportView>('report.md.hbs', '.md.hbs');
  return tidyMarkdown(compiled(buildView(report, { permalinkBase, escaper: markdownEscaper })));
}
