import type { Report } from '../report/build-report.js';

/** The report as the JSON contract (schemaVersion 1), one document. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
