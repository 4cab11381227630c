import { describe, expect, it } from 'vitest';
import check from '../../../checks/ops/ci-delivery-steps.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const REINDEX = [
  'name: reindex',
  'on:',
  '  push:',
  '    branches: [main]',
  '    paths:',
  '      - "data/raw.dvc"',
  'jobs:',
  '  reindex:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - uses: actions/checkout@v4',
  '      - run: pip install -r requirements.txt',
  '      - run: dvc pull && dvc repro',
  '',
].join('\n');

const RELEASE = [
  'name: release',
  'on: { push: { tags: ["v*"] } }',
  'jobs:',
  '  image:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - uses: actions/checkout@v4',
  '      - uses: docker/build-push-action@v6',
  '        with: { push: true, tags: "ghcr.io/me/rag:latest" }',
  '      - run: helm upgrade --install rag ./chart --set image.tag=${{ github.sha }}',
  '',
].join('\n');

const TESTS_ONLY = 'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n';

describe('ops/ci-delivery-steps', () => {
  it.each<CheckRow>([
    {
      name: 'CI re-indexing when the versioned documents change',
      files: { '.github/workflows/reindex.yml': REINDEX },
      expected: [{ kind: 'strength', messageId: 'rerunsPipeline', at: '.github/workflows/reindex.yml:13' }],
    },
    {
      name: 'CI building, pushing and deploying the image',
      files: { '.github/workflows/release.yml': RELEASE, Dockerfile: 'FROM python:3.11-slim\n' },
      expected: [
        { kind: 'strength', messageId: 'buildsImage', at: '.github/workflows/release.yml:8' },
        { kind: 'strength', messageId: 'deploys', at: '.github/workflows/release.yml:10' },
      ],
    },
    {
      name: 'a GitLab pipeline with docker build',
      files: { '.gitlab-ci.yml': 'build:\n  stage: build\n  script:\n    - docker build -t $CI_REGISTRY_IMAGE .\n    - docker push $CI_REGISTRY_IMAGE\n' },
      expected: [{ kind: 'strength', messageId: 'buildsImage', at: '.gitlab-ci.yml:4' }],
    },
    {
      name: 'a Dockerfile whose image CI never builds',
      files: { '.github/workflows/ci.yml': TESTS_ONLY, Dockerfile: 'FROM python:3.11-slim\n' },
      expected: [{ kind: 'info', messageId: 'imageNotBuilt', at: '.github/workflows/ci.yml:3' }],
    },
    { name: 'CI that only runs the tests, no Dockerfile', files: { '.github/workflows/ci.yml': TESTS_ONLY }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('says what triggers the re-index and whether the image is pushed', async () => {
    const [reindex] = await findingsOf(check, { '.github/workflows/reindex.yml': REINDEX });
    expect(reindex!.message).toBe('CI re-runs the data pipeline when `data/raw.dvc` changes: `dvc pull && dvc repro`');
    const [build] = await findingsOf(check, { '.github/workflows/release.yml': RELEASE });
    expect(build!.message).toBe('CI builds the container image and pushes it to a registry: `docker/build-push-action@v6`');
  });
});
