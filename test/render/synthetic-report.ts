import type { Claim } from '../../src/claims/types.js';
import type { Finding, FindingKind } from '../../src/engine/types.js';
import { SCHEMA_VERSION, type Report } from '../../src/report/build-report.js';
import type { AreaScore } from '../../src/scoring/scorecard-types.js';
import type { Stack } from '../../src/stack/types.js';

const EMPTY_STACK: Stack = {
  libraries: [], fineTuning: [], vectorStores: [], models: [], apiFrameworks: [], testFrameworks: [],
  containers: [], ci: [], lora: null, rag: null, evaluation: [], secrets: [],
  orchestration: [], servingEngines: [], observability: [], dataVersioning: [], guardrails: [], quantization: [],
};

/** A finding the way a check reports one, at `path:line`. */
export function finding(area: string, kind: FindingKind, message: string, path: string, line: number, snippet: string): Finding {
  return { check: `${area}/synthetic`, area, kind, messageId: 'synthetic', message, evidence: [{ path, line, snippet }] };
}

/**
 * A report built by hand, for renderer tests that need shapes no fixture has (thousands of findings,
 * hostile names). The scorecard lists each area with the indexes of its findings.
 */
export function syntheticReport(parts: { findings?: Finding[]; claims?: Claim[]; source?: string; stack?: Partial<Stack> } = {}): Report {
  const findings = parts.findings ?? [];
  const areas = [...new Set(findings.map((f) => f.area))];
  const scorecard: AreaScore[] = areas.map((area) => {
    const indexes = findings.flatMap((f, i) => (f.area === area ? [i] : []));
    const strengths = indexes.filter((i) => findings[i]!.kind === 'strength').length;
    const concerns = indexes.filter((i) => findings[i]!.kind === 'concern').length;
    return { area, weight: 2, level: strengths > concerns ? 'solid' : 'thin', strengths, concerns, findings: indexes, reason: `${strengths} strengths, ${concerns} concerns` };
  });
  return {
    schemaVersion: SCHEMA_VERSION,
    target: {
      source: parts.source ?? 'https://github.com/acme/takehome',
      commit: '0123456789abcdef0123456789abcdef01234567',
      base: null,
      files: 12,
      unchanged: 0,
      skipped: [],
      languages: { python: 1000, notebook: 0, typescript: 0 },
      limitsReached: [],
      timings: {},
    },
    stack: { ...EMPTY_STACK, ...parts.stack },
    tests: { count: 0 },
    findings,
    rubric: { role: 'ml-engineer', items: [] },
    scorecard,
    summary: { strengths: [], concerns: [] },
    claims: parts.claims ?? [],
    questions: [],
    errors: [],
  };
}
