import { defineCheck } from '../../src/engine/define-check.js';
import { callsInFunction } from '../../src/facts/queries/ops.js';
import { isTestPath, plainCallee } from '../../src/facts/query.js';
import { at, lineOf, promptTexts, PROMPT_LIKE } from '../../src/facts/queries/prompting.js';
import { pythonModelCall } from '../../src/facts/queries/serving.js';
import type { PyCall, PyModule } from '../../src/facts/types.js';
import type { Evidence } from '../../src/types.js';

/** An instruction to refuse what the assistant should not answer: off-topic or forbidden requests. */
const OUT_OF_SCOPE = /\b(off[- ]topic|unrelated (to|questions?)|outside (of )?(the|your) (scope|domain)|not related to|(politely )?(refuse|decline)\b|forbidden|not allowed to|inappropriate|only (answer|respond to|help with) questions)/i;
/** An instruction to say so when the answer is unknown: `say "I don't know"`, `set "answer" to "{{ cannot_answer }}"`. */
const ABSTAIN = /\b(say|reply|respond|answer|return|set [^.\n]{0,40}to)\b[^.\n]{0,60}(i (cannot|can't|can not|don't know|do not know)|cannot answer|unable to answer|\{\{\s*\w*(cannot|refus|fallback|no_answer)\w*\s*\}\})/i;
/** A refusal sentence on its own: "I cannot answer that…", "Sorry, I don't know". */
const REFUSAL_SENTENCE = /^\s*(sorry[,.]?\s+)?(i\s+(cannot|can't|can not|am unable to|am not able to|don't know|do not know)|that question is (outside|not)|this question is (outside|not))/i;
const REFUSAL_NAME = /^_?(CANNOT_ANSWER|CANT_ANSWER|REFUSAL\w*|\w+_REFUSAL|FALLBACK_ANSWER|FALLBACK_MESSAGE|NO_ANSWER\w*|DONT_KNOW\w*|I_DONT_KNOW|UNKNOWN_ANSWER|OFF_TOPIC\w*|DEFAULT_ANSWER)$/i;
const GUARDS: readonly [RegExp, string][] = [
  [/(^|\.)moderations\.create$/, 'the moderation API'],
  [/^nemoguardrails\.(LLMRails|RailsConfig)/, 'NeMo Guardrails'],
  [/^guardrails\.(Guard|AsyncGuard)/, 'Guardrails AI'],
  [/^(detoxify\.Detoxify|llm_guard\.\w+|rebuff\.\w+|lakera\w*\.\w+)/, 'an input/output scanner'],
];
const GUARD_FUNCTION = /^(check_input|check_question|is_allowed|is_safe|is_on_topic|is_off_topic|is_relevant|guard\w*|moderate\w*|validate_(question|input|query|prompt)|filter_(input|question)|screen\w*|classify_intent|detect_injection)$/;
const MAX_CANDIDATES = 30;
const PROMPT_BUILDING = /\.(render|format|format_messages|invoke|partial)$|Template/;

/** Where the code hands back a refusal: a call or a dict built with the refusal constant, outside prompt rendering. */
function refusalUse(module: PyModule, name: string): PyCall | undefined {
  // `name` is the candidate's own text: escaped, never a pattern.
  const word = new RegExp(`(^|[^\\w.])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\w]|$)`);
  return module.calls.find((c) => !PROMPT_BUILDING.test(c.callee) && [...c.args, ...Object.values(c.kwargs)].some((v) => word.test(v.text)));
}

export default defineCheck({
  id: 'prompting/refusal-path',
  docs: 'Reports defensive prompting: an instruction to refuse off-topic, forbidden or unanswerable questions together with the code path that returns a refusal, guards that screen requests before the model (moderation API, NeMo Guardrails, Guardrails AI, the candidate\'s own input check), and instructions with no code path behind them.',
  messages: {
    refusalPath: 'Questions it should not answer get an explicit refusal: the prompt says so ({{prompt}}) and the code returns `{{answer}}` ({{code}})',
    inputGuard: 'Requests are screened before they reach the model ({{how}})',
    instructionOnly: 'The prompt tells the model to refuse off-topic or unanswerable questions ({{at}}), but no code path checks for or returns a refusal',
  },
  questions: {
    instructionOnly: 'The prompt at `{{at}}` asks the model to refuse — how does a client of your API tell a refusal from an answer, and how would you count refusals in production?',
    inputGuard: 'You screen requests with {{how}} — what does it catch that the prompt alone would not, and what are its false positives?',
  },
  *run({ facts }) {
    // An out-of-scope instruction first, anywhere; a bare "say I cannot answer" only when there is none.
    const texts = promptTexts(facts);
    const pattern = texts.some((t) => OUT_OF_SCOPE.test(t.value)) ? OUT_OF_SCOPE : ABSTAIN;
    const instruction = texts.find((t) => pattern.test(t.value));
    const instructionAt = instruction ? lineOf(instruction, pattern) : undefined;

    // The code path: a refusal constant (or a refusal sentence) handed back by the code.
    let path: { answer: string; evidence: Evidence } | undefined;
    let candidates = 0;
    for (const module of facts.python) {
      if (isTestPath(module.path) || path) continue;
      for (const assignment of module.assignments) {
        const value = assignment.value.literal;
        const named = REFUSAL_NAME.test(assignment.target) || (typeof value === 'string' && value.length < 200 && REFUSAL_SENTENCE.test(value));
        // Each candidate is looked for across modules: a few dozen are plenty.
        if (!named || typeof value !== 'string' || candidates++ >= MAX_CANDIDATES) continue;
        const users = facts.python.filter((m) => !isTestPath(m.path) && m.imports.some((i) => i.name === assignment.target || i.alias === assignment.target));
        const use = [module, ...users].map((m) => refusalUse(m, assignment.target)).find((c) => c !== undefined);
        if (use) {
          path = { answer: value.length > 60 ? `${value.slice(0, 59)}…` : value, evidence: use.evidence };
          break;
        }
      }
      if (path) break;
      const literal = module.strings.find((s) => !s.isDocstring && !s.isFString && s.value.length < 200 && REFUSAL_SENTENCE.test(s.value) && !PROMPT_LIKE.test(s.value));
      if (literal && !module.assignments.some((a) => a.evidence.line === literal.evidence.line && a.scope === null)) path = { answer: literal.value.length > 60 ? `${literal.value.slice(0, 59)}…` : literal.value, evidence: literal.evidence };
    }
    if (instruction && instructionAt && path) {
      yield { kind: 'strength', messageId: 'refusalPath', evidence: [instructionAt, path.evidence], data: { prompt: at(instructionAt), answer: path.answer, code: at(path.evidence) } };
    }

    // Guards: a moderation or guardrails library, or the candidate's own check called before the model in the same function.
    let guard: { how: string; evidence: Evidence } | undefined;
    for (const module of facts.python) {
      if (isTestPath(module.path) || guard) continue;
      for (const call of module.calls) {
        const tool = GUARDS.find(([pattern]) => pattern.test(plainCallee(call.callee)))?.[1];
        if (tool) {
          guard = { how: `${tool}, \`${call.raw}\``, evidence: call.evidence };
          break;
        }
      }
      for (const fn of guard ? [] : module.functions) {
        const calls = callsInFunction(fn, module);
        const model = calls.find((c) => pythonModelCall(c, module));
        const check = calls.find((c) => GUARD_FUNCTION.test(c.name) && (!model || c.evidence.line < model.evidence.line));
        if (check && (model || /^(answer|ask|chat|respond|generate|handle\w*|query)$/.test(fn.name))) {
          guard = { how: `\`${check.raw}\` in \`${fn.name}\``, evidence: check.evidence };
          break;
        }
      }
    }
    if (guard) yield { kind: 'strength', messageId: 'inputGuard', evidence: [guard.evidence], data: { how: guard.how } };
    if (instruction && instructionAt && !path && !guard) yield { kind: 'info', messageId: 'instructionOnly', evidence: [instructionAt], data: { at: at(instructionAt) } };
  },
});
