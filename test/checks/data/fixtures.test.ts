import { describe, expect, it } from 'vitest';
import { at, reviewFixture } from '../../helpers/review-fixture.js';
import { DATA_CHECKS } from '../ops/production-checks.js';

async function rows(name: string) {
  const report = await reviewFixture(name, { checks: DATA_CHECKS });
  expect(report.errors).toEqual([]);
  return report.findings.map((f) => `${f.kind} ${f.check}:${f.messageId} @ ${at(f.evidence[0])}`).sort();
}

describe('data fixtures', () => {
  it('a Prefect flow that re-indexes changed PDFs incrementally from DVC-versioned data', async () => {
    expect(await rows('prefect-reindex')).toEqual([
      'strength data/corpus-loaded-into-memory:batched @ flows/reindex.py:43',
      'strength data/dataset-versioning:dvcPipeline @ dvc.yaml:1',
      'strength data/dataset-versioning:dvcTracked @ data/raw.dvc:6',
      'strength data/deduplication-and-cleaning:changeDetection @ flows/reindex.py:25',
      'strength data/document-parsers:parsers @ flows/reindex.py:41',
      'strength data/reindex-strategy:deletesHandled @ flows/reindex.py:44',
      'strength data/reindex-strategy:incremental @ flows/reindex.py:49',
    ]);
  });

  it('services without a data pipeline get no data findings', async () => {
    expect(await rows('fastapi-redis-prometheus')).toEqual([]);
    expect(await rows('prompt-module-fewshot')).toEqual([]);
  });
});
