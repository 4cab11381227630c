import { defineCheck } from '../../src/engine/define-check.js';
import { isTestPath } from '../../src/facts/query.js';
import { at, isOwnScriptImport, OwnModules, pythonTestModules, scriptTestModules, testEvidence } from '../../src/facts/queries/tests.js';
import type { Evidence } from '../../src/types.js';

const MAX_EVIDENCE = 3;
/** Imports every test file has; they say nothing about what is tested. */
const TEST_PLUMBING = /^(pytest|unittest|os|sys|json|pathlib|typing|re|time|asyncio|dotenv|tempfile|io|__future__|vitest|@jest\/globals|mocha|chai|assert|node:.*)$/;
const LOCAL_URL = /^https?:\/\/(localhost|127\.0\.0\.1|0\.0\.0\.0)(:\d+)?(\/|$)/;

export default defineCheck({
  id: 'tests/own-code-under-test',
  docs: "Reports whether the tests import the candidate's own modules, or only exercise third-party libraries or a running server over HTTP.",
  messages: {
    ownModules: "Tests import the candidate's modules: {{modules}}",
    onlyThirdParty: "The tests import none of the repository's modules; they exercise {{libraries}} only",
    noImports: "The tests import none of the repository's modules: they check nothing the candidate wrote",
    overHttpOnly: 'The tests reach the code only over HTTP (`{{url}}`): they need the server running and cannot run in isolation',
  },
  questions: {
    onlyThirdParty: "The tests at `{{at}}` exercise {{libraries}} rather than your code. Which function of yours would you test first, and what would you assert?",
    noImports: 'The tests at `{{at}}` import nothing from your code. Which function would you test first, and what would you assert?',
    overHttpOnly: 'The tests call `{{url}}` on a running server. How would you test the answering logic without starting the server and the model?',
  },
  *run({ facts }) {
    const own = new OwnModules(facts);
    const ownImports: { name: string; evidence: Evidence }[] = [];
    const thirdParty = new Set<string>();
    for (const module of pythonTestModules(facts)) {
      for (const imported of module.imports) {
        if (own.isOwn(imported, module.path)) ownImports.push({ name: own.moduleOf(imported, module.path)?.path.replace(/__init__\.py$/, '') ?? imported.module.replace(/^\.+/, ''), evidence: imported.evidence });
        else if (!imported.module.startsWith('.') && !TEST_PLUMBING.test(imported.module.split('.')[0]!) && !/^tests?(\.|$)/.test(imported.module)) thirdParty.add(imported.module.split('.')[0]!);
      }
    }
    for (const module of scriptTestModules(facts)) {
      for (const imported of module.imports) {
        if (isOwnScriptImport(imported)) ownImports.push({ name: imported.module, evidence: imported.evidence });
        else if (!imported.module.startsWith('.') && !TEST_PLUMBING.test(imported.module)) thirdParty.add(imported.module);
      }
    }
    const [first, ...rest] = ownImports;
    if (first) {
      const modules = [...new Set(ownImports.map((i) => `\`${i.name}\``))];
      yield { kind: 'strength', messageId: 'ownModules', evidence: [first.evidence, ...rest.slice(0, MAX_EVIDENCE - 1).map((i) => i.evidence)], data: { modules: modules.slice(0, 5).join(', ') + (modules.length > 5 ? ` and ${modules.length - 5} more` : '') } };
      return;
    }
    const [test, ...more] = testEvidence(facts);
    const hasOwnCode = own.size > 0 || facts.scripts.some((m) => !isTestPath(m.path) && !m.tests.length);
    if (!test || !hasOwnCode) return;
    const url = [...pythonTestModules(facts).flatMap((m) => m.strings), ...scriptTestModules(facts).flatMap((m) => m.strings)].find((s) => LOCAL_URL.test(s.value));
    if (url) {
      yield { kind: 'concern', messageId: 'overHttpOnly', evidence: [url.evidence], data: { url: url.value, at: at(url.evidence) } };
      return;
    }
    const evidence: [Evidence, ...Evidence[]] = [test, ...more.slice(0, MAX_EVIDENCE - 1)];
    if (!thirdParty.size) {
      yield { kind: 'concern', messageId: 'noImports', evidence, data: { at: at(test) } };
      return;
    }
    const libraries = [...thirdParty].sort().slice(0, 5).map((l) => `\`${l}\``).join(', ');
    yield { kind: 'concern', messageId: 'onlyThirdParty', evidence, data: { libraries, at: at(test) } };
  },
});
