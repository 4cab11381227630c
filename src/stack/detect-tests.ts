import { isTestPath } from '../facts/query.js';
import type { Facts, PyModule } from '../facts/types.js';
import type { Evidence } from '../types.js';
import { signalOfDependency } from './detect-imports.js';
import { EvidenceMap, sortedEvidence } from './evidence-map.js';
import type { StackItem, TestCount } from './types.js';
import { addTo } from '../multimap.js';

const TEST_FRAMEWORK_DEPENDENCIES = [
  { id: 'pytest', pypi: ['pytest'] },
  { id: 'jest', npm: ['jest', '@jest/globals', 'ts-jest'] },
  { id: 'vitest', npm: ['vitest'] },
  { id: 'mocha', npm: ['mocha'] },
];

/** Test functions of one Python module: pytest's `test_*` and `Test*.test_*`, unittest's `TestCase.test*`. */
function pythonTests(m: PyModule): { pytest: Evidence[]; unittest: Evidence[] } {
  const testCaseClasses = new Set(m.classes.filter((c) => c.bases.some((b) => /(^|\.)TestCase$/.test(b) && /unittest|django|TestCase/.test(b))).map((c) => c.name));
  const pytestClasses = new Set(m.classes.filter((c) => c.name.startsWith('Test') && !testCaseClasses.has(c.name)).map((c) => c.name));
  const inTestFile = isTestPath(m.path) && m.kind === 'python';
  const pytest: Evidence[] = [];
  const unittest: Evidence[] = [];
  for (const fn of m.functions) {
    const owner = fn.className?.split('.').pop() ?? null;
    if (owner && testCaseClasses.has(owner) && fn.name.startsWith('test')) unittest.push(fn.evidence);
    else if (inTestFile && fn.name.startsWith('test') && (owner === null ? fn.qualname === fn.name : pytestClasses.has(owner))) pytest.push(fn.evidence);
  }
  return { pytest, unittest };
}

/** `stack.testFrameworks` and `tests.count`: test declarations found statically, parametrised cases not expanded. */
export function detectTests(facts: Facts): { testFrameworks: StackItem[]; tests: TestCount } {
  const used = new EvidenceMap();
  let count = 0;
  for (const m of facts.python) {
    const { pytest, unittest } = pythonTests(m);
    count += pytest.length + unittest.length;
    for (const e of pytest) used.add('pytest', e);
    for (const e of unittest) used.add('unittest', e);
    if (isTestPath(m.path)) for (const i of m.imports) if (i.module === 'pytest') used.add('pytest', i.evidence);
  }
  const declaredNpm = new Set(facts.dependencies.filter((d) => d.ecosystem === 'npm').map((d) => d.name));
  for (const m of facts.scripts) {
    if (!m.tests.length && !isTestPath(m.path)) continue;
    count += m.tests.length;
    const fromImport = m.imports.find((i) => ['vitest', '@jest/globals', 'mocha'].includes(i.module));
    const framework = fromImport
      ? { vitest: 'vitest', '@jest/globals': 'jest', mocha: 'mocha' }[fromImport.module]!
      : declaredNpm.has('vitest') ? 'vitest' : declaredNpm.has('mocha') ? 'mocha' : 'jest';
    const first = fromImport?.evidence ?? m.tests[0]?.evidence;
    if (first && (fromImport || declaredNpm.has(framework) || m.tests.length)) used.add(framework, first);
  }
  for (const file of facts.files) {
    if (!file.path.endsWith('_test.go')) continue;
    for (const line of file.text.split('\n')) if (/^func Test[A-Z0-9_]\w*\(/.test(line)) count++;
  }
  const items = used.toItems();
  const declared = new Map<string, Evidence[]>();
  for (const dependency of facts.dependencies) {
    const signal = signalOfDependency(dependency, TEST_FRAMEWORK_DEPENDENCIES);
    if (signal && !used.has(signal.id)) addTo(declared, signal.id, dependency.evidence);
  }
  for (const [id, evidence] of declared) items.push({ id, evidence: sortedEvidence(evidence), declaredOnly: true });
  return { testFrameworks: items, tests: { count } };
}
