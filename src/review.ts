import { checks as allChecks } from '../checks/index.js';
import { reviewClaims } from './claims/review-claims.js';
import type { ClaimDocument } from './claims/types.js';
import { AREAS, DEFAULT_CONFIG, type Config } from './config/config-schema.js';
import type { Check } from './engine/types.js';
import { buildCheckContext } from './engine/check-context.js';
import { runChecks } from './engine/run-checks.js';
import { buildFacts, type BuildFactsOptions, type FactsResult } from './facts/build-facts.js';
import { buildReport, type Report } from './report/build-report.js';
import { claimQuestions, MAX_QUESTIONS, selectQuestions } from './report/select-questions.js';
import { evaluateRubric } from './scoring/evaluate-rubric.js';
import { FLAG_ONLY_AREAS, ROLE_WEIGHTS } from './scoring/role-weights.js';
import { scoreAreas } from './scoring/score-areas.js';
import type { Source } from './source/parse-source.js';
import { detectStack } from './stack/detect-stack.js';
import { DEFAULT_LIMITS, type Limits } from './types.js';
import { loadWorkspace, type LoadOptions } from './workspace/load-workspace.js';

export interface ReviewOptions {
  config?: Config;
  limits?: Limits;
  base?: string;
  checks?: readonly Check[];
  transport?: LoadOptions['transport'];
  /** A token scoped to the one repository, for a private clone (the app's installation token); never in a URL or log. */
  cloneAuth?: LoadOptions['cloneAuth'];
  /** Review this commit instead of HEAD (a pull request's head), fetching what it names. */
  head?: LoadOptions['head'];
  /** The candidate's prose from outside the repository (a pull request description, an issue body), read for claims. */
  claimDocuments?: readonly ClaimDocument[];
  /** Stops the clone (a newer head superseded this review); the review then fails with one line. */
  signal?: AbortSignal;
  /** Progress lines (stderr in the CLI, the logger in the app). */
  progress?: (line: string) => void;
  /** The process's facts cache and worker pool (see open-facts-services.ts); without them every file is parsed here. */
  facts?: Pick<BuildFactsOptions, 'cache' | 'pool'>;
}

/** source → workspace → facts → stack → checks → scoring → report. The temporary clone never outlives it. */
export async function review(source: Source, options: ReviewOptions = {}): Promise<Report> {
  const config = options.config ?? DEFAULT_CONFIG;
  const timings: Record<string, number> = {};
  const timed = async <T>(stage: string, run: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    options.progress?.(`${stage}…`);
    try {
      return await run();
    } finally {
      timings[stage] = Math.round(performance.now() - start);
    }
  };
  const limits = options.limits ?? DEFAULT_LIMITS;
  const deadline = performance.now() + limits.reviewTimeoutMs;
  const { workspace, cleanup } = await timed('workspace', () =>
    loadWorkspace(source, { limits, base: options.base, transport: options.transport, cloneAuth: options.cloneAuth, head: options.head, signal: options.signal }),
  );
  try {
    const { facts, skipped, limitsReached, sources } = await timed('facts', () =>
      buildFacts(workspace, { limits, deadline, ...options.facts, ...(options.progress && { progress: options.progress }) }),
    );
    if (sources.fromCache > 0 || sources.threads > 1) options.progress?.(describeSources(sources));
    const { stack, tests } = await timed('stack', () => detectStack(facts));
    const context = buildCheckContext({ workspace, facts, stack, tests, parseSkipped: skipped, config });
    const enabled = (options.checks ?? allChecks).filter((check) => config.checks[check.id] !== 'off');
    const { findings, errors } = await timed('checks', () => runChecks(enabled, context, { ...(options.progress && { progress: options.progress }) }));
    const rubric = await timed('scoring', () => ({ role: config.role, items: evaluateRubric(config.rubric, { facts, stack, findings }) }));
    const claims = await timed('claims', () => reviewClaims(facts, stack, options.claimDocuments ?? []));
    const report = buildReport({ workspace: { ...workspace, limitsReached: [...workspace.limitsReached, ...limitsReached] }, facts, parseSkipped: skipped, stack, tests, findings, errors, rubric, claims, questions: [...claimQuestions(claims), ...selectQuestions(findings)].slice(0, MAX_QUESTIONS), timings });
    return { ...report, ...scoreAreas({ findings: report.findings, weights: { ...ROLE_WEIGHTS[config.role], ...config.weights }, areas: AREAS, flagOnly: FLAG_ONLY_AREAS }) };
  } finally {
    await cleanup();
  }
}

/** `830 source files: 812 from the facts cache, 18 parsed on 2 threads`: whether the cache and threads did their part. */
function describeSources({ files, fromCache, threads }: FactsResult['sources']): string {
  const parsed = files - fromCache;
  return `${files} source files: ${fromCache} from the facts cache, ${parsed} parsed${threads > 1 ? ` on ${threads} threads` : ''}`;
}
