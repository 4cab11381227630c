import { defineCheck } from '../../src/engine/define-check.js';
import { plainCallee } from '../../src/facts/query.js';
import { pythonTestModules, scriptTestModules } from '../../src/facts/queries/tests.js';
import type { Literal } from '../../src/facts/types.js';
import type { Evidence } from '../../src/types.js';

const MAX_NAMED = 4;
const FIXTURE_DECORATOR = /^(pytest|pytest_asyncio)\.fixture$/;
const SETUP_METHOD = /^(setUp|setUpClass|asyncSetUp|setup_method|setup_class)$/;
const SCRIPT_SETUP = /(^|\.)(beforeEach|beforeAll)$/;
const PARAMETRIZE = /^pytest\.mark\.parametrize$/;

interface Case {
  name: string;
  evidence: Evidence;
}

function listed(cases: Case[]): string {
  const names = [...new Set(cases.map((c) => c.name))];
  return names.slice(0, MAX_NAMED).join(', ') + (names.length > MAX_NAMED ? ` and ${names.length - MAX_NAMED} more` : '');
}

function caseCount(value: Literal | undefined): string {
  return Array.isArray(value) ? ` (${value.length} cases)` : '';
}

export default defineCheck({
  id: 'tests/fixtures-and-parametrize',
  docs: 'Reports shared test setup (pytest fixtures, conftest.py, setUp, beforeEach) and parametrised or property-based cases (parametrize, it.each, subTest, hypothesis).',
  messages: {
    fixtures: 'Test fixtures and setup hooks ({{count}}): {{names}}{{conftest}}',
    parametrized: 'Parametrised tests ({{count}}): {{names}}',
  },
  *run({ facts }) {
    const fixtures: Case[] = [];
    const parametrized: Case[] = [];
    for (const module of pythonTestModules(facts)) {
      for (const fn of module.functions) {
        if (fn.decorators.some((d) => FIXTURE_DECORATOR.test(plainCallee(d)))) fixtures.push({ name: `\`${fn.name}\``, evidence: fn.evidence });
        else if (SETUP_METHOD.test(fn.name) && fn.className) fixtures.push({ name: `\`${fn.qualname}\``, evidence: fn.evidence });
      }
      for (const call of module.calls) {
        const plain = plainCallee(call.callee);
        if (PARAMETRIZE.test(plain) && call.scope === null) {
          const target = module.functions.find((f) => f.line > call.evidence.line && f.decorators.some((d) => PARAMETRIZE.test(plainCallee(d))));
          parametrized.push({ name: `\`${target?.qualname ?? 'parametrize'}\`${caseCount(call.args[1]?.literal)}`, evidence: call.evidence });
        } else if (/^hypothesis\.given$/.test(plain) && call.scope === null) {
          const target = module.functions.find((f) => f.line > call.evidence.line);
          parametrized.push({ name: `\`${target?.qualname ?? 'given'}\` (hypothesis)`, evidence: call.evidence });
        } else if (call.name === 'subTest' && call.inLoop) {
          parametrized.push({ name: `\`${call.scope ?? 'subTest'}\` (subTest)`, evidence: call.evidence });
        }
      }
    }
    for (const module of scriptTestModules(facts)) {
      for (const call of module.calls) if (SCRIPT_SETUP.test(plainCallee(call.callee))) fixtures.push({ name: `\`${call.raw}\``, evidence: call.evidence });
      for (const test of module.tests) if (/\.each$/.test(test.via)) parametrized.push({ name: `"${test.name}"`, evidence: test.evidence });
    }
    const [fixture, ...moreFixtures] = fixtures;
    if (fixture) {
      const conftest = fixtures.some((f) => f.evidence.path.endsWith('conftest.py')) ? ', shared in conftest.py' : '';
      yield { kind: 'strength', messageId: 'fixtures', evidence: [fixture.evidence, ...moreFixtures.slice(0, 2).map((f) => f.evidence)], data: { count: new Set(fixtures.map((f) => f.name)).size, names: listed(fixtures), conftest } };
    }
    const [param, ...moreParams] = parametrized;
    if (param) {
      yield { kind: 'strength', messageId: 'parametrized', evidence: [param.evidence, ...moreParams.slice(0, 2).map((p) => p.evidence)], data: { count: new Set(parametrized.map((p) => p.name.replace(/ \([^()]{0,200}\)$/, ''))).size, names: listed(parametrized) } };
    }
  },
});
