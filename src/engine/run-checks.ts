import { oneLine } from '../errors.js';
import { throttledProgress } from '../progress.js';
import type { Check, CheckContext, CheckError, Finding, MessageData } from './types.js';

export interface RunChecksOptions {
  /** Told every few seconds how far a long run has got (`40 of 101 checks run`): see {@link throttledProgress}. */
  progress?: (line: string) => void;
  /** The clock of the progress lines (`performance.now` by default). */
  now?: () => number;
}

/** Runs every check over the same facts. A check that throws becomes a recorded error. */
export function runChecks(checks: readonly Check[], context: CheckContext, options: RunChecksOptions = {}): { findings: Finding[]; errors: CheckError[] } {
  const findings: Finding[] = [];
  const errors: CheckError[] = [];
  const progress = throttledProgress(options.progress, options.now ?? (() => performance.now()));
  for (const [index, check] of checks.entries()) {
    progress(() => `${index} of ${checks.length} checks run`);
    const area = check.id.slice(0, check.id.indexOf('/'));
    try {
      for (const report of check.run(context)) {
        const finding: Finding = {
          check: check.id,
          area,
          kind: report.kind,
          messageId: report.messageId,
          message: fill(check.messages[report.messageId] ?? report.messageId, report.data),
          evidence: report.evidence,
        };
        const question = check.questions?.[report.messageId];
        if (question) finding.question = fill(question, report.data);
        findings.push(finding);
      }
    } catch (error) {
      errors.push({ check: check.id, message: oneLine(error instanceof Error ? error.message : String(error), 200) });
    }
  }
  return { findings, errors };
}

/** Fills `{{name}}` from the report's data; a value may carry its own `code` marks. */
function fill(template: string, data: MessageData | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => {
    const value = data?.[key];
    if (value === undefined) return whole;
    return Array.isArray(value) ? value.join(', ') : String(value);
  });
}
