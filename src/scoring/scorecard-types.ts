/** Level of one area for the role, explained by the findings behind it. Never a ranking. */
export type AreaLevel = 'strong' | 'solid' | 'thin' | 'not-found';

/** `scorecard[]` of the JSON report. */
export interface AreaScore {
  area: string;
  /** How much the role weighs this area: 0 (not weighed) to 3 (core to the role). */
  weight: number;
  level: AreaLevel;
  strengths: number;
  concerns: number;
  /** Indexes into `report.findings` that produced the level. */
  findings: number[];
  /** One sentence: why this level ("3 strengths, 1 concern"). */
  reason: string;
}

/** A sentence of the summary, pointing at the findings it rests on (indexes into `report.findings`). */
export interface SummaryPoint {
  text: string;
  findings: number[];
}

export interface Summary {
  strengths: SummaryPoint[];
  concerns: SummaryPoint[];
}
