import { describe, expect, it } from 'vitest';
import { itemsAt } from '../helpers/review-fixture.js';
import { reviewFiles } from '../helpers/review-files.js';

describe('containers and CI', () => {
  it.each<{ name: string; files: Record<string, string>; containers: Record<string, string>; ci?: Record<string, string> }>([
    {
      name: 'a Helm chart with templated manifests and a plain Kubernetes manifest',
      files: {
        'chart/Chart.yaml': 'apiVersion: v2\nname: rag\nversion: 0.1.0\n',
        'chart/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n',
        'k8s/service.yaml': '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: api\n',
      },
      containers: { helm: 'chart/Chart.yaml:1', kubernetes: 'k8s/service.yaml:3' },
    },
    {
      name: 'compose and a Containerfile',
      files: { 'deploy/compose.yaml': '# dev stack\nservices:\n  api:\n    build: .\n', Containerfile: '# build\nFROM python:3.12-slim AS base\n' },
      containers: { dockerfile: 'Containerfile:2', 'docker-compose': 'deploy/compose.yaml:2' },
    },
    {
      name: 'CI pipelines',
      files: { '.github/workflows/test.yml': '# tests\nname: test\non: push\n', '.gitlab-ci.yml': 'test:\n  script: pytest\n' },
      containers: {},
      ci: { 'github-actions': '.github/workflows/test.yml:2', 'gitlab-ci': '.gitlab-ci.yml:1' },
    },
  ])('$name', async ({ files, containers, ci }) => {
    const report = await reviewFiles(files);
    expect(itemsAt(report.stack.containers)).toEqual(containers);
    if (ci) expect(itemsAt(report.stack.ci)).toEqual(ci);
    expect(report.target.skipped).toEqual([]);
  });
});
