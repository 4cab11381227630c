import type { Evidence } from '../types.js';

/** Where a claim was written: the submission itself, the pull request's description, or an issue (a CV excerpt). */
export type ClaimOrigin = 'repository' | 'pull-request' | 'issue';

/** Prose the candidate wrote, read for claims. `path` is a repository path for `repository`, else a label. */
export interface ClaimDocument {
  origin: ClaimOrigin;
  path: string;
  text: string;
}

export type ClaimKind = 'technique' | 'library' | 'model' | 'metric' | 'scale';
export type ClaimStatus = 'supported' | 'contradicted' | 'unverifiable';

/** `claims[]` of the JSON report: one checkable statement held against the code. */
export interface Claim {
  /** The sentence (or clause) that makes the claim, trimmed. */
  text: string;
  kind: ClaimKind;
  /** What is claimed, canonical where one exists: `qlora`, `langchain`, `llama-2-7b`, `accuracy 95%`. */
  subject: string;
  /** Where the candidate wrote it. */
  source: Evidence & { origin: ClaimOrigin };
  status: ClaimStatus;
  /** Code that supports or contradicts it; [] when nothing was found. */
  evidence: Evidence[];
  /** What would have supported it, and where the review looked. */
  lookedFor: string;
  /** Why a claim reads as implausible (pre-training at GPT-3 scale costs over $1M), else null. */
  implausible: string | null;
}
