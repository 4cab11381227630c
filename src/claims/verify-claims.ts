import { distinct } from './code-lines.js';
import type { ClaimCandidate } from './extract-claims.js';
import type { Claim } from './types.js';
import { codeOnly, type Verdict, type VerificationContext, type Verifier } from './verification-context.js';
import { verifyLibrary } from './verify-library.js';
import { verifyMetric } from './verify-metric.js';
import { verifyModel } from './verify-model.js';
import { verifyScale } from './verify-scale.js';
import { TECHNIQUE_VERIFIERS } from './verify-techniques.js';

/** The verifier of each claim kind; techniques have one per subject. */
const VERIFIERS: Record<Claim['kind'], Verifier> = {
  technique: (claim, context) => (TECHNIQUE_VERIFIERS[claim.subject] ?? unknownTechnique)(claim, context),
  library: verifyLibrary,
  model: verifyModel,
  metric: verifyMetric,
  scale: verifyScale,
};

const unknownTechnique: Verifier = () => ({ status: 'unverifiable', evidence: [], lookedFor: 'no static check exists for this technique' });

/**
 * One claim held against the code. A claim from an issue (a CV excerpt, often about other work)
 * is never contradicted by this repository: what it does not show stays unverifiable.
 */
export function verifyClaim(claim: ClaimCandidate, context: VerificationContext): Claim {
  let verdict: Verdict = VERIFIERS[claim.kind](claim, context);
  if (claim.source.origin === 'issue' && verdict.status === 'contradicted') {
    verdict = { ...verdict, status: 'unverifiable', lookedFor: `${verdict.lookedFor} (the claim comes from an issue and may describe other work)` };
  }
  return {
    text: claim.text,
    kind: claim.kind,
    subject: claim.subject,
    source: claim.source,
    status: verdict.status,
    evidence: distinct(codeOnly(verdict.evidence, context)),
    lookedFor: verdict.lookedFor,
    implausible: claim.implausible,
  };
}
