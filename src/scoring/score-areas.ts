import type { Finding, FindingKind } from '../engine/types.js';
import type { AreaLevel, AreaScore, Summary, SummaryPoint } from './scorecard-types.js';
import { addTo } from '../multimap.js';

/** Summary sentences per side: a few, the most weighed areas first. */
const MAX_SUMMARY_POINTS = 3;

export interface ScoreInputs {
  /** The report's findings, in report order: scores point at them by index. */
  findings: readonly Finding[];
  /** Area → weight for the role (0–3). */
  weights: Readonly<Partial<Record<string, number>>>;
  /** Every area a check could report on, in display order; areas outside it come last. */
  areas: readonly string[];
  /** Areas that only flag problems: when empty they read "nothing flagged" rather than "no evidence found". */
  flagOnly: readonly string[];
}

/**
 * One level per area, from the findings in it, and nothing else:
 * - not-found: no finding at all;
 * - strong: at least 3 strengths and at most one concern per two strengths;
 * - solid: at least one strength and no more concerns than strengths;
 * - thin: findings, but no strength or more concerns than strengths.
 * Areas the role does not weigh are listed only when they have findings. No overall number.
 */
export function scoreAreas({ findings, weights, areas, flagOnly }: ScoreInputs): { scorecard: AreaScore[]; summary: Summary } {
  const byArea = new Map<string, number[]>();
  findings.forEach((finding, index) => addTo(byArea, finding.area, index));
  const order = [...areas, ...[...byArea.keys()].filter((area) => !areas.includes(area)).sort()];
  const scorecard = order
    .map((area) => scoreArea(area, weights[area] ?? 0, byArea.get(area) ?? [], findings, flagOnly.includes(area)))
    .filter((score) => score.weight > 0 || score.findings.length > 0)
    .sort((a, b) => b.weight - a.weight || order.indexOf(a.area) - order.indexOf(b.area));
  return { scorecard, summary: summarise(scorecard, findings) };
}

function scoreArea(area: string, weight: number, indexes: number[], findings: readonly Finding[], flagOnly: boolean): AreaScore {
  const count = (kind: FindingKind) => indexes.filter((i) => findings[i]!.kind === kind).length;
  const strengths = count('strength');
  const concerns = count('concern');
  const level: AreaLevel =
    indexes.length === 0 ? 'not-found'
    : strengths >= 3 && concerns * 2 <= strengths ? 'strong'
    : strengths >= 1 && concerns <= strengths ? 'solid'
    : 'thin';
  return { area, weight, level, strengths, concerns, findings: indexes, reason: level === 'not-found' ? (flagOnly ? 'nothing flagged' : 'no evidence found') : reasonOf(strengths, concerns, indexes.length - strengths - concerns) };
}

function reasonOf(strengths: number, concerns: number, info: number): string {
  const parts = [plural(strengths, 'strength'), plural(concerns, 'concern'), ...(info ? [plural(info, 'observation')] : [])];
  return parts.join(', ');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** A few sentences: where the candidate's code is strongest and what most needs a question, for the role. */
function summarise(scorecard: readonly AreaScore[], findings: readonly Finding[]): Summary {
  const weighed = scorecard.filter((score) => score.weight > 0);
  const pointsOf = (kind: 'strength' | 'concern', levels: readonly AreaLevel[]): SummaryPoint[] =>
    weighed
      .filter((score) => levels.includes(score.level))
      .map((score) => ({ score, picked: score.findings.filter((i) => findings[i]!.kind === kind) }))
      .filter(({ picked }) => picked.length > 0)
      .slice(0, MAX_SUMMARY_POINTS)
      .map(({ score, picked }) => {
        const first = findings[picked[0]!]!;
        const more = picked.length > 1 ? ` (and ${plural(picked.length - 1, `more ${kind}`)})` : '';
        return { text: `${score.area} (${score.level}): ${first.message}${more}`, findings: picked };
      });
  return {
    strengths: pointsOf('strength', ['strong', 'solid']),
    concerns: pointsOf('concern', ['strong', 'solid', 'thin']),
  };
}
