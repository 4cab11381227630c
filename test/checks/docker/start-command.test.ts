import { describe, expect, it } from 'vitest';
import check from '../../../checks/docker/start-command.js';
import { reportsOf, type CheckRow } from '../../helpers/check-tester.js';

describe('docker/start-command', () => {
  it.each<CheckRow>([
    { name: 'shell-form CMD', files: { Dockerfile: 'FROM python:3.11-slim\nCMD uvicorn app:app --host 0.0.0.0\n' }, expected: [{ kind: 'concern', messageId: 'shellForm', at: 'Dockerfile:2' }] },
    { name: 'exec-form CMD', files: { Dockerfile: 'FROM python:3.11-slim\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0"]\n' }, expected: [{ kind: 'strength', messageId: 'execForm', at: 'Dockerfile:2' }] },
    { name: 'sh -c wrapped in exec form', files: { Dockerfile: 'FROM python:3.11-slim\nCMD ["sh", "-c", "uvicorn app:app --port $PORT"]\n' }, expected: [{ kind: 'concern', messageId: 'shellForm', at: 'Dockerfile:2' }] },
    { name: 'shell form that execs the server', files: { Dockerfile: 'FROM python:3.11-slim\nCMD python migrate.py && exec uvicorn app:app\n' }, expected: [] },
    {
      name: 'the ENTRYPOINT starts the process, CMD only gives arguments',
      files: { Dockerfile: 'FROM python:3.11-slim\nENTRYPOINT ["python", "serve.py"]\nCMD --port 8000\n' },
      expected: [{ kind: 'strength', messageId: 'execForm', at: 'Dockerfile:2' }],
    },
    { name: 'only the final stage counts', files: { Dockerfile: 'FROM python:3.11 AS test\nCMD pytest\nFROM python:3.11-slim\nCMD ["python", "app.py"]\n' }, expected: [{ kind: 'strength', messageId: 'execForm', at: 'Dockerfile:4' }] },
    { name: 'no start command', files: { Dockerfile: 'FROM python:3.11-slim\nRUN pip install x\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });
});
