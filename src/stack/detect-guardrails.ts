import { pythonModelCall } from '../facts/queries/serving.js';
import { callsByScope } from '../facts/queries/ops.js';
import { callsInPackages, fileLineWhere } from '../facts/queries/production.js';
import { codeStrings, plainCallee, pythonCalls } from '../facts/query.js';
import type { Facts, PyCall, PyFunction, PyModule } from '../facts/types.js';
import type { Evidence } from '../types.js';
import { EvidenceMap } from './evidence-map.js';
import { productionItems } from './production-items.js';
import { GUARDRAILS } from './signals.js';
import type { StackItem } from './types.js';
import { addTo } from '../multimap.js';

const PYTHON_CALLS: readonly [string, RegExp][] = [
  ['nemo-guardrails', /^nemoguardrails\./],
  ['guardrails-ai', /^guardrails\./],
  ['presidio', /^presidio_(analyzer|anonymizer)\./],
  ['openai-moderation', /\.moderations\.create$|^openai\.Moderation\.create$|^langchain(_experimental)?\.chains\.(moderation\.)?OpenAIModerationChain$/],
];
const MODEL_IDS: readonly [string, RegExp][] = [
  ['llama-guard', /llama[-_ ]?guard/i],
  ['openai-moderation', /^(omni|text)-moderation(-|$)/],
];
/** Names of the candidate's own input/output filters. */
const GUARD_NAME =
  /^_?(is_(allowed|safe|appropriate|on_topic|off_topic|toxic|harmful|injection|prompt_injection|jailbreak|forbidden|blocked)|moderate\w*|check_(input|output|query|question|prompt|safety|toxicity|topic|content|request|user_input)|validate_(input|output|query|question|prompt|user_input)|filter_(input|output|response|answer|query|question)|sanitize_(input|output|prompt|query|question|user_input)|guard|guard_(input|output|prompt|query)|(input|output)_guard\w*|detect_(injection|prompt_injection|jailbreak|pii|toxicity)|contains_(pii|injection|forbidden\w*))$/;
/** A reply that refuses: short, and starting as a refusal does (a prompt that merely mentions one does not). */
const REFUSAL =
  /^\W{0,3}((sorry|apologies)[,.!]?\s+)?(I\s*(cannot|can't|can not|am unable to|'m unable to|am not able to|'m not able to|do not|don't)\s+(answer|help|assist|respond|provide|find|know|discuss)|(unfortunately|sorry),?\s[^.]{0,80}\b(cannot|can't|unable)\b)/i;
const MAX_REFUSAL = 200;

/**
 * `stack.guardrails`: NeMo Guardrails (code, Colang `.co` files, a `rails:` config), Guardrails AI,
 * Llama Guard model ids, OpenAI moderation calls, Presidio, and `custom` — conservatively: a
 * filter named as one (`check_input`, `is_allowed`, `moderate`…) called on the user's input before a
 * model call (or on its output after), or a refusal string used where the model is called.
 */
export function detectGuardrails(facts: Facts, models: readonly StackItem[]): StackItem[] {
  const found = new EvidenceMap();
  for (const call of pythonCalls(facts)) {
    // `client.moderations.create(...)` on any client, resolved or not.
    if (call.name === 'create' && plainCallee(call.callee).endsWith('.moderations.create')) found.add('openai-moderation', call.evidence);
  }
  for (const call of callsInPackages(facts, ['nemoguardrails', 'guardrails', 'presidio_analyzer', 'presidio_anonymizer', 'openai', 'langchain', 'langchain_experimental'])) {
    const plain = plainCallee(call.callee);
    for (const [id, pattern] of PYTHON_CALLS) if (pattern.test(plain)) found.add(id, call.evidence);
  }
  for (const call of facts.scripts.flatMap((m) => m.calls)) if (/\.moderations\.create$/.test(plainCallee(call.callee))) found.add('openai-moderation', call.evidence);
  for (const { value, evidence } of codeStrings(facts)) if (/\/v1\/moderations\b/.test(value)) found.add('openai-moderation', evidence);
  for (const model of models) {
    for (const [id, pattern] of MODEL_IDS) if (pattern.test(model.id)) for (const e of model.evidence) found.add(id, e);
  }
  for (const file of facts.files) {
    if (file.path.endsWith('.co')) found.add('nemo-guardrails', fileLineWhere(file.path, file.text, (l) => /^define\s/.test(l)));
    else if (file.path.endsWith('.rail')) found.add('guardrails-ai', fileLineWhere(file.path, file.text, (l) => l.startsWith('<rail')));
  }
  for (const doc of facts.configs) {
    const rails = doc.format === 'yaml' && doc.data && typeof doc.data === 'object' && !Array.isArray(doc.data) ? doc.data['rails'] : undefined;
    if (rails && typeof rails === 'object' && !Array.isArray(rails) && ['input', 'output', 'dialog', 'retrieval'].some((k) => Object.hasOwn(rails, k))) {
      found.add('nemo-guardrails', doc.evidenceFor(['rails']));
    }
  }
  for (const evidence of customGuards(facts)) found.add('custom', evidence);
  return productionItems(facts, [found], GUARDRAILS);
}

/** Filters called around a model call, and refusals used where the model is called. */
function customGuards(facts: Facts): Evidence[] {
  const scopes = new Map(facts.python.map((m) => [m, callsByScope(m)]));
  // Each call classified once: a model call, or not.
  const modelCalls = new Set<PyCall>();
  // Functions that call a model themselves: a call to one of them stands for the model call.
  const modelFunctions = new Set<string>();
  for (const [module, byScope] of scopes) {
    for (const [scope, calls] of byScope) {
      if (scope === null) continue;
      for (const call of calls) if (pythonModelCall(call, module)) modelCalls.add(call);
      if (calls.some((c) => modelCalls.has(c))) modelFunctions.add(scope.slice(scope.lastIndexOf('.') + 1));
    }
  }
  const refusalConstants = new Set<string>();
  for (const m of facts.python) {
    for (const a of m.assignments) if (a.scope === null && isRefusal(a.value.literal)) refusalConstants.add(a.target);
  }
  const out: Evidence[] = [];
  for (const [module, byScope] of scopes) {
    const visibleRefusals = [
      ...module.assignments.filter((a) => a.scope === null && refusalConstants.has(a.target)).map((a) => a.target),
      ...module.imports.filter((i) => i.name !== null && refusalConstants.has(i.name)).map((i) => i.alias),
    ];
    // Each refusal literal under the function that holds it.
    const refusalsIn = new Map<PyFunction, Evidence[]>();
    for (const s of module.strings) {
      const fn = !s.isDocstring && isRefusal(s.value) ? innermost(module, s.evidence.line) : undefined;
      if (fn) addTo(refusalsIn, fn, s.evidence);
    }
    for (const fn of module.functions) {
      const calls = byScope.get(fn.qualname) ?? [];
      let first = Infinity;
      let last = -Infinity;
      for (const c of calls) {
        if (!modelCalls.has(c) && !(modelFunctions.has(c.name) && c.name !== fn.name)) continue;
        first = Math.min(first, c.evidence.line);
        last = Math.max(last, c.evidence.line);
      }
      if (first === Infinity) continue;
      for (const call of calls) {
        if (!GUARD_NAME.test(call.name) || !call.args.length) continue;
        const line = call.evidence.line;
        const onInput = line < first && call.args.some((arg) => fn.params.includes(rootName(arg.text)));
        if (onInput || line > last) out.push(call.evidence);
      }
      for (const name of visibleRefusals) {
        const read = fn.reads.get(name);
        if (read) out.push(read);
      }
      out.push(...(refusalsIn.get(fn) ?? []));
    }
  }
  return out;
}

function isRefusal(value: unknown): boolean {
  return typeof value === 'string' && value.length <= MAX_REFUSAL && REFUSAL.test(value);
}

/** `body.question` → `body`; `question[:500]` → `question`. */
function rootName(text: string): string {
  return /^[A-Za-z_]\w*/.exec(text)?.[0] ?? '';
}

/** The innermost function of a module spanning a line. */
function innermost(module: PyModule, line: number): PyFunction | undefined {
  let best: PyFunction | undefined;
  for (const fn of module.functions) if (fn.line <= line && line <= fn.endLine && (!best || fn.line >= best.line)) best = fn;
  return best;
}
