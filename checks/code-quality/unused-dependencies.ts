import { defineCheck } from '../../src/engine/define-check.js';
import { importedDistributions, USED_WITHOUT_IMPORT } from '../../src/facts/queries/code-quality.js';
import { isTestPath } from '../../src/facts/query.js';
import type { Evidence } from '../../src/types.js';

const MAX_NAMED = 8;

export default defineCheck({
  id: 'code-quality/unused-dependencies',
  docs: 'Lists Python dependencies a manifest declares but no code imports (servers, plugins and tools used without an import are left out).',
  messages: {
    unused: '{{count}} declared dependencies are never imported: {{names}}',
  },
  questions: {
    unused: '`{{manifest}}` declares {{names}}, but no code imports them. How did this list come about, and which of these does the project actually need?',
  },
  *run({ facts }) {
    if (!facts.python.some((m) => !isTestPath(m.path))) return;
    const imported = importedDistributions(facts.python.flatMap((m) => m.imports.filter((i) => !i.module.startsWith('.')).map((i) => i.module)));
    const unused = facts.dependencies.filter(
      (d) => d.ecosystem === 'pypi' && d.group === 'main' && !USED_WITHOUT_IMPORT.has(d.name) && !d.name.startsWith('types-') && !imported.has(d.name),
    );
    const seen = new Set<string>();
    const distinct = unused.filter((d) => !seen.has(d.name) && seen.add(d.name));
    const [first] = distinct;
    if (!first) return;
    const evidence: [Evidence, ...Evidence[]] = [first.evidence, ...distinct.slice(1, MAX_NAMED).map((d) => d.evidence)];
    yield { kind: 'info', messageId: 'unused', evidence, data: { count: distinct.length, names: distinct.slice(0, MAX_NAMED).map((d) => `\`${d.name}\``), manifest: first.manifest } };
  },
});
