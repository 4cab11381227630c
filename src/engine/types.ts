import type { Facts } from '../facts/types.js';
import type { Stack, TestCount } from '../stack/types.js';
import type { EvidenceList, Skipped } from '../types.js';

export type FindingKind = 'strength' | 'concern' | 'info';

/** A finding of the report: data only, always with evidence. */
export interface Finding {
  /** `area/kebab-name`, equal to the check's path under `checks/`. */
  check: string;
  area: string;
  kind: FindingKind;
  /** The check's message id: stable across wording changes, for tests and downstream tools. */
  messageId: string;
  message: string;
  evidence: EvidenceList;
  /** An interview question about this very code, when the check has one. */
  question?: string;
}

/** What a check reads: facts, the detected stack, and what was left out. Never files, config or scores. */
export interface CheckContext {
  facts: Facts;
  stack: Stack;
  tests: TestCount;
  /** Files not analysed, with reason and size (committed weights, lock files, vendored trees). */
  skipped: readonly Skipped[];
  /** What was reviewed against a template: the `--base` ref (null when none), template files left out unchanged, files read. */
  target: { base: string | null; unchanged: number; files: number };
  /** The configured take-home window, seconds since the epoch, or null. */
  takeHomeWindow: { start: number; end: number } | null;
}

export type MessageData = Record<string, string | number | boolean | null | readonly string[] | undefined>;

/** What a check yields; the engine turns it into a Finding with its message filled in. */
export interface CheckReport<M extends string> {
  kind: FindingKind;
  messageId: M;
  evidence: EvidenceList;
  data?: MessageData;
}

export interface Check<M extends string = string> {
  id: string;
  /** One sentence: what the check reports. */
  docs: string;
  /** Message templates by id; `{{name}}` is filled from the report's data. */
  messages: Record<M, string>;
  /** Interview questions by message id. */
  questions?: Partial<Record<M, string>>;
  run(context: CheckContext): Iterable<CheckReport<M>>;
}

/** A check that threw: recorded in the report, never fatal. */
export interface CheckError {
  check: string;
  message: string;
}
