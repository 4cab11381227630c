import { describe, expect, it } from 'vitest';
import check from '../../../checks/docker/healthcheck.js';
import { reportsOf, type CheckRow } from '../../helpers/check-tester.js';

describe('docker/healthcheck', () => {
  it.each<CheckRow>([
    { name: 'a served API without a health check', files: { Dockerfile: 'FROM python:3.11-slim\nEXPOSE 8000\nCMD ["uvicorn", "app:app"]\n' }, expected: [{ kind: 'concern', messageId: 'missing', at: 'Dockerfile:3' }] },
    {
      name: 'a HEALTHCHECK',
      files: { Dockerfile: 'FROM python:3.11-slim\nEXPOSE 8000\nHEALTHCHECK --interval=30s CMD curl -f http://localhost:8000/health || exit 1\nCMD ["uvicorn", "app:app"]\n' },
      expected: [{ kind: 'strength', messageId: 'present', at: 'Dockerfile:3' }],
    },
    {
      name: 'a health check on the compose service that builds the image',
      files: {
        Dockerfile: 'FROM python:3.11-slim\nEXPOSE 8000\nCMD ["uvicorn", "app:app"]\n',
        'docker-compose.yml': 'services:\n  api:\n    build: .\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8000/health"]\n',
      },
      expected: [{ kind: 'strength', messageId: 'inCompose', at: 'docker-compose.yml:4' }],
    },
    { name: 'HEALTHCHECK NONE', files: { Dockerfile: 'FROM python:3.11-slim\nHEALTHCHECK NONE\nCMD ["uvicorn", "app:app"]\n' }, expected: [] },
    { name: 'a batch job image', files: { Dockerfile: 'FROM python:3.11-slim\nCMD ["python", "train.py"]\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });
});
