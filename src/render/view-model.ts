import type { Claim, ClaimStatus } from '../claims/types.js';
import type { Finding, FindingKind } from '../engine/types.js';
import type { Report } from '../report/build-report.js';
import type { AreaLevel, AreaScore, SummaryPoint } from '../scoring/scorecard-types.js';
import type { RubricStatus } from '../scoring/evaluate-rubric.js';
import type { Stack, StackItem } from '../stack/types.js';
import type { Evidence } from '../types.js';
import type { Escaper } from './escaper.js';
import { addTo } from '../multimap.js';
import { evidenceHref } from './evidence-href.js';

/** How much of the report a view shows; the rest is counted ("N more … not shown"), never cut mid-text. */
export interface ViewLimits {
  /** Findings shown in the per-area sections: concerns first, then strengths, then observations, the most weighed areas first. */
  findings: number;
  evidencePerFinding: number;
  /**
   * Whether a check's identical findings, shown once, list a place for every one of them (the full
   * report, where every finding is linked) rather than `evidencePerFinding` places in all.
   */
  placeEveryFinding: boolean;
  claims: number;
  skipped: number;
  /** Items listed per stack category. */
  stackItems: number;
}

/** The whole report: every finding, enough evidence to check each one, long lists cut with a count. */
export const FULL_REPORT_LIMITS: ViewLimits = { findings: Number.POSITIVE_INFINITY, evidencePerFinding: 8, placeEveryFinding: true, claims: 60, skipped: 30, stackItems: 40 };

export interface ViewOptions {
  /** `https://github.com/o/r/blob/<sha>/` when the source is on GitHub; locations are plain code otherwise. */
  permalinkBase: string | null;
  escaper: Escaper;
  limits?: ViewLimits;
}

export interface EvidenceView {
  /** `rag/ingest.py:12` (or `nb.ipynb cell 3, line 12`), linked to the commit when on GitHub. */
  location: string;
  line: number;
  snippet: string;
}

export interface FindingView {
  kind: FindingKind;
  /** `strength`, `concern`, `observation`. */
  kindLabel: string;
  symbol: string;
  message: string;
  question: string | null;
  /** How many findings this one stands for: a check's identical findings are shown once, their places together; null for one. */
  repeats: number | null;
  evidence: EvidenceView[];
  evidenceMore: number;
}

export interface ScoreRowView {
  /** A stable id for HTML anchors: `area-rag`. */
  anchor: string;
  area: string;
  level: AreaLevel;
  levelLabel: string;
  /** False for `not-found`: the row says "no evidence found" instead of a level and counts. */
  found: boolean;
  focus: string;
  reason: string;
  /** The findings behind the level as short locations, for a table cell. */
  refs: string;
  /** Inline-SVG geometry of the level's bar (the level drawn, not a score). */
  bar: { y: number; textY: number; x: number; width: number; track: number; labelX: number };
}

export interface AreaView {
  anchor: string;
  area: string;
  levelLabel: string;
  reason: string;
  findings: FindingView[];
  /** Findings of this area left out by the limits. */
  hidden: number;
}

export interface ClaimView {
  status: ClaimStatus;
  statusLabel: string;
  claim: string;
  written: string;
  support: string;
  implausible: string | null;
}

export interface ReportView {
  title: string;
  header: { label: string; value: string }[];
  scorecard: ScoreRowView[];
  chart: { width: number; height: number };
  legend: string;
  summary: { strengths: { text: string; refs: string }[]; concerns: { text: string; refs: string }[] };
  role: string;
  rubric: { title: string; status: RubricStatus; statusLabel: string; where: string }[];
  /** Contradicted, not verifiable or implausible: the claims to ask about. */
  claims: ClaimView[];
  /** Supported by the code, one per subject. */
  supportedClaims: ClaimView[];
  /** "3 claims supported by the code". */
  supportedTitle: string;
  claimsHidden: number;
  questions: { text: string; where: string }[];
  areas: AreaView[];
  /** "N more findings not shown …" when the limits left findings out, else null. */
  hiddenFindings: string | null;
  stack: { title: string; items: { name: string; note: string; evidence: EvidenceView | null }[]; more: number }[];
  lora: string | null;
  rag: { title: string; evidence: EvidenceView | null }[] | null;
  evaluation: EvidenceView | null;
  secrets: EvidenceView[];
  tests: string;
  skipped: string[];
  skippedMore: number;
  notes: string[];
  /** True when no file was skipped, no limit reached and no check failed. */
  nothingLeftOut: boolean;
}

/** The lists of `stack`, titled in the order a hiring engineer reads them. A `Record`, so a new list cannot be left out. */
const STACK_CATEGORIES: Record<Exclude<keyof Stack, 'lora' | 'rag' | 'evaluation' | 'secrets'>, string> = {
  libraries: 'Libraries',
  models: 'Models',
  fineTuning: 'Fine-tuning',
  quantization: 'Quantisation',
  vectorStores: 'Vector stores',
  apiFrameworks: 'API frameworks',
  servingEngines: 'Serving engines',
  testFrameworks: 'Test frameworks',
  containers: 'Containers',
  orchestration: 'Orchestration',
  ci: 'CI',
  observability: 'Observability',
  dataVersioning: 'Data versioning',
  guardrails: 'Guardrails',
};
const RAG_STAGES = [['chunking', 'Chunking'], ['embeddings', 'Embeddings'], ['retrieval', 'Retrieval'], ['reranking', 'Reranking'], ['promptTemplate', 'Prompt template']] as const;
const RUBRIC_STATUS: Record<RubricStatus, string> = { met: 'met', partial: 'partly met', 'not-found': 'not found' };
const LEVEL_LABEL: Record<AreaLevel, string> = { strong: 'strong', solid: 'solid', thin: 'thin', 'not-found': 'no evidence found' };
/** The bar drawn for a level, as a share of the track: a picture of the level, not a number to rank by. */
const LEVEL_SHARE: Record<AreaLevel, number> = { strong: 1, solid: 2 / 3, thin: 1 / 3, 'not-found': 0 };
const FOCUS = ['not weighed for this role', 'minor for this role', 'important for this role', 'core to this role'] as const;
const CLAIM_STATUS: Record<ClaimStatus, string> = { supported: 'supported', contradicted: 'contradicted', unverifiable: 'not verifiable statically' };
const KIND_LABEL: Record<FindingKind, string> = { strength: 'strength', concern: 'concern', info: 'observation' };
const KIND_SYMBOL: Record<FindingKind, string> = { strength: '✓', concern: '⚠', info: '○' };
const KIND_RANK: Record<FindingKind, number> = { concern: 0, strength: 1, info: 2 };
const MAX_REFS = 3;
const MAX_CLAIM_CHARS = 160;
const MAX_SHORT_PATH = 60;
const CHART = { row: 28, labelWidth: 150, track: 300, levelWidth: 150 } as const;

/** Report → everything a template prints: grouped, sorted, cut to the limits and escaped for one format. */
export function buildView(report: Report, options: ViewOptions): ReportView {
  const esc = options.escaper;
  const limits = options.limits ?? FULL_REPORT_LIMITS;
  const base = options.permalinkBase;
  const location = (e: Evidence) => esc.link(whereOf(e), evidenceHref(base, e));
  const shortLocation = (e: Evidence) => esc.link(shortWhereOf(e), evidenceHref(base, e));
  const evidenceView = (e: Evidence): EvidenceView => ({ location: location(e), line: e.line, snippet: esc.code(e.snippet) });
  const firstEvidence = (list: readonly Evidence[]) => (list[0] ? evidenceView(list[0]) : null);
  const findingRefs = (indexes: readonly number[], withKind: boolean) => {
    const refs = indexes.slice(0, MAX_REFS).flatMap((i) => {
      const finding = report.findings[i];
      return finding ? [`${withKind ? `${KIND_SYMBOL[finding.kind]} ` : ''}${shortLocation(finding.evidence[0])}`] : [];
    });
    return [...refs, ...(indexes.length > MAX_REFS ? [`+${indexes.length - MAX_REFS} more`] : [])].join(', ');
  };
  const { target, stack } = report;

  const shown = pickFindings(report.findings, report.scorecard, limits.findings);
  /**
   * One finding, or the findings of one check with the same kind and message (the first one's
   * question), each one's first place before the others' further places.
   */
  const findingView = (alike: readonly Finding[]): FindingView => {
    const f = alike[0]!;
    const places = distinct([...alike.flatMap((one) => one.evidence.slice(0, 1)), ...alike.flatMap((one) => one.evidence.slice(1))]);
    const placesShown = limits.placeEveryFinding ? Math.max(limits.evidencePerFinding, alike.length) : limits.evidencePerFinding;
    return {
      kind: f.kind,
      kindLabel: KIND_LABEL[f.kind],
      symbol: KIND_SYMBOL[f.kind],
      message: esc.message(f.message),
      question: f.question ? esc.message(f.question) : null,
      repeats: alike.length > 1 ? alike.length : null,
      evidence: places.slice(0, placesShown).map(evidenceView),
      evidenceMore: Math.max(0, places.length - placesShown),
    };
  };
  const scoreByArea = new Map(report.scorecard.map((score) => [score.area, score]));
  const areaIndexes = new Map<string, number[]>();
  report.findings.forEach((f, i) => addTo(areaIndexes, f.area, i));
  const areaOrder = [...report.scorecard.map((s) => s.area), ...[...areaIndexes.keys()].filter((a) => !scoreByArea.has(a))];
  const areas = areaOrder.flatMap((area): AreaView[] => {
    const indexes = areaIndexes.get(area) ?? [];
    if (!indexes.length) return [];
    const score = scoreByArea.get(area);
    const visible = indexes.filter((i) => shown.has(i));
    return [{
      anchor: anchorOf(area),
      area: esc.text(area),
      levelLabel: score ? LEVEL_LABEL[score.level] : 'not scored',
      reason: esc.text(score?.reason ?? `${indexes.length} finding${indexes.length === 1 ? '' : 's'}`),
      findings: alikeGroups(visible.map((i) => report.findings[i]!)).map(findingView),
      hidden: indexes.length - visible.length,
    }];
  });
  const hidden = report.findings.length - shown.size;

  const languages = Object.entries(target.languages)
    .filter(([, lines]) => lines > 0)
    .map(([language, lines]) => `${language} ${lines.toLocaleString('en-US')}`)
    .join(', ');
  const header = [
    { label: 'Commit', value: target.commit ? esc.code(target.commit.slice(0, 12)) : 'not a git repository' },
    { label: 'Base', value: target.base ? `${esc.code(target.base)}, ${target.unchanged} unchanged file${target.unchanged === 1 ? '' : 's'} left out` : 'none: every file was reviewed' },
    { label: 'Role', value: `${esc.code(report.rubric.role)} (weighs the areas and sets the take-home rubric)` },
    { label: 'Files analysed', value: `${target.files}${target.skipped.length ? `, ${target.skipped.length} skipped` : ''}` },
    { label: 'Lines of code', value: esc.text(languages || 'none') },
    { label: 'Findings', value: countsOf(report.findings) },
    // A limit reached (size, count, time) means some code was never read: say so at the top.
    ...(target.limitsReached.length ? [{ label: 'Coverage', value: `partially analysed: ${target.limitsReached.length} limit${target.limitsReached.length === 1 ? '' : 's'} reached (see "What was not analysed")` }] : []),
  ];

  const itemView = (item: StackItem) => ({
    name: esc.code(item.id),
    note: item.declaredOnly ? ' (declared, never imported)' : '',
    evidence: firstEvidence(item.evidence),
  });
  const lora = stack.lora
    ? `r=${stack.lora.r ?? 'default'}, lora_alpha=${stack.lora.alpha ?? 'default'}, target_modules=${
        stack.lora.targetModules === null ? 'default' : [stack.lora.targetModules].flat().map((m) => esc.code(m)).join(', ')
      }${stack.lora.evidence[0] ? ` (${location(stack.lora.evidence[0])})` : ''}`
    : null;

  return {
    title: esc.text(target.source),
    header,
    scorecard: report.scorecard.map((score, row) => ({
      anchor: anchorOf(score.area),
      area: esc.text(score.area),
      level: score.level,
      levelLabel: score.level === 'not-found' ? esc.text(score.reason) : LEVEL_LABEL[score.level],
      found: score.level !== 'not-found',
      focus: `${'●'.repeat(clampWeight(score.weight))}${'○'.repeat(3 - clampWeight(score.weight))} ${FOCUS[clampWeight(score.weight)]}`,
      reason: esc.cell(esc.text(score.reason)),
      refs: esc.cell(score.findings.length ? findingRefs(sortedByKind(score.findings, report.findings), true) : '—'),
      bar: {
        y: row * CHART.row + 6,
        textY: row * CHART.row + 19,
        x: CHART.labelWidth,
        width: Math.round(CHART.track * LEVEL_SHARE[score.level]),
        track: CHART.track,
        labelX: CHART.labelWidth + CHART.track + 12,
      },
    })),
    chart: { width: CHART.labelWidth + CHART.track + CHART.levelWidth, height: Math.max(1, report.scorecard.length) * CHART.row + 8 },
    legend: (['strength', 'concern', 'info'] as const).map((kind) => `${KIND_SYMBOL[kind]} ${KIND_LABEL[kind]}`).join(', '),
    summary: {
      strengths: report.summary.strengths.map((p: SummaryPoint) => ({ text: esc.message(p.text), refs: findingRefs(p.findings, false) })),
      concerns: report.summary.concerns.map((p: SummaryPoint) => ({ text: esc.message(p.text), refs: findingRefs(p.findings, false) })),
    },
    role: esc.text(report.rubric.role),
    rubric: report.rubric.items.map((item) => ({
      title: esc.cell(esc.text(item.title)),
      status: item.status,
      statusLabel: RUBRIC_STATUS[item.status],
      where: esc.cell(
        item.evidence.length
          ? item.evidence.slice(0, 2).map(location).join(', ')
          : `no evidence found in the ${target.files} files analysed; looked for ${esc.message(item.lookedFor)}`,
      ),
    })),
    ...claimViews(report.claims, limits.claims, (claim) => claimView(claim, esc, location, target.files)),
    questions: report.questions.map((q) => ({ text: esc.message(q.text), where: q.evidence[0] ? location(q.evidence[0]) : '' })),
    areas,
    hiddenFindings: hidden > 0 ? `${hidden} more finding${hidden === 1 ? '' : 's'} not shown here (${countsOf(report.findings.filter((_, i) => !shown.has(i)))}); the full report lists every one.` : null,
    stack: (Object.entries(STACK_CATEGORIES) as [keyof typeof STACK_CATEGORIES, string][]).map(([key, title]) => {
      const items = stack[key];
      return { title, items: items.slice(0, limits.stackItems).map(itemView), more: Math.max(0, items.length - limits.stackItems) };
    }),
    lora,
    rag: stack.rag ? RAG_STAGES.map(([key, title]) => ({ title, evidence: firstEvidence(stack.rag![key]) })) : null,
    evaluation: firstEvidence(stack.evaluation),
    secrets: stack.secrets.map(evidenceView),
    tests: `${report.tests.count} test${report.tests.count === 1 ? '' : 's'} found statically`,
    skipped: target.skipped.slice(0, limits.skipped).map((s) => `${esc.code(s.path)}: ${s.reason}${s.detail ? `, ${esc.text(s.detail)}` : ''}`),
    skippedMore: Math.max(0, target.skipped.length - limits.skipped),
    notes: [...target.limitsReached.map((l) => esc.text(l)), ...report.errors.map((e) => `check ${esc.code(e.check)} failed: ${esc.text(e.message)}`)],
    nothingLeftOut: !target.skipped.length && !target.limitsReached.length && !report.errors.length,
  };
}

function claimView(claim: Claim, esc: Escaper, location: (e: Evidence) => string, files: number): ClaimView {
  const written = claim.source.origin === 'repository'
    ? location(claim.source)
    : esc.text(`${claim.source.origin === 'pull-request' ? 'pull request' : 'issue'} (${claim.source.path}), line ${claim.source.line}`);
  const found = claim.evidence.slice(0, 2).map(location).join(', ');
  // A supported claim shows where; any other shows why, with whatever code came closest.
  const support =
    claim.status === 'supported' ? found
    : claim.evidence.length ? `${found}: ${esc.message(claim.lookedFor)}`
    : `nothing found in the ${files} files analysed; looked for ${esc.message(claim.lookedFor)}`;
  return {
    status: claim.status,
    statusLabel: CLAIM_STATUS[claim.status],
    claim: esc.cell(`${esc.code(claim.subject)}: ${esc.text(clip(claim.text, MAX_CLAIM_CHARS))}`),
    written: esc.cell(written),
    support: esc.cell(support),
    implausible: claim.implausible === null ? null : esc.cell(esc.message(claim.implausible)),
  };
}

/** The claims to ask about, most pressing first, and the supported ones once per subject, within `limit` rows in all. */
function claimViews(claims: readonly Claim[], limit: number, view: (claim: Claim) => ClaimView): Pick<ReportView, 'claims' | 'supportedClaims' | 'supportedTitle' | 'claimsHidden'> {
  const toAsk = sortedClaims(claims.filter((claim) => claim.status !== 'supported' || claim.implausible !== null));
  const seen = new Set<string>();
  const supported = claims.filter((claim) => claim.status === 'supported' && claim.implausible === null && !seen.has(claim.subject) && seen.add(claim.subject));
  const shownToAsk = toAsk.slice(0, limit);
  const shownSupported = supported.slice(0, Math.max(0, limit - shownToAsk.length));
  return {
    claims: shownToAsk.map(view),
    supportedClaims: shownSupported.map(view),
    supportedTitle: `${supported.length} claim${supported.length === 1 ? '' : 's'} supported by the code`,
    claimsHidden: toAsk.length - shownToAsk.length + supported.length - shownSupported.length,
  };
}

/** Claims that most need a question first: implausible, then contradicted, then not verifiable, then supported; otherwise as written. */
function sortedClaims(claims: readonly Claim[]): Claim[] {
  const rank: Record<ClaimStatus, number> = { contradicted: 0, unverifiable: 1, supported: 2 };
  return claims
    .map((claim, index) => ({ claim, index }))
    .sort((a, b) => Number(b.claim.implausible !== null) - Number(a.claim.implausible !== null) || rank[a.claim.status] - rank[b.claim.status] || a.index - b.index)
    .map(({ claim }) => claim);
}

/**
 * The findings a view shows when it cannot show all: concerns, then strengths, then observations;
 * within a kind the most weighed areas first, then report order. Returned as indexes.
 */
function pickFindings(findings: readonly Finding[], scorecard: readonly AreaScore[], max: number): Set<number> {
  if (max >= findings.length) return new Set(findings.keys());
  const weight = new Map(scorecard.map((s) => [s.area, s.weight]));
  const ranked = [...findings.keys()].sort(
    (a, b) =>
      KIND_RANK[findings[a]!.kind] - KIND_RANK[findings[b]!.kind] ||
      (weight.get(findings[b]!.area) ?? 0) - (weight.get(findings[a]!.area) ?? 0) ||
      a - b,
  );
  return new Set(ranked.slice(0, Math.max(0, max)));
}

/** Strengths first, then concerns, then observations: the order the scorecard cell reads in. */
/**
 * Findings grouped by check, kind and message, in the order of each group's first: a large
 * repository repeats one pattern hundreds of times (the same model load in every script), and a
 * reader needs it once with its places, not a page per copy.
 */
function alikeGroups(findings: readonly Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) addTo(groups, `${finding.check}\u0000${finding.kind}\u0000${finding.message}`, finding);
  return [...groups.values()];
}

function sortedByKind(indexes: readonly number[], findings: readonly Finding[]): number[] {
  const rank: Record<FindingKind, number> = { strength: 0, concern: 1, info: 2 };
  return [...indexes].sort((a, b) => rank[findings[a]!.kind] - rank[findings[b]!.kind] || a - b);
}

/** Evidence without repeats of the same place (checks may cite one line for two reasons). */
function distinct(list: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const key = `${e.path}\0${e.cell ?? 0}\0${e.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function countsOf(findings: readonly Finding[]): string {
  const count = (kind: FindingKind) => findings.filter((f) => f.kind === kind).length;
  const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  return `${plural(count('strength'), 'strength')}, ${plural(count('concern'), 'concern')}, ${plural(count('info'), 'observation')}`;
}

function whereOf(e: Evidence): string {
  return e.cell ? `${e.path} cell ${e.cell}, line ${e.line}` : `${e.path}:${e.line}`;
}

function shortWhereOf(e: Evidence): string {
  const where = Array.from(whereOf(e));
  return where.length > MAX_SHORT_PATH ? `…${where.slice(where.length - MAX_SHORT_PATH + 1).join('')}` : where.join('');
}

function clip(text: string, max: number): string {
  const chars = Array.from(text.length > max * 2 ? text.slice(0, max * 2) : text);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

function clampWeight(weight: number): 0 | 1 | 2 | 3 {
  return Math.min(3, Math.max(0, Math.round(weight))) as 0 | 1 | 2 | 3;
}

function anchorOf(area: string): string {
  return `area-${area.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 60)}`;
}
