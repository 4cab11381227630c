import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checks as registered } from '../../../checks/index.js';
import committedEnvFile from '../../../checks/security/committed-env-file.js';
import committedSecret from '../../../checks/security/committed-secret.js';
import { renderJson } from '../../../src/render/render-json.js';
import { renderMarkdown } from '../../../src/render/render-markdown.js';
import { REPO_ROOT } from '../../helpers/review-fixture.js';
import type { Report } from '../../../src/report/build-report.js';
import { reviewFiles } from '../../helpers/review-files.js';

const FIXTURE = join(REPO_ROOT, 'test/fixtures/committed-fake-key');

function readTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) Object.assign(files, readTree(path));
    else files[relative(FIXTURE, path)] = readFileSync(path, 'utf8');
  }
  return files;
}

/** Letters and digits, never stored: a fresh fake credential for each run. */
function fakeChars(length: number): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  return `Aa7${Array.from(randomBytes(length - 3), (b) => alphabet[b % alphabet.length]).join('')}`;
}

describe('a repository with a committed fake key (test/fixtures/committed-fake-key)', () => {
  const openaiKey = `sk-proj-${fakeChars(48)}`;
  const hfToken = `hf_${fakeChars(34)}`;
  const checks = [...registered, committedSecret, committedEnvFile].filter((c, i, all) => all.findIndex((o) => o.id === c.id) === i);
  let report: Report;
  let outputs: { json: string; markdown: string };
  let secretFindings: Report['findings'];

  beforeAll(async () => {
    report = await reviewFiles(
      {
        ...readTree(FIXTURE),
        'app/settings.py': `OPENAI_API_KEY = "${openaiKey}"\n`,
        '.env': `# local only\nOPENAI_API_KEY=${openaiKey}\nHF_TOKEN=${hfToken}\n`,
      },
      { checks },
    );
    outputs = { json: renderJson(report), markdown: renderMarkdown(report) };
    secretFindings = report.findings.filter((f) => f.check === 'security/committed-secret');
  });

  it('finds each committed credential, in the stack and as findings, with the same evidence', () => {
    expect(report.errors).toEqual([]);
    expect(report.stack.secrets.map((e) => `${e.path}:${e.line}`)).toEqual(['.env:2', '.env:3', 'app/settings.py:1']);
    expect(secretFindings.map((f) => f.evidence)).toEqual(report.stack.secrets.map((e) => [e]));
  });

  it('reports the committed .env with its credentials counted', () => {
    const env = report.findings.filter((f) => f.check === 'security/committed-env-file');
    expect(env.map((f) => ({ kind: f.kind, at: `${f.evidence[0].path}:${f.evidence[0].line}` }))).toEqual([{ kind: 'concern', at: '.env:2' }]);
    expect(env[0]!.message).toContain('2 variable(s) (OPENAI_API_KEY, HF_TOKEN), 2 of them look like credentials');
  });

  it.each(['json', 'markdown'] as const)('shows the keys only redacted in the %s report', (format) => {
    const text = outputs[format];
    for (const secret of [openaiKey, hfToken]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(secret.slice(4, 24)); // no recognisable part of the value either
    }
    expect(text).toContain('sk-p…[redacted]');
    expect(text).toContain('hf_A…[redacted]');
  });
});
