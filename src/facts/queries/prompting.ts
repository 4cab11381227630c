import type { Evidence, SourceFile } from '../../types.js';
import { snippetOf } from '../evidence.js';
import { codeStrings, isTestPath, plainCallee } from '../query.js';
import type { Facts, PyModule, PyString } from '../types.js';

export { at } from '../evidence.js';

/** Text that instructs a model: a role, a task, a format, or the labelled slots of a template. */
export const PROMPT_LIKE = /\b(you are|you're an?|act as|your task|answer (the|this|only|using|based|in|with|from|briefly|concisely)|respond (with|in|only|using)|reply (with|in|only)|use (only )?the (following|context|documents|information)|given the (following|context)|based (only )?on the (following|context|documents))\b|^[ \t]*(system|instructions?|context|question|answer)[ \t]*:/im;

const PROMPT_FILE_EXT = /\.(prompt|j2|jinja2?|tmpl|mustache|hbs|txt|md|ya?ml|json|toml)$/i;
const PROMPT_DIR = /(^|\/)(prompts?|prompt_templates|templates\/prompts?)\//i;
const TEMPLATE_EXT = /\.(prompt|j2|jinja2?|tmpl|mustache)$/i;

/** A prompt kept in its own file: a `prompts/` folder, or a `.prompt`/`.j2` template whose text instructs a model. */
export interface PromptFile {
  file: SourceFile;
  /** First non-blank line. */
  evidence: Evidence;
}

/** Prompt files of the submission (READMEs and tests left out). */
export function promptFiles(facts: Facts): PromptFile[] {
  const out: PromptFile[] = [];
  for (const file of facts.files) {
    if (isTestPath(file.path) || /(^|\/)readme[^/]*$/i.test(file.path) || !PROMPT_FILE_EXT.test(file.path)) continue;
    const inPromptDir = PROMPT_DIR.test(file.path);
    if (!inPromptDir && !(TEMPLATE_EXT.test(file.path) && PROMPT_LIKE.test(file.text.slice(0, 20_000)))) continue;
    const lines = file.text.split('\n', 200);
    const index = Math.max(0, lines.findIndex((l) => l.trim() !== ''));
    out.push({ file, evidence: { path: file.path, line: index + 1, snippet: snippetOf(lines[index]) } });
  }
  return out;
}

const stringIndexes = new WeakMap<Facts, Map<string, Evidence>>();

/** Code strings (tests left out) by their text and by their last path segment, indexed once per facts. */
function stringIndex(facts: Facts): Map<string, Evidence> {
  let index = stringIndexes.get(facts);
  if (!index) {
    index = new Map();
    for (const s of codeStrings(facts)) {
      if (isTestPath(s.evidence.path) || s.value.length > 300) continue;
      const value = s.value.trim();
      for (const key of [value, value.slice(value.lastIndexOf('/') + 1)]) if (key && !index.has(key)) index.set(key, s.evidence);
    }
    stringIndexes.set(facts, index);
  }
  return index;
}

/** The code string that names a prompt file (its name, its stem, or its folder), if any: the file is loaded, not just lying there. */
export function promptFileReference(facts: Facts, prompt: PromptFile): Evidence | undefined {
  const index = stringIndex(facts);
  const path = prompt.file.path;
  const name = path.slice(path.lastIndexOf('/') + 1);
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : null;
  const keys = [name, name.replace(/\.[^.]+$/, ''), ...(folder ? [folder, folder.slice(folder.lastIndexOf('/') + 1)] : [])];
  for (const key of keys) {
    const evidence = index.get(key);
    if (evidence) return evidence;
  }
  return undefined;
}

// ---------------------------------------------------------------- template objects

const PY_TEMPLATES: readonly [RegExp, string][] = [
  [/^langchain\w*(\.\w+)*\.(PromptTemplate|ChatPromptTemplate|SystemMessagePromptTemplate|HumanMessagePromptTemplate|AIMessagePromptTemplate|FewShotPromptTemplate|FewShotChatMessagePromptTemplate|MessagesPlaceholder)(\.(from_template|from_messages|from_file|from_examples))?$/, 'LangChain prompt templates'],
  [/^llama_index(\.\w+)*\.(PromptTemplate|ChatPromptTemplate|RichPromptTemplate|SelectorPromptTemplate)$/, 'LlamaIndex prompt templates'],
  [/^jinja2\.(Template|Environment\.(get_template|from_string))$/, 'Jinja2 templates'],
  [/^string\.Template$/, '`string.Template`'],
  [/^haystack(\.\w+)*\.(PromptBuilder|ChatPromptBuilder)$/, 'Haystack prompt builders'],
  [/^dspy\.(Predict|ChainOfThought|ReAct|ProgramOfThought|Signature)$/, 'DSPy signatures'],
  [/^(guidance|outlines)\.\w+/, 'a constrained-generation template'],
];
const PY_REGISTRY = /^(langchain\.hub\.pull|langchainhub\.Client\.pull|langsmith\.Client\.pull_prompt|langfuse\.Langfuse\.get_prompt|promptlayer\.\w+\.templates\.get|mlflow\.(genai\.)?load_prompt)$/;
const SCRIPT_TEMPLATES = /^(@langchain\/core\/prompts|langchain\/prompts|@llamaindex\/core\/prompts|llamaindex)\.(PromptTemplate|ChatPromptTemplate|SystemMessagePromptTemplate|HumanMessagePromptTemplate|FewShotPromptTemplate|FewShotChatMessagePromptTemplate)/;

/** A prompt built by a template object or pulled from a registry. */
export interface TemplateUse {
  what: string;
  registry: boolean;
  evidence: Evidence;
  call: string;
}

/** Template objects and prompt registries the code uses (tests left out), in file order. */
export function templateUses(facts: Facts): TemplateUse[] {
  const out: TemplateUse[] = [];
  for (const module of facts.python) {
    if (isTestPath(module.path)) continue;
    for (const call of module.calls) {
      const plain = plainCallee(call.callee);
      if (PY_REGISTRY.test(plain)) {
        out.push({ what: 'a prompt registry', registry: true, evidence: call.evidence, call: `${call.raw}(…)` });
        continue;
      }
      const what = PY_TEMPLATES.find(([pattern]) => pattern.test(plain))?.[1];
      if (what) out.push({ what, registry: false, evidence: call.evidence, call: `${call.raw}(…)` });
    }
    for (const cls of module.classes) {
      if (cls.bases.some((b) => /^dspy\.Signature$/.test(b))) out.push({ what: 'DSPy signatures', registry: false, evidence: cls.evidence, call: cls.name });
    }
  }
  for (const module of facts.scripts) {
    if (isTestPath(module.path)) continue;
    for (const call of module.calls) {
      if (SCRIPT_TEMPLATES.test(plainCallee(call.callee))) out.push({ what: 'LangChain.js prompt templates', registry: false, evidence: call.evidence, call: `${call.raw}(…)` });
    }
  }
  return out;
}

// ---------------------------------------------------------------- inline prompts

/** An inline prompt: an f-string (or a `.format` template) in code whose text instructs a model. */
export interface InlinePrompt {
  string: PyString;
  module: PyModule;
}

/** An instruction to a model (the first half of `PROMPT_LIKE`, without the bare labels). */
const INSTRUCTION = /\b(you are|you're an?|act as|your task|answer (the|this|only|using|based|in|with|from|briefly|concisely)|respond (with|in|only|using)|reply (with|in|only)|use (only )?the (following|context|documents|information)|given the (following|context)|based (only )?on the (following|context|documents))\b/i;
const LABEL = /(^|\\n|\n)[ \t]*(system|instructions?|context|question|answer)[ \t]*:/gi;
/** Calls that print or log: a string inside them is output, not a prompt. */
const OUTPUT_CALL = /^(print|logging\.\w+)$|(^|\.)(info|debug|warning|warn|error|exception|critical|log|write|echo|secho)$/;

/** Whether a string reads like a prompt: an instruction, or at least two labelled slots (`Context: … Question: …`). */
export function isPromptText(value: string): boolean {
  return INSTRUCTION.test(value) || (value.match(LABEL) ?? []).length >= 2;
}

/** Prompt strings built inline in Python code (tests left out): f-strings and `"…{x}…".format(…)` that read like prompts, outside print and log calls. */
export function inlinePrompts(facts: Facts): InlinePrompt[] {
  const out: InlinePrompt[] = [];
  for (const module of facts.python) {
    if (isTestPath(module.path)) continue;
    const formatLines = new Set(module.calls.filter((c) => c.name === 'format' && /^[rRuU]?("|')/.test(c.raw)).map((c) => c.evidence.line));
    const outputLines = new Set(module.calls.filter((c) => OUTPUT_CALL.test(plainCallee(c.callee))).map((c) => c.evidence.line));
    for (const s of module.strings) {
      if (s.isDocstring || outputLines.has(s.evidence.line) || !(s.isFString || (formatLines.has(s.evidence.line) && /\{\w*\}/.test(s.value)))) continue;
      if (isPromptText(s.value)) out.push({ string: s, module });
    }
  }
  return out;
}

const promptTextsOf = new WeakMap<Facts, readonly { value: string; evidence: Evidence }[]>();

/** Every text that may be a prompt: code strings that read like instructions, and prompt files (listed once per facts: several checks read them). */
export function promptTexts(facts: Facts): readonly { value: string; evidence: Evidence }[] {
  let texts = promptTextsOf.get(facts);
  if (!texts) {
    const code = codeStrings(facts).filter((s) => !isTestPath(s.evidence.path) && s.value.length >= 20 && PROMPT_LIKE.test(s.value));
    // A file's evidence is its line 1, so that `lineOf` counts lines from the top of the file.
    const files = promptFiles(facts).map((p) => ({ value: p.file.text.slice(0, 50_000), evidence: { path: p.file.path, line: 1, snippet: snippetOf(p.file.text.split('\n', 1)[0]) } }));
    promptTextsOf.set(facts, (texts = [...code, ...files]));
  }
  return texts;
}

/** Evidence for the line of a prompt file (or code string) where `pattern` first matches. */
export function lineOf(text: { value: string; evidence: Evidence }, pattern: RegExp): Evidence {
  const match = pattern.exec(text.value);
  if (!match) return text.evidence;
  const before = text.value.slice(0, match.index);
  const offset = before.split('\n').length - 1;
  const line = text.value.split('\n')[offset] ?? '';
  return { path: text.evidence.path, line: text.evidence.line + offset, snippet: snippetOf(line), ...(text.evidence.cell !== undefined && { cell: text.evidence.cell }) };
}
