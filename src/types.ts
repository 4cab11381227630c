/** Shared nouns of the pipeline: source → workspace → facts → stack/checks → render → publish. */
import type { History } from './workspace/git/git-repo.js';

export type { Commit, History } from './workspace/git/git-repo.js';

/** One line of the candidate's code that proves something. `line` is 1-based. */
export interface Evidence {
  path: string;
  line: number;
  snippet: string;
  /** Notebooks only: 1-based index of the cell among all cells of the notebook. */
  cell?: number;
}

export type EvidenceList = [Evidence, ...Evidence[]];

export type SkipReason =
  | 'binary'
  | 'too-large'
  | 'symlink'
  | 'submodule'
  | 'vendored'
  | 'ignored'
  | 'missing-blob'
  | 'unreadable'
  | 'parse-error'
  | 'limit';

export interface Skipped {
  path: string;
  reason: SkipReason;
  /** One line, safe to show: what went wrong. */
  detail?: string;
  /** Size in bytes, when known (for a folder of vendored files, their total). */
  bytes?: number;
}

/** A text file of the submission, decoded and with line endings normalised to `\n`. */
export interface SourceFile {
  path: string;
  text: string;
  bytes: number;
}

export interface Limits {
  /** Commits of history read for git sources. */
  maxCommits: number;
  /** Commits a remote clone fetches: enough history for a take-home, bounded for a large repository. */
  cloneHistoryDepth: number;
  /** Largest file read, in bytes (notebooks have their own cap: outputs make them big). */
  maxFileBytes: number;
  maxNotebookBytes: number;
  /** Total bytes read across the submission. */
  maxTotalBytes: number;
  /** Files read at most; the rest are listed as skipped with reason `limit`. */
  maxFiles: number;
  /** Wall-clock budget for a clone. */
  cloneTimeoutMs: number;
  /** Largest blob fetched by a partial clone. */
  cloneBlobLimitBytes: number;
  /**
   * Longest one file's parsing may take; a slower file is left out (reason `limit`). Python and
   * notebook parses are cancelled at it; the other parsers, bounded by the byte caps, are measured.
   */
  parseTimeoutMs: number;
  /** Wall-clock budget of a whole review, clone included: files not parsed by then are left out. */
  reviewTimeoutMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxCommits: 500,
  cloneHistoryDepth: 50,
  maxFileBytes: 2 * 1024 * 1024,
  maxNotebookBytes: 20 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxFiles: 50_000,
  cloneTimeoutMs: 120_000,
  cloneBlobLimitBytes: 20 * 1024 * 1024,
  parseTimeoutMs: 20_000,
  reviewTimeoutMs: 10 * 60_000,
};

/** What was reviewed and what was left out: the loaded submission, read-only. */
export interface Workspace {
  /** The source as the user named it (a path or a rebuilt URL), for the report. */
  source: string;
  commit: string | null;
  base: string | null;
  files: SourceFile[];
  skipped: Skipped[];
  /** Files left out because they did not change since `base`. */
  unchanged: number;
  /** Human-readable notes on caps that were hit ("file count cap of 50000 reached"). */
  limitsReached: string[];
  /** Commit history of a git source (bounded), null for a plain folder. */
  history: History | null;
}
