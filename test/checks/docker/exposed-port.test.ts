import { describe, expect, it } from 'vitest';
import check from '../../../checks/docker/exposed-port.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

describe('docker/exposed-port', () => {
  it.each<CheckRow>([
    { name: 'EXPOSE 80 with uvicorn --port 8000', files: { Dockerfile: 'FROM python:3.11-slim\nEXPOSE 80\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]\n' }, expected: [{ kind: 'concern', messageId: 'mismatch', at: 'Dockerfile:2' }] },
    { name: 'gunicorn --bind on another port', files: { Dockerfile: 'FROM python:3.11-slim\nEXPOSE 8000\nCMD gunicorn -b 0.0.0.0:5000 app:app\n' }, expected: [{ kind: 'concern', messageId: 'mismatch', at: 'Dockerfile:2' }] },
    { name: "streamlit's default port", files: { Dockerfile: 'FROM python:3.11-slim\nEXPOSE 8080\nCMD ["streamlit", "run", "ui.py"]\n' }, expected: [{ kind: 'concern', messageId: 'mismatch', at: 'Dockerfile:2' }] },
    {
      name: 'app.run(port=…) in code behind python app.py',
      files: { Dockerfile: 'FROM python:3.11-slim\nEXPOSE 8000\nCMD ["python", "app.py"]\n', 'app.py': 'from flask import Flask\napp = Flask(__name__)\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", port=5000)\n' },
      expected: [{ kind: 'concern', messageId: 'mismatch', at: 'Dockerfile:2' }],
    },
    { name: 'matching ports', files: { Dockerfile: 'FROM python:3.11-slim\nEXPOSE 8000/tcp\nCMD ["uvicorn", "app:app", "--port=8000"]\n' }, expected: [] },
    { name: 'a port from the environment', files: { Dockerfile: 'FROM python:3.11-slim\nEXPOSE 8000\nCMD uvicorn app:app --port $PORT\n' }, expected: [] },
    { name: 'gunicorn with a config file', files: { Dockerfile: 'FROM python:3.11-slim\nEXPOSE 8080\nCMD ["gunicorn", "-c", "gunicorn.conf.py", "app:app"]\n' }, expected: [] },
    { name: 'no EXPOSE', files: { Dockerfile: 'FROM python:3.11-slim\nCMD ["uvicorn", "app:app", "--port", "9000"]\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('says where the app port comes from', async () => {
    const [finding] = await findingsOf(check, { Dockerfile: 'FROM python:3.11-slim\nEXPOSE 80\nCMD ["uvicorn", "app:app", "--port", "8000"]\n' });
    expect(finding!.message).toBe('`EXPOSE 80` but the app listens on 8000 (`--port 8000`)');
  });
});
