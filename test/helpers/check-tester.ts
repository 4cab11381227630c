import type { Check } from '../../src/engine/types.js';
import { reviewFiles } from './review-files.js';

/**
 * Runs one check over an inline mini-repository, through the real workspace, parsers and stack,
 * and returns its findings the way the rule tables read: `{ check, kind, messageId, at }` plus the
 * rendered message and question.
 */
export async function findingsOf(check: Check, files: Record<string, string>) {
  const report = await reviewFiles(files, { checks: [check] });
  if (report.errors.length) throw new Error(`check failed: ${report.errors[0]!.message}`);
  return report.findings.map((f) => ({
    check: f.check,
    kind: f.kind,
    messageId: f.messageId,
    at: `${f.evidence[0].path}:${f.evidence[0].line}`,
    message: f.message,
    ...(f.question && { question: f.question }),
  }));
}

/** One row of a check's rule table: a named mini-repository and the findings it must yield. */
export interface CheckRow {
  name: string;
  files: Record<string, string>;
  expected: { kind: string; messageId: string; at: string }[];
}

/** The `{ kind, messageId, at }` triples of a check's findings, for compact table assertions. */
export async function reportsOf(check: Check, files: Record<string, string>) {
  return (await findingsOf(check, files)).map(({ kind, messageId, at }) => ({ kind, messageId, at }));
}
