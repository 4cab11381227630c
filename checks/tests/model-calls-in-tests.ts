import { defineCheck } from '../../src/engine/define-check.js';
import { plainCallee } from '../../src/facts/query.js';
import { pythonModelCall, scriptModelCall, type ModelCall } from '../../src/facts/queries/serving.js';
import { at, OwnModules, pythonTestModules, scriptTestModules, testDoubles } from '../../src/facts/queries/tests.js';
import type { Facts, PyImport, PyModule } from '../../src/facts/types.js';
import type { Evidence } from '../../src/types.js';

/** Environment variables that hold a hosted API's credentials. */
const KEY_NAME = /^[A-Z][A-Z0-9_]*_API_(KEY|TOKEN)$|^(HF|HUGGING_?FACE(_HUB)?|HUGGINGFACEHUB)_(API_)?TOKEN$/;
/** A line that reads the variable (not one that sets a fake value). */
const READS_ENV = /getenv\(|environ\.get\(|environ\[[^\]]{0,200}\](?!\s*=[^=])|process\.env(\.\w+|\[[^\]]{0,200}\])(?!\s*=[^=])/;
const SETS_ENV = /setenv|patch\.dict|stubEnv|delenv/;
const SKIP_GUARD = /skip(if|unless|If|Unless)\b|\.skipIf\(|\.runIf\(/;
/** Constructing a hosted API client. */
const HOSTED_CLIENT_PY = /^(openai\.(OpenAI|AsyncOpenAI|AzureOpenAI)|anthropic\.(Anthropic|AsyncAnthropic)|cohere\.(Client|ClientV2|AsyncClient)|groq\.(Groq|AsyncGroq)|mistralai\.\w*Mistral\w*|google\.generativeai\.GenerativeModel|langchain_openai\.(ChatOpenAI|OpenAI|AzureChatOpenAI)|langchain_anthropic\.ChatAnthropic|langchain_google_genai\.ChatGoogleGenerativeAI)$/;
const HOSTED_CLIENT_NPM = /^(openai|@anthropic-ai\/sdk|@langchain\/openai|@langchain\/anthropic|groq-sdk|cohere-ai)(\.|$)/;

interface RealCall {
  evidence: Evidence;
  provider: string;
  hosted: boolean;
}

/** Model calls and hosted clients built inside test files that have no test double. */
function realCallsInTests(facts: Facts, mocked: Set<string>): RealCall[] {
  const out: RealCall[] = [];
  for (const module of pythonTestModules(facts)) {
    if (mocked.has(module.path)) continue;
    for (const call of module.calls) {
      const model = pythonModelCall(call, module);
      if (model && model.provider !== 'model') out.push(model);
      else if (HOSTED_CLIENT_PY.test(plainCallee(call.callee))) out.push({ evidence: call.evidence, provider: plainCallee(call.callee).split('.')[0]!, hosted: true });
    }
  }
  for (const module of scriptTestModules(facts)) {
    if (mocked.has(module.path)) continue;
    for (const call of module.calls) {
      const model = scriptModelCall(call);
      if (model) out.push(model);
      else if (call.isNew && HOSTED_CLIENT_NPM.test(call.callee)) out.push({ evidence: call.evidence, provider: call.callee.split('.')[0]!, hosted: true });
    }
  }
  return out;
}

/** Lines of test files that read an API key from the environment. */
function keyReads(facts: Facts): { name: string; evidence: Evidence }[] {
  const out: { name: string; evidence: Evidence }[] = [];
  for (const module of pythonTestModules(facts)) {
    for (const s of module.strings) {
      if (KEY_NAME.test(s.value) && READS_ENV.test(s.evidence.snippet) && !SETS_ENV.test(s.evidence.snippet)) out.push({ name: s.value, evidence: s.evidence });
    }
  }
  const testScripts = new Set(scriptTestModules(facts).map((m) => m.path));
  for (const file of facts.files) {
    if (!testScripts.has(file.path)) continue;
    file.text.split('\n').forEach((line, i) => {
      const name = /process\.env(?:\.(\w+)|\[["'](\w+)["']\])/.exec(line);
      const key = name?.[1] ?? name?.[2];
      // Inside a string literal (`'const key = process.env.OPENAI_API_KEY'`), not code.
      const quoted = name && (line.slice(0, name.index).match(/["'`]/g)?.length ?? 0) % 2 === 1;
      if (!key || quoted || !KEY_NAME.test(key) || /^\s*(\/\/|\*)/.test(line) || !READS_ENV.test(line) || SETS_ENV.test(line)) return;
      out.push({ name: key, evidence: { path: file.path, line: i + 1, snippet: line.trim().slice(0, 200) } });
    });
  }
  return out;
}

/** Whether importing `imported` from `target` brings a model call into the test: the module itself, or a function that calls the model (directly or one call down). */
function importsModelCall(imported: PyImport, target: PyModule, calls: ModelCall[]): ModelCall | undefined {
  const fn = imported.name ? target.functions.find((f) => f.qualname === imported.name) : undefined;
  if (!fn) return calls[0];
  const scopes = new Set([fn.qualname]);
  for (const call of target.calls) {
    if (call.scope !== fn.qualname) continue;
    const callee = target.functions.find((f) => f.qualname === plainCallee(call.callee).split('.').pop() && f.className === null);
    if (callee) scopes.add(callee.qualname);
  }
  return calls.find((c) => [...scopes].some((s) => c.python?.scope === s || !!c.python?.scope?.startsWith(`${s}.`)));
}

export default defineCheck({
  id: 'tests/model-calls-in-tests',
  docs: 'Reports whether tests stub the model and network (mock.patch, monkeypatch, responses, respx, dependency_overrides, vi.mock, fake LLMs) or call a model for real and need an API key.',
  messages: {
    mocked: 'Tests stub dependencies with {{tools}}',
    realModelCall: '`{{at}}` calls {{provider}} for real inside a test; it needs {{needs}} to pass',
    readsApiKey: 'A test reads `{{name}}` from the environment (`{{at}}`): it needs a real API key to pass',
    skippedWithoutKey: 'A test is skipped unless `{{name}}` is set (`{{at}}`): without a key it never runs',
    unmockedModelCode: 'Tests import `{{module}}`, which calls {{provider}} at `{{callAt}}`, and nothing in the tests stubs it: they need {{needs}}',
  },
  questions: {
    realModelCall: '`{{at}}` sends a real request to {{provider}} from a test. How does this test behave in CI without a key or network, and how would you test the surrounding code without the model?',
    readsApiKey: 'The test at `{{at}}` needs `{{name}}`. What would you replace the API with so the test runs anywhere, and what would you still want to check against the real model?',
    unmockedModelCode: 'Your tests reach the model call at `{{callAt}}` unstubbed. How would you make them deterministic and free to run?',
  },
  *run({ facts }) {
    const doubles = testDoubles(facts);
    const tools = [...new Set(doubles.map((d) => d.tool))];
    const [firstDouble] = doubles;
    if (firstDouble) {
      const others = tools.slice(1, 3).map((tool) => doubles.find((d) => d.tool === tool)!.evidence);
      yield { kind: 'strength', messageId: 'mocked', evidence: [firstDouble.evidence, ...others], data: { tools: tools.map((t) => `\`${t}\``).join(', ') } };
    }
    const conftestMocks = doubles.some((d) => d.evidence.path.endsWith('conftest.py'));
    const mocked = new Set(conftestMocks ? [...pythonTestModules(facts).map((m) => m.path)] : doubles.map((d) => d.evidence.path));
    const real = realCallsInTests(facts, mocked);
    const firstPerFile = real.filter((call, i) => real.findIndex((c) => c.evidence.path === call.evidence.path) === i);
    for (const call of firstPerFile.slice(0, 3)) {
      yield { kind: 'concern', messageId: 'realModelCall', evidence: [call.evidence], data: { provider: call.provider, needs: call.hosted ? 'network access and an API key' : 'a running model', at: at(call.evidence) } };
    }
    for (const read of keyReads(facts).slice(0, 3)) {
      const skipped = SKIP_GUARD.test(read.evidence.snippet);
      yield { kind: 'concern', messageId: skipped ? 'skippedWithoutKey' : 'readsApiKey', evidence: [read.evidence], data: { name: read.name, at: at(read.evidence) } };
    }
    if (firstDouble || real.length) return;
    const own = new OwnModules(facts);
    for (const module of pythonTestModules(facts)) {
      for (const imported of module.imports) {
        const target = own.moduleOf(imported, module.path);
        if (!target) continue;
        const calls = target.calls.map((c) => pythonModelCall(c, target)).filter((c): c is ModelCall => !!c && c.provider !== 'model');
        const call = calls.length ? importsModelCall(imported, target, calls) : undefined;
        if (!call) continue;
        yield {
          kind: 'concern',
          messageId: 'unmockedModelCode',
          evidence: [imported.evidence, call.evidence],
          data: { module: target.path, provider: call.provider, callAt: at(call.evidence), needs: call.hosted ? 'network access and an API key' : 'a running model' },
        };
        return;
      }
    }
  },
});
