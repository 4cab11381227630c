import { defineCheck } from '../../src/engine/define-check.js';
import { callsInFunction, functionNamed } from '../../src/facts/queries/ops.js';
import { isTestPath, plainCallee } from '../../src/facts/query.js';
import { at } from '../../src/facts/queries/prompting.js';
import { MODEL_TEXT, holdsModelOutput } from '../../src/facts/queries/security.js';
import { pythonModelCall, scriptModelCall } from '../../src/facts/queries/serving.js';
import type { PyCall, PyExcept, PyModule } from '../../src/facts/types.js';
import type { Evidence } from '../../src/types.js';

const PYDANTIC_BASE = /(^|\.)(BaseModel|RootModel)$/;
const VALIDATE_METHOD = /^(model_validate_json|model_validate|parse_raw|parse_obj|validate_json|validate_python)$/;
/** Structured output asked of the model itself: JSON mode, a schema, tools, a typed parser. */
const STRUCTURED_KWARGS: readonly [string, (text: string) => string | null][] = [
  ['response_format', (t) => (/json_schema|BaseModel|^[A-Z]\w*$/.test(t) ? `\`response_format\` with a schema` : /json/.test(t) ? 'JSON mode (`response_format`)' : null)],
  ['response_model', () => 'instructor `response_model`'],
  ['tools', () => 'tool calling (`tools=`)'],
  ['functions', () => 'function calling (`functions=`)'],
  ['format', (t) => (/model_json_schema|schema/.test(t) ? 'Ollama `format=` with a JSON schema' : /["']json["']/.test(t) ? 'Ollama JSON mode (`format="json"`)' : null)],
  ['guided_json', () => 'vLLM guided decoding (`guided_json`)'],
  ['response_schema', () => '`response_schema`'],
];
const STRUCTURED_CALLS: readonly [RegExp, string][] = [
  [/\.with_structured_output$/, '`with_structured_output`'],
  [/^openai\.\w+\.beta\.chat\.completions\.parse$|^openai\.\w+\.chat\.completions\.parse$|^openai\.\w+\.responses\.parse$/, 'the OpenAI `parse` helper'],
  [/^instructor\.(from_openai|from_anthropic|from_litellm|patch|from_provider)$/, 'instructor'],
  [/^langchain\w*(\.\w+)*\.(PydanticOutputParser|JsonOutputParser|StructuredOutputParser|PydanticToolsParser|JsonOutputToolsParser)$/, 'a LangChain output parser'],
  [/^outlines\.generate\.(json|regex|choice)$/, 'outlines constrained generation'],
];
const RETRY_PARSERS = /^langchain\w*(\.\w+)*\.(OutputFixingParser|RetryOutputParser|RetryWithErrorOutputParser)(\.from_llm)?$/;
const INVALID_OUTPUT = /ValidationError|JSONDecodeError|OutputParserException|ValueError|json\.decoder/;
/** Parse and validation calls traced back to a model call, per module at most: each trace reads the module's calls. */
const MAX_TRACED = 200;

/** The name a call is made on, as written: `Answer.model_validate_json` → `Answer`. */
function receiverOf(raw: string): string {
  const dot = raw.indexOf('.');
  return dot < 0 ? raw : raw.slice(0, dot);
}

function pydanticModels(facts: { python: PyModule[] }): Set<string> {
  return new Set(facts.python.flatMap((m) => m.classes.filter((c) => c.bases.some((b) => (PYDANTIC_BASE.test(b) && /pydantic|langchain/.test(b)) || b === 'BaseModel')).map((c) => c.name)));
}

export default defineCheck({
  id: 'prompting/structured-output-validation',
  docs: 'Reports structured output from the model: asked for (JSON mode, a JSON schema, tool calling, instructor, output parsers), validated (pydantic, jsonschema, zod) and retried when invalid — and model answers parsed with `json.loads` with no validation or error handling.',
  messages: {
    nativeStructured: 'The model is asked for structured output: {{how}} ({{at}})',
    validated: 'The model\'s answer is validated against `{{schema}}` (`{{call}}`)',
    retriesInvalid: 'An answer that fails validation is retried ({{how}})',
    unvalidatedJson: '`{{call}}` parses the model\'s answer with no schema check and no error handling: a malformed reply raises',
  },
  questions: {
    validated: 'How often did the model\'s answer fail validation against `{{schema}}`, and what does the user get when it does?',
    unvalidatedJson: 'What happens at `{{at}}` when the model wraps its JSON in prose or leaves out a field?',
  },
  *run({ facts }) {
    const models = pydanticModels(facts);
    let native: { how: string; evidence: Evidence } | undefined;
    let validated: { schema: string; raw: string; evidence: Evidence } | undefined;
    let retry: { how: string; evidence: Evidence } | undefined;
    const unvalidated: PyCall[] = [];
    for (const module of facts.python) {
      if (isTestPath(module.path)) continue;
      let traced = 0;
      for (const call of module.calls) {
        const plain = plainCallee(call.callee);
        const model = pythonModelCall(call, module);
        if (model && !native) {
          for (const [key, describe] of STRUCTURED_KWARGS) {
            const how = call.kwargs[key] ? describe(call.kwargs[key].text) : null;
            if (how) {
              native = { how, evidence: call.evidence };
              break;
            }
          }
        }
        if (!native) {
          const how = STRUCTURED_CALLS.find(([pattern]) => pattern.test(plain))?.[1];
          if (how) native = { how, evidence: call.evidence };
        }
        if (model && call.kwargs['response_model'] && call.kwargs['max_retries'] && !retry) retry = { how: `instructor \`max_retries=${call.kwargs['max_retries'].text}\``, evidence: call.evidence };
        if (RETRY_PARSERS.test(plain) && !retry) retry = { how: `\`${call.raw}\``, evidence: call.evidence };
        const receiver = VALIDATE_METHOD.test(call.name) ? receiverOf(call.raw) : undefined;
        const validates = (receiver !== undefined && models.has(receiver)) || /^pydantic\.TypeAdapter(\(\))?\.validate_(json|python)$/.test(call.callee) || plain === 'jsonschema.validate';
        if (validates && !validated && traced++ < MAX_TRACED) {
          const fn = functionNamed(module, call.scope);
          const arg = call.args[0] ?? call.kwargs['instance'];
          const aboutModel = (fn && callsInFunction(fn, module).some((c) => pythonModelCall(c, module))) || (arg && (MODEL_TEXT.test(arg.text) || holdsModelOutput(module, arg.text, call.evidence.line, call.scope)));
          if (aboutModel) validated = { schema: receiver !== undefined && models.has(receiver) ? receiver : plain === 'jsonschema.validate' ? (call.kwargs['schema']?.text ?? 'a JSON schema') : 'a pydantic type', raw: call.raw, evidence: call.evidence };
        }
        if (plain === 'json.loads' && traced++ < MAX_TRACED) {
          const arg = call.args[0];
          if (arg && (MODEL_TEXT.test(arg.text) || holdsModelOutput(module, arg.text, call.evidence.line, call.scope))) unvalidated.push(call);
        }
      }
      // A model call inside a loop, in a function that catches invalid output: a retry on invalid answers.
      if (!retry) {
        // The first handler of invalid output in each function, found in one pass over the module's handlers.
        const caughtIn = new Map<string | null, PyExcept>();
        for (const e of module.excepts) if (!caughtIn.has(e.scope) && INVALID_OUTPUT.test(e.types)) caughtIn.set(e.scope, e);
        for (const fn of module.functions) {
          const caught = caughtIn.get(fn.qualname);
          if (caught && callsInFunction(fn, module).some((c) => c.inLoop && pythonModelCall(c, module))) {
            retry = { how: `\`${fn.name}\` calls the model again after \`except ${caught.types.replace(/\s+as\s+\w+$/, '')}\``, evidence: caught.evidence };
            break;
          }
        }
      }
    }
    for (const module of facts.scripts) {
      if (isTestPath(module.path)) continue;
      const talksToModel = module.calls.some((c) => scriptModelCall(c));
      for (const call of module.calls) {
        const plain = plainCallee(call.callee);
        if (!native && (/^ai\.(generateObject|streamObject)$/.test(plain) || /zodResponseFormat$/.test(plain) || /\.withStructuredOutput$/.test(plain))) native = { how: `\`${call.raw}\``, evidence: call.evidence };
        // `Answer.parse(JSON.parse(text))` where `Answer = z.object(…)`, in a module that calls a model.
        const zodParse = /^zod\./.test(plain) && /\.(parse|safeParse|parseAsync|safeParseAsync)$/.test(plain) && call.callee.includes('()');
        if (!validated && talksToModel && zodParse) validated = { schema: call.raw.slice(0, call.raw.lastIndexOf('.')), raw: call.raw, evidence: call.evidence };
      }
    }
    if (native) yield { kind: 'strength', messageId: 'nativeStructured', evidence: [native.evidence], data: { how: native.how, at: at(native.evidence) } };
    if (validated) yield { kind: 'strength', messageId: 'validated', evidence: [validated.evidence], data: { schema: validated.schema, call: `${validated.raw}(…)` } };
    if (retry) yield { kind: 'strength', messageId: 'retriesInvalid', evidence: [retry.evidence], data: { how: retry.how } };
    if (validated) return;
    const reported = new Set<string>();
    for (const call of unvalidated) {
      if (reported.has(call.evidence.path)) continue;
      const module = facts.python.find((m) => m.path === call.evidence.path)!;
      const handled = module.excepts.some((e) => e.scope === call.scope && e.evidence.line > call.evidence.line && (e.bare || INVALID_OUTPUT.test(e.types) || /^\(?\s*(Exception|BaseException)\b/.test(e.types)));
      if (handled) continue;
      reported.add(call.evidence.path);
      yield { kind: 'concern', messageId: 'unvalidatedJson', evidence: [call.evidence], data: { call: `${call.raw}(…)`, at: at(call.evidence) } };
    }
  },
});
