import { describe, expect, it } from 'vitest';
import check from '../../../checks/docker/dependency-layer-order.js';
import { reportsOf, type CheckRow } from '../../helpers/check-tester.js';

describe('docker/dependency-layer-order', () => {
  it.each<CheckRow>([
    {
      name: 'pip install after COPY . .',
      files: { Dockerfile: 'FROM python:3.11-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n' },
      expected: [{ kind: 'concern', messageId: 'installAfterCopyAll', at: 'Dockerfile:4' }],
    },
    {
      name: 'requirements copied and installed first',
      files: { Dockerfile: 'FROM python:3.11-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n' },
      expected: [{ kind: 'strength', messageId: 'manifestFirst', at: 'Dockerfile:3' }],
    },
    {
      name: 'npm ci after copying package files',
      files: { 'web/Dockerfile': 'FROM node:20-alpine\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY src ./src\n' },
      expected: [{ kind: 'strength', messageId: 'manifestFirst', at: 'web/Dockerfile:2' }],
    },
    {
      name: 'deps installed first, then the project itself after COPY . .',
      files: { Dockerfile: 'FROM python:3.11-slim\nCOPY pyproject.toml .\nRUN pip install .\nCOPY . .\nRUN pip install --no-deps -e .\n' },
      expected: [{ kind: 'strength', messageId: 'manifestFirst', at: 'Dockerfile:2' }],
    },
    {
      name: 'wheels built from requirements in a builder stage, code copied in the final stage',
      files: { Dockerfile: 'FROM python:3.11 AS build\nCOPY requirements.txt .\nRUN pip wheel -w /wheels -r requirements.txt\nFROM python:3.11-slim\nCOPY --from=build /wheels /wheels\nCOPY app/ /app/\n' },
      expected: [{ kind: 'strength', messageId: 'manifestFirst', at: 'Dockerfile:2' }],
    },
    { name: 'no install at all', files: { Dockerfile: 'FROM python:3.11-slim\nCOPY . .\nCMD ["python", "app.py"]\n' }, expected: [] },
    { name: 'prose in a README', files: { 'README.md': 'COPY . . then RUN pip install -r requirements.txt\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });
});
