import type { Facts } from '../facts/types.js';
import type { Stack } from '../stack/types.js';
import type { Evidence } from '../types.js';
import type { ClaimCandidate } from './extract-claims.js';
import type { ClaimStatus } from './types.js';

/** What the review had to look through, counted once, so every `lookedFor` can say where it looked. */
export interface SearchScope {
  python: number;
  notebooks: number;
  scripts: number;
  manifests: number;
  configs: number;
  dockerfiles: number;
}

/** Everything a verifier may consult. */
export interface VerificationContext {
  facts: Facts;
  stack: Stack;
  scope: SearchScope;
  /** Paths of the prose documents claims were read from (never evidence for themselves). */
  documents: ReadonlySet<string>;
}

/** A verifier's answer, before the claim's origin is taken into account. */
export interface Verdict {
  status: ClaimStatus;
  evidence: Evidence[];
  lookedFor: string;
}

/** Holds one claim against the code. */
export type Verifier = (claim: ClaimCandidate, context: VerificationContext) => Verdict;

/** The context every verifier shares, counted once per review. */
export function buildVerificationContext(facts: Facts, stack: Stack, documents: readonly string[]): VerificationContext {
  const scope: SearchScope = {
    python: facts.python.filter((m) => m.kind === 'python').length,
    notebooks: facts.python.filter((m) => m.kind === 'notebook').length,
    scripts: facts.scripts.length,
    manifests: new Set(facts.dependencies.map((d) => d.manifest)).size,
    configs: new Set(facts.configs.map((c) => c.path)).size,
    dockerfiles: facts.dockerfiles.length,
  };
  return { facts, stack, scope, documents: new Set(documents) };
}

type Part = keyof SearchScope;
const NOUNS: Record<Part, [string, string]> = {
  python: ['Python file', 'Python files'],
  notebooks: ['notebook', 'notebooks'],
  scripts: ['JS/TS file', 'JS/TS files'],
  manifests: ['manifest', 'manifests'],
  configs: ['config file', 'config files'],
  dockerfiles: ['Dockerfile', 'Dockerfiles'],
};

/** "in 12 Python files, 1 notebook and 2 manifests" — the non-empty parts of the scope. */
export function searched(scope: SearchScope, parts: readonly Part[] = ['python', 'notebooks', 'scripts']): string {
  const counted = parts.filter((p) => scope[p] > 0).map((p) => `${scope[p]} ${NOUNS[p][scope[p] === 1 ? 0 : 1]}`);
  if (!counted.length) return `in no ${listed(parts.map((p) => NOUNS[p][0]), 'or')} (the submission has none)`;
  return `in ${listed(counted, 'and')}`;
}

/** `a, b and c` / `a, b or c`. */
export function listed(items: readonly string[], conjunction: 'and' | 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** Code and config evidence only: never the prose the claims were read from. */
export function codeOnly(evidence: readonly Evidence[], context: VerificationContext): Evidence[] {
  return evidence.filter((e) => !context.documents.has(e.path));
}
