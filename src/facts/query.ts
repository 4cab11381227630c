import type { Evidence, SourceFile } from '../types.js';
import { memoised } from '../memoised.js';
import { addTo, trimLists } from '../multimap.js';
import { snippetOf } from './evidence.js';
import type { Facts, PyCall, PyModule, PyValue, ScriptCall } from './types.js';

/** An import in any language, as one dotted (Python) or specifier (npm) name. */
export interface ImportedName {
  /** `langchain_community.vectorstores.Chroma`, `chromadb`, `@langchain/openai`, `langchain/vectorstores/memory`. */
  full: string;
  /** The imported module or package specifier alone. */
  module: string;
  /** The imported name, if any (`Chroma`). */
  name: string | null;
  language: 'python' | 'script';
  evidence: Evidence;
}

export function importedNames(facts: Facts): ImportedName[] {
  const out: ImportedName[] = [];
  for (const m of facts.python) {
    for (const i of m.imports) {
      if (i.module.startsWith('.')) continue;
      const full = i.name && i.name !== '*' ? `${i.module}.${i.name}` : i.module;
      out.push({ full, module: i.module, name: i.name, language: 'python', evidence: i.evidence });
    }
  }
  for (const m of facts.scripts) {
    for (const i of m.imports) {
      if (i.module.startsWith('.') || i.module.startsWith('/') || i.module.startsWith('node:')) continue;
      out.push({ full: i.module, module: i.module, name: i.name, language: 'script', evidence: i.evidence });
    }
  }
  return out;
}

/**
 * Whether a dotted or specifier name falls under a pattern: the pattern itself, anything below it
 * (`chromadb` covers `chromadb.config`; `@langchain/community` covers `@langchain/community/vectorstores/chroma`),
 * or, for a pattern ending in `*`, anything starting with its prefix (`langchain_*`).
 */
export function nameMatches(name: string, pattern: string): boolean {
  if (pattern.endsWith('*')) return name.startsWith(pattern.slice(0, -1));
  if (name === pattern) return true;
  if (!name.startsWith(pattern)) return false;
  const next = name[pattern.length];
  return next === '.' || next === '/';
}

const withoutCallMarkers = memoised((callee: string) => callee.replace(/\(\)/g, ''), 100_000);

/** A callee without call markers: `a.B().c` → `a.B.c` (memoised: detectors ask for the same callees often). */
export function plainCallee(callee: string): string {
  // Most callees have no call marker: no lookup, no copy.
  return callee.includes('()') ? withoutCallMarkers(callee) : callee;
}

/** A callee pattern taken apart once: `calleeMatches` runs per call per pattern. */
interface CalleePattern {
  /** `*.name` patterns: the bare name and `.name`. */
  star: { name: string; suffix: string } | null;
  /** Otherwise the re-export test: `pkg.` prefix and `.Last` suffix, or null when the pattern has `()`. */
  reexport: { prefix: string; suffix: string } | null;
}

const calleePattern = memoised((pattern: string): CalleePattern => {
  if (pattern.startsWith('*.')) return { star: { name: pattern.slice(2), suffix: pattern.slice(1) }, reexport: null };
  const [pkg] = pattern.split('.');
  const last = pattern.slice(pattern.lastIndexOf('.') + 1);
  return { star: null, reexport: pattern.includes('()') ? null : { prefix: `${pkg}.`, suffix: `.${last}` } };
}, 10_000);

/**
 * Whether a resolved callee is the named API: exactly, through a re-export (same package, same
 * last name: `peft.tuners.lora.LoraConfig` is `peft.LoraConfig`), or any callee ending in the
 * name for `*.name` patterns.
 */
export function calleeMatches(callee: string, pattern: string): boolean {
  const plain = plainCallee(callee);
  const { star, reexport } = calleePattern(pattern);
  if (star) return plain === star.name || plain.endsWith(star.suffix);
  if (plain === pattern) return true;
  return reexport !== null && plain.startsWith(reexport.prefix) && plain.endsWith(reexport.suffix);
}

const callsOf = new WeakMap<Facts, PyCall[]>();

/** Every Python call of the submission (notebooks included), flattened once per facts. */
export function pythonCalls(facts: Facts): PyCall[] {
  let calls = callsOf.get(facts);
  if (!calls) callsOf.set(facts, (calls = facts.python.flatMap((m) => m.calls)));
  return calls;
}

/** The last dotted segment of a callee or pattern: `openai.OpenAI.chat.completions.create` → `create`. */
function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

const callsByLastSegment = new WeakMap<Facts, Map<string, number[]>>();

/**
 * Positions in `pythonCalls(facts)` of the calls that may match one of the patterns, in order.
 * A callee matches a pattern only if their last segments agree (exactly, through a re-export, or
 * by a `*.name` suffix), so the calls are indexed once by that segment instead of testing each.
 */
function candidateCalls(facts: Facts, patterns: readonly string[]): number[] {
  let index = callsByLastSegment.get(facts);
  if (!index) {
    index = new Map();
    const calls = pythonCalls(facts);
    for (let i = 0; i < calls.length; i++) addTo(index, lastSegment(plainCallee(calls[i]!.callee)), i);
    callsByLastSegment.set(facts, trimLists(index));
  }
  const keys = new Set(patterns.map(lastSegment));
  const positions: number[] = [];
  for (const key of keys) for (const i of index.get(key) ?? []) positions.push(i);
  return keys.size > 1 ? positions.sort((a, b) => a - b) : positions;
}

/** Python calls to any of the patterns (`calleeMatches`), in the order of `pythonCalls`. */
export function pythonCallsTo(facts: Facts, patterns: readonly string[]): PyCall[] {
  const calls = pythonCalls(facts);
  const out: PyCall[] = [];
  for (const i of candidateCalls(facts, patterns)) {
    const call = calls[i]!;
    if (patterns.some((p) => calleeMatches(call.callee, p))) out.push(call);
  }
  return out;
}

export function scriptCallsTo(facts: Facts, patterns: readonly string[]): ScriptCall[] {
  return facts.scripts.flatMap((m) => m.calls).filter((call) => patterns.some((p) => calleeMatches(call.callee, p)));
}

/** A call's keyword argument or, when given, its positional argument at `position`. */
export function argument(call: PyCall, keyword: string, position?: number): PyValue | undefined {
  return call.kwargs[keyword] ?? (position === undefined ? undefined : call.args[position]);
}

/**
 * Whether a file is a test: pytest's naming rules, `*.test.ts`/`*.spec.js`, or a `tests`/`__tests__`
 * folder. Memoised: checks ask it of every call, string and function they look at, and a large
 * repository's facts share each path.
 */
export const isTestPath = memoised((path: string): boolean => {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return (
    /^test_.*\.py$/.test(name) ||
    /_test\.py$/.test(name) ||
    name === 'conftest.py' ||
    /\.(test|spec)\.[cm]?[jt]sx?$/.test(name) ||
    /(^|\/)(tests?|__tests__)\//.test(path)
  );
}, 100_000);

const codeStringsOf = new WeakMap<Facts, readonly { value: string; evidence: Evidence }[]>();

/** String literals of code (Python, notebooks, TypeScript/JavaScript), docstrings excluded (listed once per facts: a dozen detectors and checks read them). */
export function codeStrings(facts: Facts): readonly { value: string; evidence: Evidence }[] {
  let strings = codeStringsOf.get(facts);
  if (!strings) codeStringsOf.set(facts, (strings = [...facts.python.flatMap((m) => m.strings.filter((s) => !s.isDocstring)), ...facts.scripts.flatMap((m) => m.strings)]));
  return strings;
}

/** Dotted name of a Python file: `src/app/rag.py` → `src.app.rag`, `app/__init__.py` → `app`. */
export function pythonModuleName(path: string): string {
  return path.replace(/\.pyi?$/, '').replace(/\/__init__$/, '').replace(/\//g, '.');
}

const filesOf = new WeakMap<Facts, Map<string, SourceFile>>();

/** An analysed file by path (indexed once per facts). */
export function fileAt(facts: Facts, path: string): SourceFile | undefined {
  let byPath = filesOf.get(facts);
  if (!byPath) filesOf.set(facts, (byPath = new Map(facts.files.map((f) => [f.path, f]))));
  return byPath.get(path);
}

/** Evidence for one line of an analysed file (line 1 of a module, a README heading). */
export function lineEvidence(facts: Facts, path: string, line = 1): Evidence {
  const text = fileAt(facts, path)?.text ?? '';
  return { path, line, snippet: snippetOf(text.split('\n', line)[line - 1]) };
}

export function moduleByPath(facts: Facts): Map<string, PyModule> {
  return new Map(facts.python.map((m) => [m.path, m]));
}
