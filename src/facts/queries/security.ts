import type { PyFunction, PyModule, PyValue } from '../types.js';
import { pythonModelCall, routeFramework } from './serving.js';

export { at } from '../evidence.js';

/** The innermost function whose body holds `line`, if any. */
export function enclosingFunction(module: PyModule, line: number): PyFunction | undefined {
  let best: PyFunction | undefined;
  for (const fn of module.functions) {
    if (fn.line <= line && line <= fn.endLine && (!best || fn.line >= best.line)) best = fn;
  }
  return best;
}

/** How a string is built from values, or null when it is a plain literal or not a string at all. */
export type Formatting = 'f-string' | '%' | '.format' | '+';

const F_STRING = /^[rRbB]?[fF][rR]?["']/;
const QUOTED = /("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/g;

/** Whether (and how) an expression builds a string from other values: `f"…{x}"`, `"…%s" % x`, `"…{}".format(x)`, `"…" + x`. */
export function formatting(value: PyValue): Formatting | null {
  const text = value.text.trim();
  if (F_STRING.test(text)) return /\{[^{}]+\}/.test(text.replace(/\{\{|\}\}/g, '')) ? 'f-string' : null;
  if (value.kind !== 'other' && value.kind !== 'call') return null;
  const outside = text.replace(QUOTED, '""');
  if (!/["']/.test(text)) return null;
  if (value.kind === 'call') return /^[rRbBuU]?("|')[\s\S]*\1\s*\.format\(/.test(text) ? '.format' : null;
  if (/""\s*%\s*[\w(]/.test(outside)) return '%';
  if (/""\s*\+|\+\s*""/.test(outside)) return '+';
  return null;
}

/** Names an expression reads outside its string literals, and inside an f-string's `{…}`: `f"Q: {req.question}"` → `req.question`. */
export function interpolatedNames(value: PyValue): string[] {
  const text = value.text;
  const names: string[] = [];
  if (F_STRING.test(text.trim())) {
    for (const slot of text.replace(/\{\{|\}\}/g, '').matchAll(/\{([^{}]+)\}/g)) names.push(...dottedNames(slot[1]!));
  }
  names.push(...dottedNames(text.replace(QUOTED, '""')));
  return [...new Set(names)];
}

function dottedNames(code: string): string[] {
  const out: string[] = [];
  for (const match of code.matchAll(/[A-Za-z_][\w]*(?:\s*\.\s*[A-Za-z_]\w*|\s*\[\s*["'][\w-]+["']\s*\])*/g)) {
    const name = match[0].replace(/\s+/g, '');
    if (/^(format|f|r|b|rf|fr|str|int|float|len|json|strip|lower|upper|join)$/.test(name)) continue;
    if (match.index > 0 && code[match.index - 1] === '.') continue; // `.format` of a literal
    out.push(name);
  }
  return out;
}

/** Names that hold what a user sent: a request, a question, a message. */
const USER_NAME = /^(question|query|user_?(input|query|question|message|prompt|text)|input_?text|message|msg|prompt|user_prompt|q|request|req|body|payload|instruction)s?$/i;

/**
 * Whether a name read at `line` holds data a user sent: a parameter of the route handler around
 * it, a field of a request object (`request.json`, `body.question`), or a name that says so (`question`, `user_input`).
 */
export function isUserInput(module: PyModule, line: number, name: string): boolean {
  const root = name.split(/[.[]/)[0]!;
  const fields = name.split(/[.[\]"']+/).filter((part) => part !== '');
  if (fields.some((part) => USER_NAME.test(part))) return true;
  if (/^(request|req)\b/.test(name) || name === 'input') return true;
  const fn = enclosingFunction(module, line);
  return !!fn && fn.params.includes(root) && fn.decorators.some((d) => routeFramework(d, module) !== null);
}

/**
 * The value a name is assigned in the same function (the nearest assignment above `line`),
 * so `query = f"SELECT … {x}"; cur.execute(query)` reads as the f-string.
 */
export function assignedValue(module: PyModule, name: string, line: number, scope: string | null): PyValue | undefined {
  let best: { value: PyValue; line: number } | undefined;
  for (const a of module.assignments) {
    if (a.target !== name || a.scope !== scope || a.evidence.line > line) continue;
    if (!best || a.evidence.line >= best.line) best = { value: a.value, line: a.evidence.line };
  }
  return best?.value;
}

/** Text that reads like a model's answer even when the call that produced it is out of sight. */
export const MODEL_TEXT = /choices\s*\[|\.content\b|generated_text|\bcompletion\b|\bllm_(output|response|answer)\b/;

/**
 * Whether a name holds a language model's output: bound to a model call (`out = llm.invoke(p)`),
 * or to a value read from one (`code = response.choices[0].message.content`), two assignments deep at most.
 */
export function holdsModelOutput(module: PyModule, name: string, line: number, scope: string | null, depth = 0): boolean {
  const root = name.split(/[.[]/)[0]!;
  for (const call of module.calls) {
    if (call.assignedTo !== root || call.scope !== scope || call.evidence.line > line) continue;
    if (pythonModelCall(call, module)) return true;
  }
  if (depth >= 2) return false;
  const value = assignedValue(module, root, line, scope);
  if (!value || value.kind === 'call') return false;
  if (MODEL_TEXT.test(value.text)) return true;
  return dottedNames(value.text).some((other) => other.split(/[.[]/)[0] !== root && holdsModelOutput(module, other, value.evidence.line, scope, depth + 1));
}

/** The full text of the string literal an expression starts with (a value's own text is cut at a line's worth). */
export function stringAt(module: PyModule, value: PyValue): string {
  let best: string | undefined;
  for (const s of module.strings) {
    if (s.evidence.line !== value.evidence.line || s.isDocstring || !value.text.includes(s.value.split('\n')[0]!.slice(0, 30))) continue;
    if (best === undefined || s.value.length > best.length) best = s.value;
  }
  return best ?? value.text;
}

const OPENERS = ['"""', "'''", '```', '"', '[', '---', '###', '<<<'];
const CLOSERS = ['"""', "'''", '```', '"', ']', '---', '###', '>>>'];

/** Whether every `{slot}` of a template naming `names` sits between delimiters (`"""{q}"""`, `<question>{q}</question>`). */
export function slotsDelimited(template: string, names: readonly string[]): boolean {
  const slots = [...template.matchAll(/\{([^{}]+)\}/g)].filter((m) => names.some((name) => m[1]!.trim().startsWith(name.split(/[.[]/)[0]!)));
  if (!slots.length) return false;
  return slots.every((m) => {
    const before = template.slice(Math.max(0, m.index - 40), m.index).trimEnd();
    const after = template.slice(m.index + m[0].length, m.index + m[0].length + 40).trimStart();
    return (OPENERS.some((o) => before.endsWith(o)) || /<[\w-]+>$/.test(before)) && (CLOSERS.some((c) => after.startsWith(c)) || /^<\/[\w-]+>/.test(after));
  });
}
