import type { Claim } from '../claims/types.js';
import type { CheckError, Finding } from '../engine/types.js';
import type { Facts } from '../facts/types.js';
import type { RubricResult } from '../scoring/evaluate-rubric.js';
import type { AreaScore, Summary } from '../scoring/scorecard-types.js';
import type { Stack, TestCount } from '../stack/types.js';
import type { Question } from './select-questions.js';
import type { Skipped, Workspace } from '../types.js';

export const SCHEMA_VERSION = 1;

/** The review as data: the JSON contract (`shared/spec/report-json.md`, schemaVersion 1). */
export interface Report {
  schemaVersion: typeof SCHEMA_VERSION;
  target: {
    source: string;
    commit: string | null;
    base: string | null;
    files: number;
    /** Files left out because they did not change since `base`. */
    unchanged: number;
    skipped: Skipped[];
    languages: Record<string, number>;
    limitsReached: string[];
    /** Milliseconds per pipeline stage. */
    timings: Record<string, number>;
  };
  stack: Stack;
  tests: TestCount;
  findings: Finding[];
  /** The take-home assignment, item by item. */
  rubric: { role: string; items: RubricResult[] };
  /** One level per area for the role, each explained by the findings (indexes into `findings`) behind it. */
  scorecard: AreaScore[];
  /** A few sentences of strengths and concerns, each pointing at findings. Never a verdict. */
  summary: Summary;
  /** The candidate's own claims held against the code. */
  claims: Claim[];
  /** Interview questions about this code, most revealing first. */
  questions: Question[];
  /** Checks that failed on this repository; the rest of the review stands. */
  errors: CheckError[];
}

export interface ReportParts {
  workspace: Workspace;
  facts: Facts;
  parseSkipped: Skipped[];
  stack: Stack;
  tests: TestCount;
  findings: Finding[];
  errors: CheckError[];
  rubric: Report['rubric'];
  claims: Claim[];
  questions: Question[];
  timings: Record<string, number>;
}

const KIND_ORDER = { concern: 0, strength: 1, info: 2 } as const;

/** The report without its scorecard and summary, which point into its sorted findings. */
export function buildReport(parts: ReportParts): Omit<Report, 'scorecard' | 'summary'> {
  const { workspace, facts } = parts;
  const skipped = [...workspace.skipped, ...parts.parseSkipped].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const findings = [...parts.findings].sort(
    (a, b) => (a.area < b.area ? -1 : a.area > b.area ? 1 : 0) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.check < b.check ? -1 : a.check > b.check ? 1 : 0),
  );
  return {
    schemaVersion: SCHEMA_VERSION,
    target: {
      source: workspace.source,
      commit: workspace.commit,
      base: workspace.base,
      files: workspace.files.length - parts.parseSkipped.length,
      unchanged: workspace.unchanged,
      skipped,
      languages: { python: 0, notebook: 0, typescript: 0, ...facts.languages },
      limitsReached: workspace.limitsReached,
      timings: parts.timings,
    },
    stack: parts.stack,
    tests: parts.tests,
    findings,
    rubric: parts.rubric,
    claims: parts.claims,
    questions: parts.questions,
    errors: parts.errors,
  };
}
