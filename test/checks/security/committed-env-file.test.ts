import { describe, expect, it } from 'vitest';
import committedEnvFile from '../../../checks/security/committed-env-file.js';
import { reviewFiles } from '../../helpers/review-files.js';

/** The findings with their evidence snippet, which must never hold a value. */
async function run(files: Record<string, string>) {
  const report = await reviewFiles(files, { checks: [committedEnvFile] });
  return report.findings.map((f) => ({ kind: f.kind, messageId: f.messageId, at: `${f.evidence[0].path}:${f.evidence[0].line}`, snippet: f.evidence[0].snippet, message: f.message }));
}

const PASSWORD = 'hunter2-Very-Private-9';

describe('security/committed-env-file', () => {
  it.each<{ name: string; files: Record<string, string>; at: string }>([
    { name: 'a .env at the root', files: { '.env': `# local settings\nDATABASE_URL=postgres://app:${PASSWORD}@db/app\nDEBUG=1\n` }, at: '.env:2' },
    { name: 'a .env.local in a service folder', files: { 'api/.env.local': `OLLAMA_HOST=http://localhost:11434\n` }, at: 'api/.env.local:1' },
    { name: 'a prod.env', files: { 'deploy/prod.env': `LOG_LEVEL=info\n` }, at: 'deploy/prod.env:1' },
  ])('reports $name', async ({ files, at }) => {
    expect(await run(files)).toEqual([expect.objectContaining({ kind: 'concern', messageId: 'committed', at })]);
  });

  it('names the variables, never their values', async () => {
    const [finding] = await run({ '.env': `DATABASE_URL=postgres://app:${PASSWORD}@db/app\nDEBUG=1\n` });
    expect(finding!.message).toBe('`.env` is committed with 2 variable(s) (DATABASE_URL, DEBUG); a `.env` usually holds local secrets and belongs in `.gitignore`, with a `.env.example` committed instead');
    expect(finding!.snippet).toBe('DATABASE_URL=post…[redacted]');
    expect(JSON.stringify(finding)).not.toContain(PASSWORD);
  });

  it('counts the credentials the secret scanner found in it', async () => {
    const key = `sk-proj-${'Zq8wX2cV4bN6mL1kJ3hG5fD7'.repeat(2)}`;
    const [finding] = await run({ '.env': `OPENAI_API_KEY=${key}\n` });
    expect(finding!.message).toContain('(OPENAI_API_KEY), 1 of them look like credentials;');
    expect(JSON.stringify(finding)).not.toContain(key.slice(8));
  });

  it.each<{ name: string; files: Record<string, string> }>([
    { name: 'templates', files: { '.env.example': 'OPENAI_API_KEY=\n', '.env.sample': 'A=1\n', 'env.template': 'A=1\n', 'example.env': 'A=1\n' } },
    { name: 'code that reads the environment and README prose', files: { 'app.py': 'import os\nfrom dotenv import load_dotenv\nload_dotenv(".env")\nKEY = os.environ["OPENAI_API_KEY"]\n', 'README.md': 'Copy `.env.example` to `.env`.\n' } },
  ])('stays quiet about $name', async ({ files }) => {
    expect(await run(files)).toEqual([]);
  });

  it('stays quiet when .gitignore keeps the .env out of a folder review', async () => {
    expect(await run({ '.gitignore': '.env\n', '.env': 'A=1\n' })).toEqual([]);
  });
});
