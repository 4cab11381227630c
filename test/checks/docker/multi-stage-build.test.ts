import { describe, expect, it } from 'vitest';
import check from '../../../checks/docker/multi-stage-build.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const MULTI = 'FROM python:3.11 AS builder\nRUN pip wheel -w /wheels -r requirements.txt\nFROM python:3.11-slim\nCOPY --from=builder /wheels /wheels\nRUN pip install --no-cache-dir /wheels/*\n';

describe('docker/multi-stage-build', () => {
  it.each<CheckRow>([
    { name: 'a builder stage feeding a slim runtime', files: { Dockerfile: MULTI }, expected: [{ kind: 'strength', messageId: 'multiStage', at: 'Dockerfile:3' }] },
    { name: 'a single stage', files: { Dockerfile: 'FROM python:3.11-slim\nCOPY . .\n' }, expected: [] },
    { name: 'two stages where the final one copies nothing from the first', files: { Dockerfile: 'FROM python:3.11 AS test\nRUN pytest\nFROM python:3.11-slim\nCOPY . .\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('names what the final image takes from the builder', async () => {
    const [finding] = await findingsOf(check, { Dockerfile: MULTI });
    expect(finding!.message).toBe('Multi-stage build: the final image copies only what it needs from `builder` (`COPY --from=builder /wheels /wheels`)');
  });
});
