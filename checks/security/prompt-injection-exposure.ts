import { defineCheck } from '../../src/engine/define-check.js';
import { isTestPath, plainCallee } from '../../src/facts/query.js';
import { at, formatting, interpolatedNames, isUserInput, slotsDelimited, stringAt } from '../../src/facts/queries/security.js';
import type { PyModule, PyValue } from '../../src/facts/types.js';
import type { Evidence } from '../../src/types.js';

/** Keyword arguments that are the system prompt: Anthropic's `system=`, OpenAI Responses' `instructions=`. */
const SYSTEM_KWARGS = new Set(['system', 'instructions', 'system_prompt', 'system_message']);
const SYSTEM_MESSAGE = /(^|\.)(SystemMessage|SystemMessagePromptTemplate\.from_template|SystemPromptTemplate)$/;
const SYSTEM_NAME = /^(system|sys)(_?(prompt|message|msg|instructions?|template))?$/i;

interface Exposure {
  value: PyValue;
  names: string[];
  evidence: Evidence;
}

/** The user-input names a system prompt value is built from, when it interpolates any without delimiting them. */
function userInputIn(module: PyModule, value: PyValue): string[] {
  if (!formatting(value) && !(value.kind === 'call' && /\.format\(/.test(value.text))) return [];
  const names = interpolatedNames(value).filter((name) => isUserInput(module, value.evidence.line, name));
  if (!names.length) return [];
  return slotsDelimited(stringAt(module, value), names) ? [] : names;
}

function* exposures(module: PyModule): Generator<Exposure> {
  // {"role": "system", "content": f"… {question}"}
  const pairs = module.pairs;
  for (let i = 0; i < pairs.length; i++) {
    const role = pairs[i]!;
    if (role.key !== 'role' || role.value.literal !== 'system') continue;
    const content = [pairs[i + 1], pairs[i - 1]].find((p) => p?.key === 'content' && Math.abs(p.evidence.line - role.evidence.line) <= 3);
    if (!content) continue;
    const names = userInputIn(module, content.value);
    if (names.length) yield { value: content.value, names, evidence: content.value.evidence };
  }
  for (const call of module.calls) {
    // client.messages.create(system=f"…{question}"), SystemMessage(content=f"…{question}")
    const values = Object.entries(call.kwargs).filter(([key]) => SYSTEM_KWARGS.has(key)).map(([, v]) => v);
    if (SYSTEM_MESSAGE.test(plainCallee(call.callee))) values.push(...[call.kwargs['content'] ?? call.kwargs['template'] ?? call.args[0]].filter((v) => v !== undefined));
    for (const value of values) {
      const names = userInputIn(module, value);
      if (names.length) yield { value, names, evidence: call.evidence };
    }
  }
  // system_prompt = f"You are … {question}"
  for (const a of module.assignments) {
    if (!SYSTEM_NAME.test(a.target)) continue;
    const names = userInputIn(module, a.value);
    if (names.length) yield { value: a.value, names, evidence: a.evidence };
  }
}

export default defineCheck({
  id: 'security/prompt-injection-exposure',
  docs: 'Reports system prompts built with the user\'s text (`{"role": "system", "content": f"…{question}"}`, `system=f"…"`, `system_prompt = f"…{query}"`) without delimiting it, so a user can rewrite the instructions.',
  messages: {
    userTextInSystemPrompt: 'The system prompt interpolates `{{names}}` from the user without delimiting it: the user\'s text carries the same authority as the instructions',
  },
  questions: {
    userTextInSystemPrompt: '`{{at}}` puts `{{first}}` into the system prompt — what happens if a user sends "Ignore the instructions above and …"? How would you separate instructions from user text?',
  },
  *run({ facts }) {
    for (const module of facts.python) {
      if (isTestPath(module.path)) continue;
      const seen = new Set<number>();
      for (const exposure of exposures(module)) {
        if (seen.has(exposure.evidence.line)) continue;
        seen.add(exposure.evidence.line);
        yield {
          kind: 'concern',
          messageId: 'userTextInSystemPrompt',
          evidence: [exposure.evidence],
          data: { names: exposure.names.join('`, `'), first: exposure.names[0]!, at: at(exposure.evidence) },
        };
      }
    }
  },
});
