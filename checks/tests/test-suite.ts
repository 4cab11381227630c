import { defineCheck } from '../../src/engine/define-check.js';
import { isTestPath } from '../../src/facts/query.js';
import { pythonEndpoints } from '../../src/facts/queries/serving.js';
import { at, pythonTests, scriptTestModules, testEvidence } from '../../src/facts/queries/tests.js';
import type { Facts, PyModule, ScriptModule } from '../../src/facts/types.js';
import type { Evidence } from '../../src/types.js';

/** Below this many lines of code, a missing test suite is not worth a finding. */
const MIN_LINES_OF_CODE = 50;
const ENTRY_FILE = /(^|\/)(__main__|main|app|server|api|cli|run|index)\.(py|[cm]?[jt]sx?)$/;
const TOOLING_FILE = /(^|\/)[^/]*\.config\.[cm]?[jt]s$|(^|\/)(setup|noxfile|manage)\.py$/;

type CodeModule = { path: string; linesOfCode: number; first: Evidence | undefined; isMain: boolean };

/** The candidate's code outside tests, notebooks and tool configuration. */
function codeModules(facts: Facts): CodeModule[] {
  const py = facts.python
    .filter((m) => m.kind === 'python' && !isTestPath(m.path) && !TOOLING_FILE.test(m.path))
    .map((m: PyModule) => {
      const main = m.strings.find((s) => s.value === '__main__');
      return { path: m.path, linesOfCode: m.linesOfCode, first: main?.evidence ?? m.functions[0]?.evidence ?? m.calls[0]?.evidence ?? m.imports[0]?.evidence, isMain: !!main };
    });
  const ts = facts.scripts
    .filter((m) => !isTestPath(m.path) && !m.tests.length && !TOOLING_FILE.test(m.path))
    .map((m: ScriptModule) => ({ path: m.path, linesOfCode: m.linesOfCode, first: m.routes[0]?.evidence ?? m.calls[0]?.evidence ?? m.imports[0]?.evidence, isMain: false }));
  return [...py, ...ts];
}

/** The main module: the one serving routes, an entry-point name, a `__main__` guard, else the largest. */
function mainModule(facts: Facts, modules: CodeModule[]): Evidence | undefined {
  const endpoint = pythonEndpoints(facts).find((e) => !isTestPath(e.evidence.path))?.evidence;
  if (endpoint) return endpoint;
  const withEvidence = modules.filter((m) => m.first);
  const ranked = [...withEvidence].sort(
    (a, b) => Number(ENTRY_FILE.test(b.path)) - Number(ENTRY_FILE.test(a.path)) || Number(b.isMain) - Number(a.isMain) || b.linesOfCode - a.linesOfCode,
  );
  return ranked[0]?.first;
}

export default defineCheck({
  id: 'tests/test-suite',
  docs: 'States the test frameworks, how many tests the suite declares and how many assertions the Python tests make, or notes a repository with code and no tests.',
  messages: {
    suite: '{{count}} tests with {{frameworks}} in {{files}}{{assertions}}',
    noTests: 'No tests in {{lines}} lines of code; the main module is `{{main}}`',
    declaredNoTests: '`{{framework}}` is declared in `{{manifest}}` but the repository has no tests',
  },
  questions: {
    noTests: 'There are no tests. If you had one more hour, which behaviour of `{{main}}` would you test first, and how without calling the model for real?',
    declaredNoTests: '`{{framework}}` is a dependency but no test exists. Were tests planned? Which part of the pipeline would you test first?',
  },
  *run({ facts, stack, tests }) {
    if (tests.count > 0) {
      const evidence = testEvidence(facts);
      const [first, ...rest] = evidence;
      if (!first) return;
      const frameworks = stack.testFrameworks.filter((f) => !f.declaredOnly).map((f) => f.id);
      const py = pythonTests(facts);
      const files = new Set([...py.map((t) => t.module.path), ...scriptTestModules(facts).filter((m) => m.tests.length).map((m) => m.path)]);
      const asserted = py.reduce((sum, t) => sum + t.fn.assertions, 0);
      const assertions = py.length ? `; ${(asserted / py.length).toFixed(1)} assertions per Python test on average` : '';
      yield {
        kind: 'info',
        messageId: 'suite',
        evidence: [first, ...rest.slice(0, 2)],
        data: { count: tests.count, frameworks: frameworks.length ? frameworks.join(', ') : 'no known framework', files: files.size === 1 ? '1 file' : `${files.size} files`, assertions },
      };
      return;
    }
    const modules = codeModules(facts);
    const lines = modules.reduce((sum, m) => sum + m.linesOfCode, 0);
    const declared = stack.testFrameworks.find((f) => f.declaredOnly);
    const declaredAt = declared?.evidence[0];
    if (declared && declaredAt) {
      yield { kind: 'concern', messageId: 'declaredNoTests', evidence: [declaredAt], data: { framework: declared.id, manifest: declaredAt.path } };
      return;
    }
    if (lines < MIN_LINES_OF_CODE) return;
    const main = mainModule(facts, modules);
    if (main) yield { kind: 'concern', messageId: 'noTests', evidence: [main], data: { lines, main: main.path, at: at(main) } };
  },
});
