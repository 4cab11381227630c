import { defineCheck } from '../../src/engine/define-check.js';
import { at } from '../../src/facts/queries/security.js';
import { redact } from '../../src/facts/secrets/redact.js';
import type { Evidence } from '../../src/types.js';

/** Templates that document variables without values: `.env.example`, `.env.sample`, `example.env`. */
const TEMPLATE = /(example|sample|template|dist|defaults?|tmpl|tpl)/i;

/** Whether a file name is a dotenv file holding real values: `.env`, `.env.local`, `prod.env`. */
function isEnvFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name !== '.env' && !name.startsWith('.env.') && !name.endsWith('.env')) return false;
  return !TEMPLATE.test(name);
}

export default defineCheck({
  id: 'security/committed-env-file',
  docs: 'Reports each committed dotenv file (`.env`, `.env.local`, not `.env.example`) with the names of the variables it sets, values redacted.',
  messages: {
    committed: '`{{path}}` is committed with {{count}} variable(s) ({{names}}){{secrets}}; a `.env` usually holds local secrets and belongs in `.gitignore`, with a `.env.example` committed instead',
  },
  questions: {
    committed: '`{{path}}` is in the repository — which of its values are secrets, and how would someone else run your project without them?',
  },
  *run({ facts }) {
    for (const file of facts.files) {
      if (!isEnvFile(file.path)) continue;
      const doc = facts.configs.find((c) => c.path === file.path && c.format === 'env');
      const leaves = doc?.leaves ?? [];
      const names = leaves.map((leaf) => String(leaf.key[0]));
      const secrets = new Set(facts.secrets.filter((hit) => hit.evidence.path === file.path).map((hit) => hit.evidence.line)).size;
      const first = leaves[0];
      // Every value of the line is redacted: a `.env` may hold credentials no pattern knows.
      const evidence: Evidence = first
        ? { path: file.path, line: first.evidence.line, snippet: `${String(first.key[0])}=${first.value === '' || first.value === null ? '' : redact(String(first.value))}` }
        : { path: file.path, line: 1, snippet: '' };
      yield {
        kind: 'concern',
        messageId: 'committed',
        evidence: [evidence],
        data: {
          path: file.path,
          count: names.length,
          names: names.length > 5 ? `${names.slice(0, 5).join(', ')}, …` : names.join(', ') || 'none',
          secrets: secrets ? `, ${secrets} of them look like credentials` : '',
          at: at(evidence),
        },
      };
    }
  },
});
