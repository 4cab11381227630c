import type { CommentSection } from '../publish/compose-comment.js';
import { renderCheckRunSummary } from '../render/render-check-run-summary.js';
import { renderMarkdown } from '../render/render-markdown.js';
import type { Report } from '../report/build-report.js';
import type { Source } from '../source/parse-source.js';

/**
 * One repository's report in a comment, from the most to the least detailed: the full report,
 * the budgeted check-run summary, then one line of counts.
 */
export function reportSection(source: Source, report: Report, permalinkBase: string | null): CommentSection {
  const count = (kind: string, noun: string) => {
    const n = report.findings.filter((finding) => finding.kind === kind).length;
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
  };
  const counts = `${count('strength', 'strength')}, ${count('concern', 'concern')}`;
  const heading = `${source.display} — ${counts}`;
  return {
    heading,
    forms: [
      renderMarkdown(report, permalinkBase),
      renderCheckRunSummary(report, permalinkBase).summary,
      `**${source.display}**: ${counts}, ${count('info', 'observation')}; the report is too long for this comment (run the CLI on the repository for all of it).`,
    ],
  };
}
