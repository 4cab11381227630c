import { describe, expect, it } from 'vitest';
import { LIBRARIES, TECHNIQUES } from '../../src/claims/claim-vocabulary.js';
import { TECHNIQUE_VERIFIERS } from '../../src/claims/verify-techniques.js';
import { API_FRAMEWORKS, LIBRARIES as LIBRARY_SIGNALS, VECTOR_STORES } from '../../src/stack/signals.js';

describe('the claim vocabulary', () => {
  it('has a verifier for every technique it can extract', () => {
    const missing = [...new Set(TECHNIQUES.map((t) => t.subject))].filter((subject) => !TECHNIQUE_VERIFIERS[subject]);
    expect(missing).toEqual([]);
  });

  it('names libraries by the canonical ids the stack reports', () => {
    const canonical = new Set([...LIBRARY_SIGNALS, ...VECTOR_STORES, ...API_FRAMEWORKS].map((s) => s.id).concat(['pytest', 'unittest', 'jest', 'vitest', 'mocha']));
    expect(LIBRARIES.flatMap((l) => [l.subject, ...(l.alsoIds ?? [])]).filter((id) => !canonical.has(id))).toEqual([]);
  });
});
