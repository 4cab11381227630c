import { describe, expect, it } from 'vitest';
import check from '../../../checks/docker/secret-in-build-env.js';
import { reviewFiles } from '../../helpers/review-files.js';
import { reportsOf, type CheckRow } from '../../helpers/check-tester.js';

describe('docker/secret-in-build-env', () => {
  it.each<CheckRow>([
    {
      name: 'a short password in ENV (too short for the secret scanner)',
      files: { Dockerfile: 'FROM postgres:16\nENV POSTGRES_PASSWORD=hunter2\n' },
      expected: [{ kind: 'concern', messageId: 'literal', at: 'Dockerfile:2' }],
    },
    {
      name: 'a token on a continuation line of a multi-variable ENV',
      files: { Dockerfile: 'FROM python:3.11-slim\nENV APP_ENV=prod \\\n    WANDB_API_KEY="w4ndb"\n' },
      expected: [{ kind: 'concern', messageId: 'literal', at: 'Dockerfile:3' }],
    },
    {
      name: 'a credential passed as a build argument and copied into ENV, reported once',
      files: { Dockerfile: 'FROM python:3.11-slim\nARG HF_TOKEN\nENV HF_TOKEN=${HF_TOKEN}\nRUN huggingface-cli download org/model\n' },
      expected: [{ kind: 'concern', messageId: 'buildArg', at: 'Dockerfile:2' }],
    },
    { name: 'placeholders and empty values', files: { Dockerfile: 'FROM python:3.11-slim\nENV OPENAI_API_KEY="" \\\n    HF_TOKEN=your-token-here\n' }, expected: [] },
    { name: 'settings that are not credentials', files: { Dockerfile: 'FROM python:3.11-slim\nENV MAX_TOKENS=512 TOKENIZERS_PARALLELISM=false\nARG PYTHON_VERSION=3.11\n' }, expected: [] },
    { name: 'an ENV line quoted in a README', files: { 'README.md': 'ENV POSTGRES_PASSWORD=hunter2\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('never shows the value, and leaves provider keys to security/committed-secret', async () => {
    const key = `sk-proj-${'Qx7Lm2Vb9Tz4'.repeat(4)}`;
    const report = await reviewFiles({ Dockerfile: `FROM python:3.11-slim\nENV OPENAI_API_KEY=${key}\nENV POSTGRES_PASSWORD=s3cr3t-pass\n` }, { checks: [check] });
    expect(report.findings.map((f) => `${f.messageId} ${f.evidence[0].line}`)).toEqual(['literal 3']);
    expect(report.findings[0]!.evidence[0].snippet).toBe('ENV POSTGRES_PASSWORD=s3…[redacted]');
    expect(JSON.stringify(report)).not.toContain('s3cr3t-pass');
    expect(JSON.stringify(report)).not.toContain(key.slice(8));
  });
});
