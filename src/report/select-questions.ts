import type { Claim } from '../claims/types.js';
import type { Finding } from '../engine/types.js';
import type { Evidence } from '../types.js';

export interface Question {
  text: string;
  area: string;
  evidence: Evidence[];
}

export const MAX_QUESTIONS = 8;
/** Questions about the candidate's own claims, asked before those from findings. */
export const MAX_CLAIM_QUESTIONS = 2;

const REVEALS = { concern: 0, info: 1, strength: 2 } as const;

/**
 * Questions about what the candidate wrote and the code does not show: implausible claims first,
 * then contradicted ones. Each names where it was written.
 */
export function claimQuestions(claims: readonly Claim[], max = MAX_CLAIM_QUESTIONS): Question[] {
  // Numbers no code computes are asked about by evaluation/results-without-code already.
  const pressing = (claim: Claim) => (claim.implausible !== null ? 0 : claim.status === 'contradicted' ? 1 : null);
  return claims
    .map((claim, index) => ({ claim, index, rank: pressing(claim) }))
    .filter((c): c is { claim: Claim; index: number; rank: number } => c.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .slice(0, max)
    .map(({ claim }) => {
      const where = claim.source.origin === 'repository' ? `${claim.source.path}:${claim.source.line}` : `The ${claim.source.origin === 'pull-request' ? 'pull request description' : 'issue'}`;
      const text =
        claim.implausible !== null ? `${where} says "${claim.text}". ${claim.implausible} What exactly did you train, and on what compute?`
        : `${where} claims \`${claim.subject}\`, and the code does not show it. What exactly did you run, and where is that code?`;
      const evidence = claim.evidence.length ? claim.evidence : claim.source.origin === 'repository' ? [{ path: claim.source.path, line: claim.source.line, snippet: claim.source.snippet }] : [];
      return { text, area: 'claims', evidence };
    });
}

/**
 * The interview questions: from findings that carry one, gaps first, then notable choices, then
 * strengths; one per check before a second from the same check, so the list covers ground.
 */
export function selectQuestions(findings: readonly Finding[], max = MAX_QUESTIONS): Question[] {
  const asked = findings.filter((f): f is Finding & { question: string } => typeof f.question === 'string');
  const ordered = asked
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => REVEALS[a.finding.kind] - REVEALS[b.finding.kind] || a.index - b.index)
    .map(({ finding }) => finding);
  const seenChecks = new Set<string>();
  const firstRound: Finding[] = [];
  const rest: Finding[] = [];
  for (const finding of ordered) {
    if (seenChecks.has(finding.check)) rest.push(finding);
    else {
      firstRound.push(finding);
      seenChecks.add(finding.check);
    }
  }
  const questions = new Map<string, Question>();
  for (const finding of [...firstRound, ...rest]) {
    if (questions.size >= max) break;
    if (!questions.has(finding.question!)) questions.set(finding.question!, { text: finding.question!, area: finding.area, evidence: finding.evidence });
  }
  return [...questions.values()];
}
