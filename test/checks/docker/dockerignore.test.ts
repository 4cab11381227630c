import { describe, expect, it } from 'vitest';
import check from '../../../checks/docker/dockerignore.js';
import { findingsOf, reportsOf } from '../../helpers/check-tester.js';

const COPY_ALL = 'FROM python:3.11-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "app.py"]\n';

describe('docker/dockerignore', () => {
  it.each<{ name: string; files: Record<string, string | Buffer>; expected: { kind: string; messageId: string; at: string }[] }>([
    {
      name: 'COPY . . with committed weights and no .dockerignore',
      files: { Dockerfile: COPY_ALL, 'app.py': 'print(1)\n', 'models/adapter/adapter_model.safetensors': Buffer.from([0, 1, 2, 3]) },
      expected: [{ kind: 'concern', messageId: 'missing', at: 'Dockerfile:3' }],
    },
    {
      name: 'COPY . . with a data folder and a .env',
      files: { Dockerfile: COPY_ALL, 'data/train.jsonl': '{"q": 1}\n', '.env': 'DEBUG=1\n' },
      expected: [{ kind: 'concern', messageId: 'missing', at: 'Dockerfile:3' }],
    },
    {
      name: 'a .dockerignore next to the Dockerfile',
      files: { Dockerfile: COPY_ALL, '.dockerignore': '# keep the context small\n\ndata/\nmodels/\n.env\n', 'data/train.jsonl': '{}\n' },
      expected: [{ kind: 'strength', messageId: 'present', at: '.dockerignore:3' }],
    },
    {
      name: 'a .dockerignore used by a Dockerfile that copies named folders',
      files: { 'Dockerfile': 'FROM python:3.11-slim\nCOPY app/ /app/\n', '.dockerignore': '.git\n' },
      expected: [{ kind: 'strength', messageId: 'present', at: '.dockerignore:1' }],
    },
    { name: 'a .dockerignore without a Dockerfile', files: { '.dockerignore': '.git\n', 'app.py': 'print(1)\n' }, expected: [] },
    { name: 'only code in the context', files: { Dockerfile: COPY_ALL, 'app.py': 'print(1)\n', 'requirements.txt': 'fastapi\n' }, expected: [] },
    {
      name: 'only named files are copied',
      files: { Dockerfile: 'FROM python:3.11-slim\nCOPY app.py requirements.txt /app/\n', 'data/train.csv': 'a,b\n' },
      expected: [],
    },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files as Record<string, string>)).toEqual(expected);
  });

  it('names what would be sent to the build', async () => {
    const [finding] = await findingsOf(check, { Dockerfile: COPY_ALL, 'models/m.safetensors': 'x', 'models/config.json': '{}', '.env': 'A=1\n' });
    expect(finding!.message).toBe('`COPY . .` sends the whole folder to the build with no `.dockerignore`, including `.env`, `models/`');
  });
});
