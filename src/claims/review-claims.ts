import type { Facts } from '../facts/types.js';
import type { Stack } from '../stack/types.js';
import { claimDocuments } from './claim-documents.js';
import { extractClaims } from './extract-claims.js';
import type { Claim, ClaimDocument } from './types.js';
import { buildVerificationContext } from './verification-context.js';
import { verifyClaim } from './verify-claims.js';

/**
 * The candidate's claims — in the submission's README/REPORT and in `external` prose (a pull
 * request description, an issue listing their repositories) — each held against the code.
 */
export function reviewClaims(facts: Facts, stack: Stack, external: readonly ClaimDocument[]): Claim[] {
  const documents = claimDocuments(facts.files, external);
  const context = buildVerificationContext(facts, stack, documents.map((d) => d.path));
  return extractClaims(documents).map((claim) => verifyClaim(claim, context));
}
