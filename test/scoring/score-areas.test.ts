import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import type { Finding, FindingKind } from '../../src/engine/types.js';
import type { Report } from '../../src/report/build-report.js';
import { scoreAreas } from '../../src/scoring/score-areas.js';
import { at, reviewFolder } from '../helpers/review-fixture.js';

const levels = (report: Pick<Report, 'scorecard'>) => Object.fromEntries(report.scorecard.map((s) => [s.area, `${s.level} (weight ${s.weight}): ${s.reason}`]));

function finding(area: string, kind: FindingKind, n: number): Finding {
  return { check: `${area}/c${n}`, area, kind, messageId: 'm', message: `${kind} ${n} in ${area}`, evidence: [{ path: `${area}.py`, line: n, snippet: 'x' }] };
}

describe('the scorecard', () => {
  it('levels each area of the example for the ML engineer role, citing the findings behind each level', async () => {
    const report = await reviewFolder('examples/rag-takehome');
    expect(levels(report)).toMatchObject({
      rag: 'strong (weight 3): 3 strengths, 0 concerns, 6 observations',
      evaluation: 'solid (weight 3): 1 strength, 0 concerns, 1 observation',
      'fine-tuning': 'not-found (weight 3): no evidence found',
      security: 'not-found (weight 1): nothing flagged',
    });
    // Every index points at a finding of that area, so each level can be traced to its evidence.
    for (const score of report.scorecard) for (const i of score.findings) expect(report.findings[i]!.area).toBe(score.area);
    const evaluation = report.scorecard.find((s) => s.area === 'evaluation')!;
    expect(evaluation.findings.map((i) => at(report.findings[i]!.evidence[0]))).toContain('rag_service/evaluate.py:75');
    // Core areas of the role first; nothing ranks the candidate as a whole.
    expect(report.scorecard.slice(0, 4).map((s) => s.weight)).toEqual([3, 3, 3, 3]);
    expect(JSON.stringify(report.scorecard)).not.toMatch(/overall|total|hire/i);
  });

  it('weighs the same findings differently per role, and a team can re-weigh areas', async () => {
    const mlops = await reviewFolder('examples/rag-takehome', { config: loadConfig('role: mlops-engineer', 'cfg') });
    expect(mlops.scorecard.slice(0, 2).map((s) => `${s.area} ${s.weight}`)).toEqual(['serving 3', 'docker 3']);
    expect(mlops.scorecard.find((s) => s.area === 'rag')!.weight).toBe(1);

    const custom = await reviewFolder('examples/rag-takehome', { config: loadConfig('weights:\n  rag: 0\n  git-history: 3\n', 'cfg') });
    expect(custom.scorecard.filter((s) => s.weight === 3).map((s) => s.area)).toContain('git-history');
    expect(custom.scorecard.find((s) => s.area === 'rag')!.weight).toBe(0); // still listed: it has findings
  });

  it('reads a pipeline with Prefect and DVC but no RAG as a strong MLOps profile, not as "RAG not found"', async () => {
    const report = await reviewFolder('test/fixtures/prefect-reindex', { config: loadConfig('role: mlops-engineer', 'cfg') });
    const byArea = Object.fromEntries(report.scorecard.map((s) => [s.area, s]));
    expect(byArea.ops).toMatchObject({ weight: 3, level: 'strong' });
    expect(byArea.data).toMatchObject({ weight: 2, level: 'strong' });
    expect(byArea.rag?.weight ?? 0).toBeLessThanOrEqual(1);
    expect(report.summary.strengths.map((p) => p.text.split(' ')[0])).toEqual(expect.arrayContaining(['ops', 'data']));
    // The same code for an ML engineer: ops and data are minor there.
    const ml = await reviewFolder('test/fixtures/prefect-reindex');
    expect(ml.scorecard.find((s) => s.area === 'ops')!.weight).toBe(1);
  });

  it('switches checks off by id, and names an unknown check id in the config error', async () => {
    const report = await reviewFolder('examples/rag-takehome', { config: loadConfig('checks:\n  docker/base-image-tag: off\n', 'cfg') });
    expect(report.findings.some((f) => f.check === 'docker/base-image-tag')).toBe(false);
    expect(report.findings.some((f) => f.area === 'docker')).toBe(true);
    expect(() => loadConfig('checks:\n  rag/chunkin-without-overlap: off\n', '.github/candidate-review.yml')).toThrow(
      /^\.github\/candidate-review\.yml: checks\.rag\/chunkin-without-overlap: /,
    );
    expect(() => loadConfig('weights:\n  rag: 7\n', 'cfg')).toThrow(/^cfg: weights\.rag: /);
  });

  it.each([
    [[], 'not-found'],
    [['strength', 'strength', 'strength', 'concern'], 'strong'],
    [['strength', 'strength', 'strength', 'concern', 'concern'], 'solid'],
    [['strength', 'concern'], 'solid'],
    [['strength', 'concern', 'concern'], 'thin'],
    [['info', 'info'], 'thin'],
  ] as [FindingKind[], string][])('%j → %s', (kinds, level) => {
    const findings = kinds.map((kind, n) => finding('rag', kind, n + 1));
    const { scorecard } = scoreAreas({ findings, weights: { rag: 3 }, areas: ['rag'], flagOnly: [] });
    expect(scorecard[0]!.level).toBe(level);
  });

  it('summarises strengths and concerns of the weighed areas, each pointing at its findings', () => {
    const findings = [finding('rag', 'strength', 1), finding('rag', 'concern', 2), finding('docker', 'concern', 3), finding('tests', 'strength', 4)];
    const { summary, scorecard } = scoreAreas({ findings, weights: { rag: 3, tests: 2 }, areas: ['rag', 'tests', 'docker'], flagOnly: [] });
    expect(summary.strengths).toEqual([
      { text: 'rag (solid): strength 1 in rag', findings: [0] },
      { text: 'tests (solid): strength 4 in tests', findings: [3] },
    ]);
    // docker is not weighed by this role: listed because it has a finding, left out of the summary.
    expect(summary.concerns).toEqual([{ text: 'rag (solid): concern 2 in rag', findings: [1] }]);
    expect(scorecard.map((s) => s.area)).toEqual(['rag', 'tests', 'docker']);
  });
});
