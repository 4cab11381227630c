import type { Evidence, SourceFile } from '../types.js';
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

const plainCallees = new Map<string, string>();

/** A callee without call markers: `a.B().c` → `a.B.c` (memoised: detectors ask for the same callees often). */
export function plainCallee(callee: string): string {
  let plain = plainCallees.get(callee);
  if (plain === undefined) {
    plain = callee.includes('(') ? callee.replace(/\(\)/g, '') : callee;
    if (plainCallees.size > 100_000) plainCallees.clear();
    plainCallees.set(callee, plain);
  }
  return plain;
}

/**
 * Whether a resolved callee is the named API: exactly, through a re-export (same package, same
 * last name: `peft.tuners.lora.LoraConfig` is `peft.LoraConfig`), or any callee ending in the
 * name for `*.name` patterns.
 */
export function calleeMatches(callee: string, pattern: string): boolean {
  const plain = plainCallee(callee);
  if (pattern.startsWith('*.')) return plain === pattern.slice(2) || plain.endsWith(pattern.slice(1));
  if (plain === pattern) return true;
  const [pkg] = pattern.split('.');
  const last = pattern.slice(pattern.lastIndexOf('.') + 1);
  return plain.startsWith(`${pkg}.`) && plain.endsWith(`.${last}`) && !pattern.includes('()');
}

const callsOf = new WeakMap<Facts, PyCall[]>();

/** Every Python call of the submission (notebooks included), flattened once per facts. */
export function pythonCalls(facts: Facts): PyCall[] {
  let calls = callsOf.get(facts);
  if (!calls) callsOf.set(facts, (calls = facts.python.flatMap((m) => m.calls)));
  return calls;
}

export function pythonCallsTo(facts: Facts, patterns: readonly string[]): PyCall[] {
  return pythonCalls(facts).filter((call) => patterns.some((p) => calleeMatches(call.callee, p)));
}

export function scriptCallsTo(facts: Facts, patterns: readonly string[]): ScriptCall[] {
  return facts.scripts.flatMap((m) => m.calls).filter((call) => patterns.some((p) => calleeMatches(call.callee, p)));
}

/** A call's keyword argument or, when given, its positional argument at `position`. */
export function argument(call: PyCall, keyword: string, position?: number): PyValue | undefined {
  return call.kwargs[keyword] ?? (position === undefined ? undefined : call.args[position]);
}

/** Whether a file is a test: pytest's naming rules, `*.test.ts`/`*.spec.js`, or a `tests`/`__tests__` folder. */
export function isTestPath(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return (
    /^test_.*\.py$/.test(name) ||
    /_test\.py$/.test(name) ||
    name === 'conftest.py' ||
    /\.(test|spec)\.[cm]?[jt]sx?$/.test(name) ||
    /(^|\/)(tests?|__tests__)\//.test(path)
  );
}

/** String literals of code (Python, notebooks, TypeScript/JavaScript), docstrings excluded. */
export function codeStrings(facts: Facts): { value: string; evidence: Evidence }[] {
  return [...facts.python.flatMap((m) => m.strings.filter((s) => !s.isDocstring)), ...facts.scripts.flatMap((m) => m.strings)];
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
