import type { Facts } from '../facts/types.js';
import type { Stack } from '../stack/types.js';
import type { Claim, ClaimDocument } from './types.js';

/**
 * The candidate's claims — in the submission's README/REPORT and in `external` prose (a pull
 * request description, an issue listing their repositories) — each held against the code.
 */
export function reviewClaims(_facts: Facts, _stack: Stack, _external: readonly ClaimDocument[]): Claim[] {
  return []; // being built: claims extraction and verification
}
