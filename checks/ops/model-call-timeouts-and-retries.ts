import { defineCheck } from '../../src/engine/define-check.js';
import { isTestPath, plainCallee, pythonCallsTo } from '../../src/facts/query.js';
import { at, callsInFunction, decoratedWith, functionNamed } from '../../src/facts/queries/ops.js';
import { scriptOption } from '../../src/facts/queries/rag.js';
import { pythonModelCall } from '../../src/facts/queries/serving.js';
import type { PyCall, PyModule } from '../../src/facts/types.js';

/** Model clients whose constructor takes a timeout and a retry count. */
const PY_CLIENTS = [
  'openai.OpenAI', 'openai.AsyncOpenAI', 'openai.AzureOpenAI', 'openai.AsyncAzureOpenAI', 'anthropic.Anthropic', 'anthropic.AsyncAnthropic',
  'ollama.Client', 'ollama.AsyncClient', 'groq.Groq', 'groq.AsyncGroq', 'mistralai.Mistral', 'cohere.Client', 'cohere.ClientV2',
  'huggingface_hub.InferenceClient', 'huggingface_hub.AsyncInferenceClient', 'langchain_openai.ChatOpenAI', 'langchain_openai.AzureChatOpenAI',
  'langchain_anthropic.ChatAnthropic', 'langchain_ollama.ChatOllama', 'langchain_community.chat_models.ChatOpenAI', 'llama_index.llms.openai.OpenAI',
  'llama_index.llms.ollama.Ollama',
];
const SCRIPT_CLIENTS = /^(openai\.(OpenAI|AzureOpenAI|default)|@anthropic-ai\/sdk\.(Anthropic|default)|@langchain\/openai\.ChatOpenAI|@langchain\/anthropic\.ChatAnthropic|groq-sdk\.(Groq|default))$/;
const TIMEOUT_KWARGS = ['timeout', 'request_timeout'];
const RETRY_KWARGS = ['max_retries', 'num_retries'];
const RETRY_DECORATOR = /^(tenacity\.retry|backoff\.on_exception|backoff\.on_predicate|retrying\.retry|stamina\.retry|retry\.retry|async_retrying\.retry)$/;
/** A URL that reads like a model server's, when the literal is out of reach (`f"{OLLAMA_URL}/api/generate"`). */
const MODEL_URL_TEXT = /\/api\/(generate|chat)|\/v1\/(chat\/)?completions|\/generate\b|ollama|vllm|tgi\b|llm|inference/i;
const RETRY_NAME = /^(attempts?|retry|retries|tries|n_tries|max_retries|backoff|delay)$/;

/** A raw HTTP call (requests, httpx) that reaches a model server. */
function isModelHttpCall(call: PyCall, module: PyModule): boolean {
  const plain = plainCallee(call.callee);
  if (!/^(requests|httpx)\./.test(plain) || !/\.(post|get|request|stream)$/.test(plain)) return false;
  if (pythonModelCall(call, module)) return true;
  const url = call.args[0]?.text ?? call.kwargs['url']?.text ?? '';
  return MODEL_URL_TEXT.test(url);
}

/** The settings a client or call carries: `timeout=30, max_retries=3`. */
function settingsOf(call: PyCall): string[] {
  return [...TIMEOUT_KWARGS, ...RETRY_KWARGS].filter((k) => call.kwargs[k]).map((k) => `${k}=${call.kwargs[k]!.text}`);
}

function isNone(call: PyCall, keys: readonly string[]): boolean {
  return keys.some((k) => call.kwargs[k]?.kind === 'none');
}

export default defineCheck({
  id: 'ops/model-call-timeouts-and-retries',
  docs: 'Reports how calls to a model survive a slow or failing server: clients created with a timeout and retry count, retry decorators (tenacity, backoff) or retry loops around model calls, and raw HTTP calls to a model server with no timeout (requests waits forever) or httpx\'s 5-second default.',
  messages: {
    clientSettings: '`{{client}}` is created with {{settings}}',
    retried: '`{{name}}` retries failed model calls ({{how}})',
    retryLoop: '`{{name}}` retries the model call in a loop and catches its errors',
    noTimeout: '`{{call}}` calls the model server with no timeout: `requests` waits forever on a stalled server',
    defaultHttpxTimeout: '`{{call}}` calls the model server with httpx\'s default 5-second timeout, shorter than many generations',
    timeoutDisabled: '`{{call}}` sets `timeout=None`: a stalled model server holds the request forever',
  },
  questions: {
    noTimeout: '`{{at}}` calls the model without a timeout — what happens to your API\'s workers when the model server hangs, and how would a client of yours notice?',
    defaultHttpxTimeout: '`{{at}}` keeps httpx\'s 5-second timeout — how long does your longest generation take, and what does the user see when it times out?',
    timeoutDisabled: '`{{at}}` disables the timeout — what bounds the latency of one request?',
    retried: '`{{name}}` retries model calls ({{how}}) — which errors are worth retrying, and how do you avoid retry storms when the model server is overloaded?',
  },
  *run({ facts }) {
    // Looked up once through the calls' index: testing 22 patterns on every call was most of this check's time.
    const clientCalls = new Set(pythonCallsTo(facts, PY_CLIENTS));
    for (const module of facts.python) {
      if (isTestPath(module.path)) continue;
      // The callees of the module's model calls, listed only for a module that creates an httpx client.
      let modelCallees: string[] | undefined;
      const callsModel = (client: string) => {
        modelCallees ??= [...new Set(module.calls.filter((c) => pythonModelCall(c, module) || isModelHttpCall(c, module)).map((c) => plainCallee(c.callee)))];
        return modelCallees.some((c) => c.startsWith(`${client}.`));
      };
      for (const call of module.calls) {
        const plain = plainCallee(call.callee);
        const httpxClient = /^httpx\.(Client|AsyncClient)$/.test(plain) && callsModel(plain);
        if (!httpxClient && !clientCalls.has(call)) continue;
        if (isNone(call, TIMEOUT_KWARGS)) yield { kind: 'concern', messageId: 'timeoutDisabled', evidence: [call.evidence], data: { call: `${call.raw}(…)`, at: at(call.evidence) } };
        else if (settingsOf(call).length) yield { kind: 'strength', messageId: 'clientSettings', evidence: [call.evidence], data: { client: `${call.raw}(…)`, settings: settingsOf(call).join(', ') } };
      }
      // httpx clients of this module by class, to read the timeout they were created with.
      const clients = new Map<string, PyCall[]>();
      for (const call of module.calls) {
        const plain = plainCallee(call.callee);
        if (!/^httpx\.(Client|AsyncClient)$/.test(plain)) continue;
        const known = clients.get(plain);
        if (known) known.push(call);
        else clients.set(plain, [call]);
      }
      for (const call of module.calls) {
        if (!isModelHttpCall(call, module)) continue;
        const plain = plainCallee(call.callee);
        const data = { call: `${call.raw}(…)`, at: at(call.evidence) };
        if (isNone(call, TIMEOUT_KWARGS)) {
          yield { kind: 'concern', messageId: 'timeoutDisabled', evidence: [call.evidence], data };
        } else if (call.kwargs['timeout']) {
          continue;
        } else if (plain.startsWith('requests.')) {
          yield { kind: 'concern', messageId: 'noTimeout', evidence: [call.evidence], data };
        } else if (/^httpx\.(post|get|request|stream)$/.test(plain)) {
          yield { kind: 'concern', messageId: 'defaultHttpxTimeout', evidence: [call.evidence], data };
        } else if (/^httpx\.(Client|AsyncClient)\./.test(plain)) {
          const constructions = clients.get(plain.slice(0, plain.lastIndexOf('.'))) ?? [];
          if (constructions.length && constructions.every((c) => !c.kwargs['timeout'])) yield { kind: 'concern', messageId: 'defaultHttpxTimeout', evidence: [call.evidence], data };
        }
      }
      // Retry loops written by hand: the model call inside a loop that counts attempts, in a function that catches errors.
      const seen = new Set<string>();
      for (const call of module.calls) {
        if (!call.inLoop || !call.scope || seen.has(call.scope) || !(pythonModelCall(call, module) || isModelHttpCall(call, module))) continue;
        // Each function is judged once, on its first looped model call.
        seen.add(call.scope);
        const fn = functionNamed(module, call.scope);
        if (!fn || ![...fn.reads.keys()].some((name) => RETRY_NAME.test(name))) continue;
        if (!module.excepts.some((e) => e.scope === fn.qualname && e.evidence.line > call.evidence.line - 5 && e.evidence.line <= fn.endLine)) continue;
        yield { kind: 'strength', messageId: 'retryLoop', evidence: [call.evidence], data: { name: fn.name } };
      }
    }
    for (const { name, fn, module, call, evidence } of decoratedWith(facts, RETRY_DECORATOR)) {
      if (!fn || !callsInFunction(fn, module).some((c) => pythonModelCall(c, module) || isModelHttpCall(c, module))) continue;
      const how = call ? `\`${call.raw}(${[...call.args.map((a) => a.text), ...Object.entries(call.kwargs).map(([k, v]) => `${k}=${v.text}`)].join(', ').slice(0, 100)})\`` : `\`@${fn.decorators.find((d) => RETRY_DECORATOR.test(plainCallee(d)))}\``;
      yield { kind: 'strength', messageId: 'retried', evidence: [evidence], data: { name, how } };
    }
    for (const call of facts.python.flatMap((m) => (isTestPath(m.path) ? [] : m.calls.filter((c) => c.name === 'with_retry')))) {
      if (/^(langchain|langchain_\w+)\./.test(call.callee)) {
        yield { kind: 'strength', messageId: 'retried', evidence: [call.evidence], data: { name: call.raw.slice(0, call.raw.lastIndexOf('.')), how: `\`.with_retry(${Object.entries(call.kwargs).map(([k, v]) => `${k}=${v.text}`).join(', ').slice(0, 80)})\`` } };
      }
    }
    for (const module of facts.scripts) {
      if (isTestPath(module.path)) continue;
      for (const call of module.calls) {
        if (!call.isNew || !SCRIPT_CLIENTS.test(plainCallee(call.callee))) continue;
        const settings = ['timeout', 'maxRetries'].flatMap((k) => {
          const option = scriptOption(call, k);
          return option ? [`${k}: ${option.text}`] : [];
        });
        if (settings.length) yield { kind: 'strength', messageId: 'clientSettings', evidence: [call.evidence], data: { client: `new ${call.raw}(…)`, settings: settings.join(', ') } };
      }
    }
  },
});
