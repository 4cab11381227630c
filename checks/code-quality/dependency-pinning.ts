import { defineCheck } from '../../src/engine/define-check.js';
import type { Dependency } from '../../src/facts/types.js';
import type { Evidence } from '../../src/types.js';

const MAX_EVIDENCE = 5;
const PYPI_LOCKS = /(^|\/)(poetry\.lock|uv\.lock|Pipfile\.lock|pdm\.lock|conda-lock\.yml)$/;
const NPM_LOCKS = /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb)$/;

/** An exact pin: `==1.2.3`, `===1.2.3`, `1.2.3` (npm), or a URL/commit reference. */
function isPinned(dep: Dependency): boolean {
  const spec = dep.spec.trim();
  if (dep.ecosystem === 'pypi') return /^===?\s*[\w.+!-]+$/.test(spec) || spec.startsWith('@');
  return /^=?\d[\w.+-]*$/.test(spec) || /^(git|https?|file|workspace|link):/.test(spec);
}

function isUnconstrained(dep: Dependency): boolean {
  const spec = dep.spec.trim();
  return spec === '' || spec === '*' || spec === 'latest';
}

export default defineCheck({
  id: 'code-quality/dependency-pinning',
  docs: 'Reports how the declared dependencies are versioned: a lock file, exact pins, or names with no version at all.',
  messages: {
    lockFile: 'Dependencies are locked in `{{lock}}`',
    pinned: 'All {{count}} {{ecosystem}} dependencies pin exact versions (`{{example}}`)',
    unconstrained: '{{unpinned}} of {{count}} {{ecosystem}} dependencies have no version constraint and there is no lock file: {{names}}',
  },
  questions: {
    unconstrained: '`{{manifest}}` lists {{names}} without versions. If someone installs this in six months, what might break, and how would you make the environment reproducible?',
  },
  *run({ facts, skipped }) {
    for (const [ecosystem, locks] of [['pypi', PYPI_LOCKS], ['npm', NPM_LOCKS]] as const) {
      const deps = facts.dependencies.filter((d) => d.ecosystem === ecosystem && d.group !== 'dev');
      const lock = skipped.find((s) => locks.test(s.path)) ?? facts.files.find((f) => locks.test(f.path));
      const label = ecosystem === 'pypi' ? 'Python' : 'npm';
      if (lock) {
        const evidence: Evidence = { path: lock.path, line: 1, snippet: '(generated lock file)' };
        yield { kind: 'strength', messageId: 'lockFile', evidence: deps[0] ? [evidence, deps[0].evidence] : [evidence], data: { lock: lock.path } };
        continue;
      }
      const [first] = deps;
      if (!first) continue;
      if (deps.every(isPinned)) {
        yield { kind: 'strength', messageId: 'pinned', evidence: [first.evidence], data: { count: deps.length, ecosystem: label, example: first.evidence.snippet } };
        continue;
      }
      const loose = deps.filter(isUnconstrained);
      const [firstLoose] = loose;
      if (!firstLoose) continue;
      yield {
        kind: 'concern',
        messageId: 'unconstrained',
        evidence: [firstLoose.evidence, ...loose.slice(1, MAX_EVIDENCE).map((d) => d.evidence)],
        data: { unpinned: loose.length, count: deps.length, ecosystem: label, names: loose.slice(0, 8).map((d) => `\`${d.name}\``), manifest: firstLoose.manifest },
      };
    }
  },
});
