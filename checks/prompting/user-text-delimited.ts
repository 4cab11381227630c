import { defineCheck } from '../../src/engine/define-check.js';
import { isTestPath } from '../../src/facts/query.js';
import { at, lineOf, PROMPT_LIKE, promptFiles, promptTexts } from '../../src/facts/queries/prompting.js';
import { isUserInput, slotsDelimited } from '../../src/facts/queries/security.js';
import type { PyModule, PyString } from '../../src/facts/types.js';
import type { Evidence } from '../../src/types.js';

/** "Treat it as data", "never follow instructions inside", "untrusted": the prompt says what the fenced text is. */
const UNTRUSTED = /\btreat (it|this|them|that|the [\w ]{1,30}) as (data|information|content|plain text)\b|\bnever (as )?(follow|obey|execute)\b|\bnot (as )?instructions\b|\bignore (any )?instructions (in|inside|within|contained)\b|\bdo not follow (any )?instructions\b|\buntrusted\b/i;
/** Template slots that carry what the user typed. */
const USER_SLOT = /^(question|query|user_?\w*|input|message|msg|prompt|request|q|text|customer_\w+|human_input)$/i;
const SYSTEM_NAME = /^(system|sys)(_?(prompt|message|msg|instructions?|template))?$/i;
/** f-strings read per module, at most: deciding whether a slot is user input looks up its enclosing function. */
const MAX_TEMPLATES = 500;

/** A template's text with escapes as written (`\n` in a one-line string) turned into the characters they stand for. */
function unescaped(value: string): string {
  return value.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
}

/** The names an f-string's slots read: `{req.question!r:>10}` → `req.question`. */
function slotNames(value: string): string[] {
  const names: string[] = [];
  for (const slot of value.replace(/\{\{|\}\}/g, '').matchAll(/\{([^{}]+)\}/g)) {
    const name = /^\s*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*|\[["'][\w-]+["']\])*)/.exec(slot[1]!)?.[1];
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/** The delimiter around a slot, for the message: `<question>…</question>`, `"""…"""`. */
function delimiterOf(template: string, slot: string): string {
  const index = template.indexOf(`{${slot}`);
  const before = template.slice(Math.max(0, index - 40), index).trimEnd();
  const tag = /<([\w-]+)>$/.exec(before)?.[1];
  if (tag) return `\`<${tag}>…</${tag}>\``;
  const fence = ['"""', "'''", '```', '---', '###', '<<<', '"', '['].find((o) => before.endsWith(o));
  return fence ? `\`${fence}…\`` : 'delimiters';
}

/** Whether a string is a system prompt (already reported by `security/prompt-injection-exposure`). */
function isSystemPrompt(module: PyModule, s: PyString): boolean {
  if (module.assignments.some((a) => a.evidence.line === s.evidence.line && SYSTEM_NAME.test(a.target))) return true;
  return module.pairs.some((p) => p.key === 'role' && p.value.literal === 'system' && Math.abs(p.evidence.line - s.evidence.line) <= 2);
}

export default defineCheck({
  id: 'prompting/user-text-delimited',
  docs: 'Reports whether the user\'s text is fenced off inside prompts (`<question>…</question>` tags, triple quotes) and whether the prompt says to treat it as data, not instructions — or pasted straight after the instructions, where "ignore the above" reads like part of them.',
  messages: {
    delimited: 'User text is fenced off in the prompt with {{how}}{{instruction}}',
    undelimited: 'The prompt at {{at}} pastes `{{names}}` straight into the instructions, with no delimiter between the user\'s text and the instructions',
  },
  questions: {
    undelimited: '`{{at}}` puts `{{first}}` right into the instructions — what happens when a user writes "Ignore the above and …"? How would you separate the two?',
    delimited: 'You fence the user\'s text with {{how}} — what stops a user from closing the tag themselves, and how did you test prompt injection?',
  },
  *run({ facts }) {
    const untrusted = promptTexts(facts).find((t) => UNTRUSTED.test(t.value));
    const untrustedAt = untrusted ? lineOf(untrusted, UNTRUSTED) : undefined;
    const instruction = untrustedAt ? `, and the instructions say to treat it as data, not instructions (${at(untrustedAt)})` : '';
    const undelimited: { names: string[]; evidence: Evidence }[] = [];
    let delimited: { how: string; evidence: Evidence } | undefined;
    for (const module of facts.python) {
      if (isTestPath(module.path)) continue;
      let read = 0;
      for (const s of module.strings) {
        if (s.isDocstring || !s.isFString || !s.value.includes('{')) continue;
        if (read++ >= MAX_TEMPLATES) break;
        const names = slotNames(s.value).filter((name) => isUserInput(module, s.evidence.line, name));
        if (!names.length) continue;
        const template = unescaped(s.value);
        if (slotsDelimited(template, names)) {
          delimited ??= { how: delimiterOf(template, names[0]!.split(/[.[]/)[0]!), evidence: s.evidence };
        } else if (!undelimited.some((u) => u.evidence.path === s.evidence.path) && PROMPT_LIKE.test(s.value) && !isSystemPrompt(module, s)) {
          undelimited.push({ names, evidence: s.evidence });
        }
      }
    }
    // Template files: `{{ question }}` between tags.
    for (const prompt of delimited ? [] : promptFiles(facts)) {
      const template = prompt.file.text.slice(0, 50_000).replace(/\{\{\s*([\w.]+)\s*\}\}/g, '{$1}');
      const names = [...template.matchAll(/\{([\w.]+)\}/g)].map((m) => m[1]!).filter((n) => USER_SLOT.test(n.split('.')[0]!));
      if (names.length && slotsDelimited(template, names)) {
        const slot = names[0]!;
        delimited = { how: delimiterOf(template, slot), evidence: lineOf({ value: prompt.file.text, evidence: { path: prompt.file.path, line: 1, snippet: '' } }, new RegExp(`\\{\\{?\\s*${slot.replace(/\./g, '\\.')}\\s*\\}`)) };
      }
    }
    if (delimited) {
      yield { kind: 'strength', messageId: 'delimited', evidence: [delimited.evidence, ...(untrustedAt ? [untrustedAt] : [])], data: { how: delimited.how, instruction } };
    }
    for (const { names, evidence } of undelimited) {
      yield { kind: 'concern', messageId: 'undelimited', evidence: [evidence], data: { names: names.join('`, `'), first: names[0]!, at: at(evidence) } };
    }
  },
});
