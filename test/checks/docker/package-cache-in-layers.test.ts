import { describe, expect, it } from 'vitest';
import check from '../../../checks/docker/package-cache-in-layers.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

describe('docker/package-cache-in-layers', () => {
  it.each<CheckRow>([
    { name: 'pip install with its cache', files: { Dockerfile: 'FROM python:3.11-slim\nRUN pip install -r requirements.txt\n' }, expected: [{ kind: 'concern', messageId: 'pipCache', at: 'Dockerfile:2' }] },
    {
      name: 'apt-get install without cleanup',
      files: { Dockerfile: 'FROM python:3.11-slim\nRUN apt-get update && \\\n    apt-get install -y build-essential\n' },
      expected: [{ kind: 'concern', messageId: 'aptCleanup', at: 'Dockerfile:2' }],
    },
    {
      name: 'clean installs',
      files: { Dockerfile: 'FROM python:3.11-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir -r requirements.txt\n' },
      expected: [{ kind: 'strength', messageId: 'clean', at: 'Dockerfile:2' }],
    },
    { name: 'PIP_NO_CACHE_DIR set in ENV', files: { Dockerfile: 'FROM python:3.11-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install fastapi\n' }, expected: [{ kind: 'strength', messageId: 'clean', at: 'Dockerfile:3' }] },
    { name: 'a BuildKit cache mount', files: { Dockerfile: 'FROM python:3.11-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install fastapi\n' }, expected: [{ kind: 'strength', messageId: 'clean', at: 'Dockerfile:2' }] },
    {
      name: 'a cached install in a builder stage only',
      files: { Dockerfile: 'FROM python:3.11 AS build\nRUN pip install --prefix=/install fastapi\nFROM python:3.11-slim\nCOPY --from=build /install /usr/local\n' },
      expected: [],
    },
    { name: 'no installs', files: { Dockerfile: 'FROM python:3.11-slim\nCOPY . .\n', 'setup.sh': 'pip install -r requirements.txt\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('says which apt-get cleanup is missing', async () => {
    const [finding] = await findingsOf(check, { Dockerfile: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends git\n' });
    expect(finding!.message).toBe('`apt-get install` without `rm -rf /var/lib/apt/lists/*`, which leaves extra packages or the package lists in the image');
  });
});
