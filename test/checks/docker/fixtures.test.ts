import { describe, expect, it } from 'vitest';
import baseImageTag from '../../../checks/docker/base-image-tag.js';
import composeServices from '../../../checks/docker/compose-services.js';
import containerUser from '../../../checks/docker/container-user.js';
import dependencyLayerOrder from '../../../checks/docker/dependency-layer-order.js';
import dockerignore from '../../../checks/docker/dockerignore.js';
import exposedPort from '../../../checks/docker/exposed-port.js';
import healthcheck from '../../../checks/docker/healthcheck.js';
import kubernetesWorkloads from '../../../checks/docker/kubernetes-workloads.js';
import modelWeightsInImage from '../../../checks/docker/model-weights-in-image.js';
import multiStageBuild from '../../../checks/docker/multi-stage-build.js';
import packageCacheInLayers from '../../../checks/docker/package-cache-in-layers.js';
import secretInBuildEnv from '../../../checks/docker/secret-in-build-env.js';
import startCommand from '../../../checks/docker/start-command.js';
import committedSecret from '../../../checks/security/committed-secret.js';
import { at, reviewFixture } from '../../helpers/review-fixture.js';

const DOCKER_CHECKS = [
  baseImageTag, composeServices, containerUser, dependencyLayerOrder, dockerignore, exposedPort, healthcheck,
  kubernetesWorkloads, modelWeightsInImage, multiStageBuild, packageCacheInLayers, secretInBuildEnv, startCommand,
];

/** The fake key committed in `docker-bad-image/Dockerfile`: obviously fake, but shaped like a real one. */
const FAKE_KEY = `sk-test-${'0'.repeat(40)}`;

async function findings(name: string) {
  const report = await reviewFixture(name, { checks: [...DOCKER_CHECKS, committedSecret] });
  expect(report.errors).toEqual([]);
  return { report, rows: report.findings.map((f) => `${f.kind} ${f.check}:${f.messageId} @ ${at(f.evidence[0])}`).sort() };
}

describe('docker fixtures', () => {
  it('a tidy multi-stage, non-root, pinned image reads as strengths only', async () => {
    const { rows } = await findings('docker-good-image');
    expect(rows).toEqual([
      'strength docker/base-image-tag:tagged @ Dockerfile:2',
      'strength docker/compose-services:persistentVolume @ docker-compose.yml:14',
      'strength docker/compose-services:waitsHealthy @ docker-compose.yml:9',
      'strength docker/container-user:nonRoot @ Dockerfile:13',
      'strength docker/dependency-layer-order:manifestFirst @ Dockerfile:4',
      'strength docker/dockerignore:present @ .dockerignore:1',
      'strength docker/healthcheck:inCompose @ docker-compose.yml:15',
      'strength docker/healthcheck:present @ Dockerfile:15',
      'strength docker/multi-stage-build:multiStage @ Dockerfile:7',
      'strength docker/package-cache-in-layers:clean @ Dockerfile:11',
      'strength docker/start-command:execForm @ Dockerfile:16',
    ]);
  });

  it('a root `latest` image with a key in ENV reads as concerns, and never shows the key', async () => {
    const { report, rows } = await findings('docker-bad-image');
    expect(rows).toEqual([
      'concern docker/base-image-tag:latest @ Dockerfile:1',
      'concern docker/container-user:noUser @ Dockerfile:1',
      'concern docker/dependency-layer-order:installAfterCopyAll @ Dockerfile:6',
      'concern docker/dockerignore:missing @ Dockerfile:5',
      'concern docker/exposed-port:mismatch @ Dockerfile:8',
      'concern docker/healthcheck:missing @ Dockerfile:9',
      'concern docker/package-cache-in-layers:aptCleanup @ Dockerfile:4',
      'concern docker/package-cache-in-layers:pipCache @ Dockerfile:6',
      'concern docker/start-command:shellForm @ Dockerfile:9',
      'concern security/committed-secret:committed @ Dockerfile:3',
      'info docker/model-weights-in-image:copied @ Dockerfile:7',
    ]);
    const secret = report.findings.find((f) => f.check === 'security/committed-secret')!;
    expect(secret.evidence[0].snippet).toMatch(/^ENV OPENAI_API_KEY=sk-t…\[redacted\]$/);
    for (const finding of report.findings) {
      const shown = [finding.message, finding.question ?? '', ...finding.evidence.map((e) => e.snippet)].join('\n');
      expect(shown).not.toContain(FAKE_KEY);
      expect(shown).not.toContain('0'.repeat(20));
    }
    expect(JSON.stringify(report)).not.toContain(FAKE_KEY);
  });

  it('names the data and weights the bad image would send to the build', async () => {
    const { report } = await findings('docker-bad-image');
    const missing = report.findings.find((f) => f.messageId === 'missing' && f.check === 'docker/dockerignore')!;
    expect(missing.message).toBe('`COPY . .` sends the whole folder to the build with no `.dockerignore`, including `data/`, `models/`');
  });
});
