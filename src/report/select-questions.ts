import type { Finding } from '../engine/types.js';
import type { Evidence } from '../types.js';

export interface Question {
  text: string;
  area: string;
  evidence: Evidence[];
}

export const MAX_QUESTIONS = 8;

const REVEALS = { concern: 0, info: 1, strength: 2 } as const;

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
