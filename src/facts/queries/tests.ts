import type { Evidence } from '../../types.js';
import { snippetOf } from '../evidence.js';
import { fileAt, isTestPath, plainCallee, pythonModuleName } from '../query.js';
import type { Facts, PyFunction, PyImport, PyModule, ScriptImport, ScriptModule } from '../types.js';

export { at } from '../evidence.js';

/** A test function of a Python module: pytest's `test_*` and `Test*.test_*`, unittest's `TestCase.test*`. */
export interface PyTest {
  fn: PyFunction;
  module: PyModule;
}

/** Python test functions, by the same rules as `stack.testFrameworks` and `tests.count`. */
export function pythonTests(facts: Facts): PyTest[] {
  const out: PyTest[] = [];
  for (const module of facts.python) {
    const testCases = new Set(module.classes.filter((c) => c.bases.some((b) => /(^|\.)TestCase$/.test(b) && /unittest|django|TestCase/.test(b))).map((c) => c.name));
    const pytestClasses = new Set(module.classes.filter((c) => c.name.startsWith('Test') && !testCases.has(c.name)).map((c) => c.name));
    const inTestFile = isTestPath(module.path) && module.kind === 'python';
    for (const fn of module.functions) {
      if (!fn.name.startsWith('test')) continue;
      const owner = fn.className?.split('.').pop() ?? null;
      if ((owner && testCases.has(owner)) || (inTestFile && (owner === null ? fn.qualname === fn.name : pytestClasses.has(owner)))) out.push({ fn, module });
    }
  }
  return out;
}

/** Python modules of the test suite (test files and conftest.py, not notebooks). */
export function pythonTestModules(facts: Facts): PyModule[] {
  return facts.python.filter((m) => m.kind === 'python' && isTestPath(m.path));
}

/** TypeScript/JavaScript test files: a test path or declared `it`/`test` cases. */
export function scriptTestModules(facts: Facts): ScriptModule[] {
  return facts.scripts.filter((m) => m.tests.length > 0 || isTestPath(m.path));
}

/** Evidence of every test the suite declares (Python and TypeScript/JavaScript), in file order. */
export function testEvidence(facts: Facts): Evidence[] {
  return [...pythonTests(facts).map((t) => t.fn.evidence), ...scriptTestModules(facts).flatMap((m) => m.tests.map((t) => t.evidence))];
}

// ---------------------------------------------------------------- the candidate's own modules


/** The candidate's Python modules (tests excluded) by the dotted names an import may use for them. */
export class OwnModules {
  private readonly byName = new Map<string, PyModule>();
  private readonly packages = new Set<string>();

  constructor(facts: Facts) {
    for (const module of facts.python) {
      if (module.kind !== 'python' || isTestPath(module.path)) continue;
      const dotted = pythonModuleName(module.path);
      for (const name of dotted.startsWith('src.') ? [dotted, dotted.slice(4)] : [dotted]) {
        if (!this.byName.has(name)) this.byName.set(name, module);
        const parts = name.split('.');
        for (let i = 1; i < parts.length; i++) this.packages.add(parts.slice(0, i).join('.'));
      }
    }
  }

  get size(): number {
    return this.byName.size;
  }

  /** The module an import binds, if it is the candidate's: `from app import rag` → `app/rag.py`, `from app.rag import answer` → `app/rag.py`. */
  moduleOf(imported: PyImport, importer: string): PyModule | undefined {
    const module = this.absolute(imported.module, importer);
    if (module === null) return undefined;
    if (imported.name && imported.name !== '*') {
      const sub = this.byName.get(module ? `${module}.${imported.name}` : imported.name);
      if (sub) return sub;
    }
    return this.byName.get(module);
  }

  /** Whether an import names the candidate's code: a module of the repository or one of its packages. */
  isOwn(imported: PyImport, importer: string): boolean {
    if (this.moduleOf(imported, importer)) return true;
    const module = this.absolute(imported.module, importer);
    return !!module && this.packages.has(module);
  }

  /** A relative import's dotted module (`..app` from `tests/unit/test_x.py` → `app`); null when it leaves the repository. */
  private absolute(module: string, importer: string): string | null {
    const dots = /^\.*/.exec(module)![0].length;
    if (!dots) return module;
    const dir = importer.split('/').slice(0, -1);
    if (dots - 1 > dir.length) return null;
    const base = dir.slice(0, dir.length - (dots - 1));
    return [...base, ...(module.slice(dots) ? [module.slice(dots)] : [])].join('.');
  }
}

/** Whether a script import names the candidate's code: a relative path outside the test files, or an `@/` / `~/` alias. */
export function isOwnScriptImport(imported: ScriptImport): boolean {
  if (/^[@~]\//.test(imported.module)) return true;
  if (!imported.module.startsWith('.')) return false;
  return !isTestPath(imported.module.replace(/^(\.\.?\/)+/, '')) && !/(^|\/)(test-?utils|helpers?|fixtures?|mocks?|__mocks__|setup)(\/|\.|$)/.test(imported.module);
}

// ---------------------------------------------------------------- mocks and stubs

/** Test doubles by resolved callee (Python), with the name an interviewer knows them by. */
const PY_MOCKS: readonly [RegExp, string][] = [
  [/^(unittest\.)?mock\.(patch|patch\.object|patch\.dict|patch\.multiple)$/, 'mock.patch'],
  [/^(unittest\.)?mock\.(Mock|MagicMock|AsyncMock|NonCallableMock|create_autospec)$/, 'Mock objects'],
  [/^monkeypatch\.(setattr|setitem|delattr|delitem|syspath_prepend)$/, 'monkeypatch'],
  [/^mocker\./, 'pytest-mock'],
  [/^responses\.(add|activate|start|get|post|RequestsMock|_recorder)/, 'responses'],
  [/^respx\./, 'respx'],
  [/^httpx\.MockTransport$/, 'httpx.MockTransport'],
  [/^(requests_mock\.|httpx_mock\.|aioresponses)/, 'HTTP mocks'],
  [/^(vcr\.|pytest\.mark\.vcr$)/, 'recorded HTTP (vcr)'],
  [/(^|\.)(FakeListLLM|FakeListChatModel|FakeChatModel|FakeEmbeddings|DeterministicFakeEmbedding|GenericFakeChatModel|MockLLM|MockEmbedding)$/, 'fake LLM'],
];
const SCRIPT_MOCKS: readonly [RegExp, string][] = [
  [/^(vitest\.)?vi\.(mock|doMock|spyOn|fn|stubGlobal|stubEnv)$/, 'vi.mock'],
  [/^(@jest\/globals\.)?jest\.(mock|doMock|spyOn|fn|unstable_mockModule)$/, 'jest.mock'],
  [/^nock(\.|$)/, 'nock'],
  [/^msw(\/node)?\.(setupServer|http|rest|HttpResponse)/, 'msw'],
  [/^sinon\.(stub|spy|fake|mock)/, 'sinon'],
];

export interface TestDouble {
  tool: string;
  evidence: Evidence;
}

/** Mocks, stubs and fakes in the test suite (calls, patch decorators, `dependency_overrides`), in file order. */
export function testDoubles(facts: Facts): TestDouble[] {
  const out: TestDouble[] = [];
  const texts = new Map(facts.files.map((f) => [f.path, f.text]));
  for (const module of pythonTestModules(facts)) {
    for (const call of module.calls) {
      const plain = plainCallee(call.callee);
      const tool = PY_MOCKS.find(([pattern]) => pattern.test(plain))?.[1];
      if (tool) out.push({ tool, evidence: call.evidence });
    }
    for (const fn of module.functions) {
      for (const decorator of fn.decorators) {
        const tool = PY_MOCKS.find(([pattern]) => pattern.test(plainCallee(decorator)))?.[1];
        // A decorator call (`@patch("app.llm")`) is already among the calls; a bare one (`@responses.activate`) is not.
        if (tool && !module.calls.some((c) => c.scope === null && plainCallee(c.callee) === plainCallee(decorator) && c.evidence.line < fn.line && c.evidence.line >= fn.line - fn.decorators.length)) {
          out.push({ tool, evidence: fn.evidence });
        }
      }
    }
    // `app.dependency_overrides[get_llm] = fake`: a subscript assignment, not among the assignment facts; read from the code lines.
    texts.get(module.path)?.split('\n').forEach((line, i) => {
      if (/^\s*[\w.]+\.dependency_overrides(\[.*\]\s*=[^=]|\.update\()/.test(line)) out.push({ tool: 'dependency_overrides', evidence: { path: module.path, line: i + 1, snippet: snippetOf(line) } });
    });
  }
  for (const module of scriptTestModules(facts)) {
    for (const call of module.calls) {
      const plain = plainCallee(call.callee);
      const tool = SCRIPT_MOCKS.find(([pattern]) => pattern.test(plain))?.[1];
      if (tool) out.push({ tool, evidence: call.evidence });
    }
  }
  return out.sort((a, b) => (a.evidence.path < b.evidence.path ? -1 : a.evidence.path > b.evidence.path ? 1 : a.evidence.line - b.evidence.line));
}

// ---------------------------------------------------------------- CI commands

const CI_PATH = /^(\.github\/workflows\/[^/]+\.ya?ml|\.gitlab-ci\.ya?ml|\.circleci\/config\.ya?ml|azure-pipelines\.ya?ml|\.travis\.ya?ml|bitbucket-pipelines\.ya?ml|\.drone\.ya?ml|\.buildkite\/pipeline\.ya?ml|cloudbuild\.ya?ml)$/;
const COMMAND_KEY = /^(run|script|before_script|after_script|commands?|install|test|args)$/;

/** One shell command line of a CI pipeline, or an action it uses. */
export interface CiCommand {
  text: string;
  /** `uses:` of a GitHub Actions step rather than a shell line. */
  uses: boolean;
  evidence: Evidence;
}

/** Paths of CI pipeline definitions that parsed as YAML. */
export function ciDocuments(facts: Facts) {
  return facts.configs.filter((doc) => doc.format === 'yaml' && CI_PATH.test(doc.path));
}

/** Every command line of the CI pipelines, each at its own line (block scalars are split). */
export function ciCommands(facts: Facts): CiCommand[] {
  const out: CiCommand[] = [];
  for (const doc of ciDocuments(facts)) {
    const lines = fileAt(facts, doc.path)?.text.split('\n') ?? [];
    for (const leaf of doc.leaves) {
      if (typeof leaf.value !== 'string') continue;
      const key = [...leaf.key].reverse().find((k): k is string => typeof k === 'string') ?? '';
      if (key === 'uses') {
        out.push({ text: leaf.value, uses: true, evidence: leaf.evidence });
        continue;
      }
      if (!COMMAND_KEY.test(key)) continue;
      const commands = leaf.value.split('\n');
      // A block scalar (`run: |`) starts on the line after its key; find each command's own line.
      let from = leaf.evidence.line;
      for (const command of commands) {
        if (!command.trim() || command.trim().startsWith('#')) continue;
        let line = leaf.evidence.line;
        for (let i = from; i <= Math.min(lines.length, from + 50); i++) {
          if (lines[i - 1]?.includes(command.trim())) {
            line = i;
            from = i + 1;
            break;
          }
        }
        out.push({ text: command.trim(), uses: false, evidence: { path: doc.path, line, snippet: snippetOf(lines[line - 1]) } });
      }
    }
  }
  return out;
}

/** A command that installs rather than runs (`pip install pytest ruff`). */
export function isInstallCommand(text: string): boolean {
  return /\b(pip3?|pipx|uv pip|uv add|poetry add|conda|mamba|apt(-get)?|brew|npm (i|install|ci)|yarn add|pnpm (add|install|i)|bun (add|install))\b/.test(text);
}
