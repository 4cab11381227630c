import { defineCheck } from '../../src/engine/define-check.js';
import { plainCallee } from '../../src/facts/query.js';
import { at, pythonTestModules, pythonTests, scriptTestModules, type PyTest } from '../../src/facts/queries/tests.js';
import type { Facts, PyCall, PyFunction, PyModule } from '../../src/facts/types.js';

const MAX_LISTED = 5;
/** Calls that check something: mock assertions, `pytest.fail`, an `expect`/`verify`/`check_` helper. */
const CHECKING_CALL = /^(assert\w*|expect\w*|verify\w*|check_\w+|fail)$/i;
const SCRIPT_EXPECT = /^(expect|assert|should|expectTypeOf|assertType)$|^assert\./;
/** Module-level calls that set a script up rather than exercise code. */
const PLUMBING = /^(print|len|str|int|open|input|sys\.|os\.|pathlib\.|dotenv\.|logging\.|json\.|time\.|pprint)/;
const TEST_FILE_NAME = /(^|\/)(test_[^/]*|[^/]*_test)\.py$/;

/** Functions of a test module whose body asserts (helpers like `check_answer()` that a test calls). */
function assertingHelpers(module: PyModule, conftest: PyModule[]): Set<string> {
  return new Set([...conftest, module].flatMap((m) => m.functions.filter((f) => f.assertions > 0).map((f) => f.name)));
}

/** Whether a Python test checks anything: an assertion, a mock assertion, or a helper that asserts. */
function checks(test: PyTest, helpers: Set<string>): boolean {
  const { fn, module } = test;
  if (fn.assertions > 0) return true;
  const inside = (scope: string | null) => scope === fn.qualname || !!scope?.startsWith(`${fn.qualname}.`);
  if (module.functions.some((f: PyFunction) => inside(f.qualname) && f !== fn && f.assertions > 0)) return true;
  return module.calls.some((call) => inside(call.scope) && (CHECKING_CALL.test(call.name) || helpers.has(call.name) || helpers.has(plainCallee(call.callee).replace(/^self\./, ''))));
}

/** Test files pytest collects nothing from: a `test_*.py` script with no test function that runs code at import. */
function scriptsNamedAsTests(facts: Facts, tested: Set<string>): { module: PyModule; call: PyCall }[] {
  const out: { module: PyModule; call: PyCall }[] = [];
  for (const module of pythonTestModules(facts)) {
    if (!TEST_FILE_NAME.test(module.path) || tested.has(module.path) || module.functions.some((f) => f.decorators.some((d) => /fixture/.test(d)))) continue;
    const calls = module.calls.filter((c) => c.scope === null && !/^(pytest|unittest)\./.test(c.callee) && !module.functions.some((f) => f.line > c.evidence.line && f.line - c.evidence.line <= f.decorators.length));
    // `print(answer("q"))`: name the candidate's call, not `print`.
    const call = calls.find((c) => !PLUMBING.test(plainCallee(c.callee))) ?? calls[0];
    if (call) out.push({ module, call });
  }
  return out;
}

export default defineCheck({
  id: 'tests/tests-without-assertions',
  docs: 'Lists tests that assert nothing (they call the code and pass unless it raises), test files that never call `expect`, and `test_*.py` scripts pytest collects nothing from.',
  messages: {
    noAssertions: 'Tests that assert nothing ({{count}} of {{total}}), so they pass unless the code raises: {{names}}',
    noExpect: '`{{path}}` declares {{count}} tests and never calls `expect` or `assert`',
    scriptNamedAsTest: '`{{path}}` is a script, not a test: it defines no test function, so pytest collects nothing from it; it runs `{{call}}` on import',
  },
  questions: {
    noAssertions: '`{{first}}` (`{{at}}`) calls the code but checks nothing about the result. What should it assert, and which bug would it catch then?',
    scriptNamedAsTest: '`{{path}}` runs `{{call}}` and prints the result. How do you decide whether that output is right, and how would you turn it into a test that fails?',
  },
  *run({ facts }) {
    const tests = pythonTests(facts);
    const conftest = pythonTestModules(facts).filter((m) => m.path.endsWith('conftest.py'));
    const helpersOf = new Map<PyModule, Set<string>>();
    const silent = tests.filter((test) => {
      let helpers = helpersOf.get(test.module);
      if (!helpers) helpersOf.set(test.module, (helpers = assertingHelpers(test.module, conftest)));
      return !checks(test, helpers);
    });
    const [first, ...rest] = silent;
    if (first) {
      const listed = silent.slice(0, MAX_LISTED).map((t) => t.fn.qualname);
      const more = silent.length > MAX_LISTED ? ` and ${silent.length - MAX_LISTED} more` : '';
      yield {
        kind: 'concern',
        messageId: 'noAssertions',
        evidence: [first.fn.evidence, ...rest.slice(0, MAX_LISTED - 1).map((t) => t.fn.evidence)],
        data: { count: silent.length, total: tests.length, names: `${listed.map((n) => `\`${n}\``).join(', ')}${more}`, first: first.fn.qualname, at: at(first.fn.evidence) },
      };
    }
    for (const module of scriptTestModules(facts)) {
      const [firstTest] = module.tests;
      if (!firstTest || module.calls.some((c) => SCRIPT_EXPECT.test(c.name) || SCRIPT_EXPECT.test(plainCallee(c.callee).replace(/^(vitest|chai|@jest\/globals|node:assert(\/strict)?|assert(\/strict)?)\./, '')))) continue;
      yield { kind: 'concern', messageId: 'noExpect', evidence: [firstTest.evidence], data: { path: module.path, count: module.tests.length } };
    }
    for (const { module, call } of scriptsNamedAsTests(facts, new Set(tests.map((t) => t.module.path)))) {
      yield { kind: 'concern', messageId: 'scriptNamedAsTest', evidence: [call.evidence], data: { path: module.path, call: `${call.raw}()`, at: at(call.evidence) } };
    }
  },
});
