import { describe, expect, it } from 'vitest';
import check from '../../../checks/docker/container-user.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

describe('docker/container-user', () => {
  it.each<CheckRow>([
    { name: 'no USER at all', files: { Dockerfile: 'FROM python:3.11-slim\nCOPY . .\nCMD ["python", "app.py"]\n' }, expected: [{ kind: 'concern', messageId: 'noUser', at: 'Dockerfile:1' }] },
    { name: 'an explicit USER root', files: { Dockerfile: 'FROM python:3.11-slim\nUSER app\nRUN ls\nUSER root\n' }, expected: [{ kind: 'concern', messageId: 'rootUser', at: 'Dockerfile:4' }] },
    { name: 'a non-root user', files: { Dockerfile: 'FROM python:3.11-slim\nRUN useradd -m app\nUSER app\nCMD ["python", "app.py"]\n' }, expected: [{ kind: 'strength', messageId: 'nonRoot', at: 'Dockerfile:3' }] },
    {
      name: 'a USER in the builder stage only does not carry to the final image',
      files: { Dockerfile: 'FROM python:3.11 AS build\nUSER app\nFROM python:3.11-slim\nCOPY --from=build /w /w\n' },
      expected: [{ kind: 'concern', messageId: 'noUser', at: 'Dockerfile:3' }],
    },
    {
      name: 'a USER inherited from the parent stage',
      files: { Dockerfile: 'FROM python:3.11-slim AS base\nUSER 1000:1000\nFROM base\nCMD ["python"]\n' },
      expected: [{ kind: 'strength', messageId: 'nonRoot', at: 'Dockerfile:2' }],
    },
    { name: 'a distroless nonroot image', files: { Dockerfile: 'FROM gcr.io/distroless/python3:nonroot\nCOPY app /app\n' }, expected: [] },
    { name: 'no Dockerfile', files: { 'app.py': 'print("hi")\n', 'README.md': 'Run as USER root.\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('names the Dockerfile in the question', async () => {
    const [finding] = await findingsOf(check, { 'api/Dockerfile': 'FROM python:3.11-slim\n' });
    expect(finding!.question).toMatch(/^`api\/Dockerfile` runs its process as root/);
  });
});
