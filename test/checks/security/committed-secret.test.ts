import { describe, expect, it } from 'vitest';
import committedSecret from '../../../checks/security/committed-secret.js';
import { reviewFiles } from '../../helpers/review-files.js';

/** Findings of this check with the evidence snippet, which must be redacted. */
async function run(files: Record<string, string>) {
  const report = await reviewFiles(files, { checks: [committedSecret] });
  return report.findings.map((f) => ({ kind: f.kind, at: `${f.evidence[0].path}:${f.evidence[0].line}`, snippet: f.evidence[0].snippet, question: f.question }));
}

const KEY = `sk-proj-${'Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9'.repeat(2)}`;

describe('security/committed-secret', () => {
  it.each<{ name: string; files: Record<string, string>; at: string }>([
    { name: 'an OpenAI key in code', files: { 'app/llm.py': `import openai\n\nclient = openai.OpenAI(api_key="${KEY}")\n` }, at: 'app/llm.py:3' },
    { name: 'a key in a committed .env', files: { '.env': `DEBUG=1\nOPENAI_API_KEY=${KEY}\n` }, at: '.env:2' },
  ])('reports $name with the value redacted', async ({ files, at }) => {
    const findings = await run(files);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'concern', at });
    expect(findings[0]!.snippet).not.toContain(KEY.slice(8));
    expect(findings[0]!.question).toContain(`is committed at \`${at}\`. How do you keep credentials out of a repository`);
    expect(JSON.stringify(findings)).not.toContain(KEY.slice(8));
  });

  it('stays quiet about keys read from the environment and placeholders', async () => {
    expect(await run({ 'app.py': 'import os\nKEY = os.getenv("OPENAI_API_KEY")\n', '.env.example': 'OPENAI_API_KEY=your-key-here\n' })).toEqual([]);
  });
});

describe('security/committed-secret in notebooks', () => {
  it('points at the code cell and line, and ignores outputs', async () => {
    const nb = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {},
      cells: [
        { cell_type: 'markdown', source: ['# Demo'] },
        { cell_type: 'code', source: ['import os\n', `os.environ["OPENAI_API_KEY"] = "${KEY}"`], outputs: [] },
        { cell_type: 'code', source: ['print(1)'], outputs: [{ output_type: 'stream', text: [`leaked ${KEY.replace('proj', 'live')}`] }] },
      ],
    };
    const findings = await run({ 'demo.ipynb': JSON.stringify(nb, null, 1) });
    expect(findings).toEqual([expect.objectContaining({ kind: 'concern', at: 'demo.ipynb:2' })]);
    expect(findings[0]!.snippet).toMatch(/^os\.environ\["OPENAI_API_KEY"\] = "sk-p/);
    expect(findings[0]!.snippet).not.toContain(KEY.slice(8));
  });
});
