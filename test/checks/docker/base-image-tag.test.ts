import { describe, expect, it } from 'vitest';
import check from '../../../checks/docker/base-image-tag.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

describe('docker/base-image-tag', () => {
  it.each<CheckRow>([
    { name: 'a latest tag', files: { Dockerfile: 'FROM python:latest\nCOPY . .\n' }, expected: [{ kind: 'concern', messageId: 'latest', at: 'Dockerfile:1' }] },
    { name: 'no tag at all', files: { 'docker/Dockerfile.gpu': 'FROM nvidia/cuda\nRUN echo hi\n' }, expected: [{ kind: 'concern', messageId: 'untagged', at: 'docker/Dockerfile.gpu:1' }] },
    { name: 'a version tag', files: { Dockerfile: 'FROM python:3.11-slim\n' }, expected: [{ kind: 'strength', messageId: 'tagged', at: 'Dockerfile:1' }] },
    { name: 'a digest', files: { Dockerfile: `FROM python:3.11-slim@sha256:${'a'.repeat(64)}\n` }, expected: [{ kind: 'strength', messageId: 'digest', at: 'Dockerfile:1' }] },
    {
      name: 'a stage built on an earlier stage is not a base image',
      files: { Dockerfile: 'FROM python:3.11-slim AS base\nRUN pip install x\nFROM base AS final\nCMD ["python"]\n' },
      expected: [{ kind: 'strength', messageId: 'tagged', at: 'Dockerfile:1' }],
    },
    {
      name: 'a tag from a global ARG default',
      files: { Dockerfile: 'ARG PY=latest\nFROM python:${PY}\n' },
      expected: [{ kind: 'concern', messageId: 'latest', at: 'Dockerfile:2' }],
    },
    { name: 'scratch', files: { Dockerfile: 'FROM scratch\nCOPY app /app\n' }, expected: [] },
    { name: 'FROM in a README', files: { 'README.md': '```\nFROM python:latest\n```\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('lists every pinned base image in one strength', async () => {
    const [finding] = await findingsOf(check, { Dockerfile: 'FROM node:20-alpine AS web\nFROM python:3.11-slim\n' });
    expect(finding!.message).toBe('Base images pinned to version tags: `node:20-alpine`, `python:3.11-slim`');
  });
});
