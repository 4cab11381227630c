import type { Evidence } from '../../types.js';
import { clip } from '../evidence.js';
import { ParseTimeExceeded, type ParseBudget } from '../parse-budget.js';
import type { Literal, PyCall, PyClass, PyFunction, PyModule, PyValue } from '../types.js';
import type { SyntaxNode as Node, SyntaxTree } from './syntax-tree.js';
import { intern, NO_ENTRIES, NONE } from '../intern.js';

/** Evidence for a 1-based line of the parsed text (notebooks map it back to their cells). */
export type EvidenceAt = (line: number) => Evidence;

const MAX_DEPTH = 400;
const MAX_TEXT = 160;
/** Items of a list, tuple, set or dict read as a literal; a bigger one (a data table pasted into code) is not a setting. */
const MAX_LITERAL_ITEMS = 1000;
/** Nodes visited between two looks at the clock. */
const BUDGET_STRIDE = 1024;
/** Decision points counted by cyclomatic complexity. */
const BRANCH_TYPES = new Set(['if_statement', 'elif_clause', 'for_statement', 'while_statement', 'except_clause', 'case_clause', 'boolean_operator', 'conditional_expression', 'if_clause']);
/** Blocks that nest (an `elif` continues its `if`, so it does not). */
const NESTING_TYPES = new Set(['if_statement', 'for_statement', 'while_statement', 'try_statement', 'with_statement', 'match_statement']);
const LOOP_TYPES = new Set(['for_statement', 'while_statement', 'list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);
const ENV_DEFAULT_CALLS = new Set(['os.getenv', 'os.environ.get']);

interface Scope {
  fn: PyFunction;
  decorators: string[];
}

/**
 * One syntax tree → the Python facts checks query. Two passes: the first binds imports and
 * literal constants (so a call above a constant's definition still resolves), the second reads
 * calls, definitions, strings and assignments in source order, tracking `x = Call()` bindings.
 */
export function extractPython(tree: SyntaxTree, path: string, kind: PyModule['kind'], evidenceOf: EvidenceAt, budget?: ParseBudget): PyModule {
  // One evidence object per line, shared by every fact on it (a line holds a call, its arguments,
  // strings, names read…): facts are never mutated, and a large repository's facts stay small.
  const byLine: Evidence[] = [];
  const evidenceAt = (line: number): Evidence => (byLine[line] ??= evidenceOf(line));
  const module: PyModule = {
    path,
    kind,
    imports: [],
    calls: [],
    strings: [],
    functions: [],
    classes: [],
    assignments: [],
    pairs: [],
    excepts: [],
    comments: [],
    linesOfCode: 0,
    hasSyntaxErrors: tree.hasError,
  };
  const aliases = new Map<string, string>();
  /** Names bound to a literal, with the line that binds them (where the value is written). */
  const constants = new Map<string, { literal: Literal; evidence: Evidence }>();
  const bindings = new Map<string, string>();
  const line = (node: Node) => node.startPosition.row + 1;
  /** Throws {@link ParseTimeExceeded} once the budget is spent (checked every {@link BUDGET_STRIDE} nodes). */
  let visited = 0;
  const tick = (): void => {
    if (budget && ++visited % BUDGET_STRIDE === 0 && budget.now() > budget.deadline) throw new ParseTimeExceeded(budget.ms);
  };

  // ------------------------------------------------------------------ resolution
  const dotted = (node: Node | null): string | null => {
    if (!node) return null;
    switch (node.type) {
      case 'identifier':
        return node.text;
      case 'attribute': {
        const object = dotted(node.childForFieldName('object'));
        const attribute = node.childForFieldName('attribute')?.text;
        return object && attribute ? `${object}.${attribute}` : null;
      }
      case 'call': {
        const fn = dotted(node.childForFieldName('function'));
        return fn ? `${fn}()` : null;
      }
      case 'subscript': {
        // `ds["train"].train_test_split` → `ds[].train_test_split`: the receiver stays nameable.
        const value = dotted(node.childForFieldName('value'));
        return value ? `${value}[]` : null;
      }
      default:
        return null;
    }
  };

  /** `tf.AutoModel` → `transformers.AutoModel`; `m.generate` → `<what m was bound to>.generate`. */
  const resolve = (name: string): string => intern(resolveName(name));
  const resolveName = (name: string): string => {
    const paren = name.indexOf('(');
    const head = paren >= 0 ? name.slice(0, paren) : name;
    const tail = paren >= 0 ? name.slice(paren) : '';
    // The longest dotted prefix that is bound wins (`a.b.c`, then `a.b`, then `a`, an import alias only as a whole name).
    for (let prefix = head; ; ) {
      const dot = prefix.lastIndexOf('.');
      const bound = bindings.get(prefix) ?? (dot < 0 ? aliases.get(prefix) : undefined);
      if (bound) return bound + head.slice(prefix.length) + tail;
      if (dot < 0) return name;
      prefix = prefix.slice(0, dot);
    }
  };

  const resolveCallee = (fnNode: Node | null): string | null => {
    const name = dotted(fnNode);
    if (!name) return null;
    // Resolve the innermost call receivers first: `AutoModel.from_pretrained(...).to` keeps its chain.
    const paren = name.indexOf('(');
    return paren < 0 ? resolve(name) : intern(resolve(name.slice(0, paren)) + name.slice(paren));
  };

  /** A type annotation's text with its leading name resolved: `AskRequest` → `.models.AskRequest`. */
  const resolveAnnotation = (node: Node): string => {
    const text = cut(node.text);
    return text.replace(/^[A-Za-z_][\w.]*/, (head) => resolve(head));
  };

  const valueOf = (node: Node, depth = 0): PyValue => {
    const text = cut(node.text);
    const evidence = evidenceAt(line(node));
    if (node.type === 'identifier') {
      const value: PyValue = { text, kind: 'name', resolved: resolve(node.text), evidence };
      const constant = constants.get(node.text);
      if (constant) {
        value.literal = constant.literal;
        value.definedAt = constant.evidence;
      }
      return value;
    }
    const literal = literalOf(node, depth);
    if (literal !== undefined) return { text, kind: literalKind(node), literal, evidence };
    if (node.type === 'attribute') return { text, kind: 'name', resolved: resolve(dotted(node) ?? node.text), evidence };
    if (node.type === 'call') {
      const resolved = resolveCallee(node.childForFieldName('function')) ?? text;
      const value: PyValue = { text, kind: 'call', resolved, evidence };
      const envDefault = envDefaultOf(node, resolved);
      if (envDefault !== undefined) value.literal = envDefault;
      return value;
    }
    return { text, kind: 'other', evidence };
  };

  const literalOf = (node: Node, depth: number): Literal | undefined => {
    if (depth > 20) return undefined;
    switch (node.type) {
      case 'string':
        return node.namedChildren.some((c) => c?.type === 'interpolation') ? undefined : stringValue(node);
      case 'concatenated_string': {
        const parts = node.namedChildren.map((c) => (c ? literalOf(c, depth + 1) : undefined));
        return parts.every((p) => typeof p === 'string') ? (parts as string[]).join('') : undefined;
      }
      case 'integer':
      case 'float': {
        const n = Number(node.text.replace(/_/g, ''));
        return Number.isFinite(n) ? n : undefined;
      }
      case 'unary_operator': {
        const operand = node.childForFieldName('argument');
        const op = node.childForFieldName('operator')?.text ?? node.text[0];
        const inner = operand ? literalOf(operand, depth + 1) : undefined;
        return typeof inner === 'number' && op === '-' ? -inner : undefined;
      }
      case 'true':
        return true;
      case 'false':
        return false;
      case 'none':
        return null;
      case 'list':
      case 'tuple':
      case 'set': {
        if (node.namedChildCount > MAX_LITERAL_ITEMS) return undefined;
        const items = node.namedChildren.map((c) => (c ? literalOf(c, depth + 1) : undefined));
        return items.every((i) => i !== undefined) ? (items as Literal[]) : undefined;
      }
      case 'dictionary': {
        if (node.namedChildCount > MAX_LITERAL_ITEMS) return undefined;
        const out: Record<string, Literal> = {};
        for (const pair of node.namedChildren) {
          if (pair?.type !== 'pair') return undefined;
          const key = pair.childForFieldName('key');
          const value = pair.childForFieldName('value');
          const k = key ? literalOf(key, depth + 1) : undefined;
          const v = value ? literalOf(value, depth + 1) : undefined;
          if ((typeof k !== 'string' && typeof k !== 'number') || v === undefined) return undefined;
          out[String(k)] = v;
        }
        return out;
      }
      case 'parenthesized_expression': {
        const inner = node.namedChildren[0];
        return inner ? literalOf(inner, depth + 1) : undefined;
      }
      case 'identifier':
        return constants.get(node.text)?.literal;
      default:
        return undefined;
    }
  };

  /** `os.getenv("MODEL", "llama3")` stands for its default when nothing else is known. */
  const envDefaultOf = (call: Node, callee: string): Literal | undefined => {
    if (!ENV_DEFAULT_CALLS.has(callee)) return undefined;
    const args = call.childForFieldName('arguments')?.namedChildren ?? [];
    const fallback = args[1];
    if (fallback && fallback.type !== 'keyword_argument') return literalOf(fallback, 0);
    const kw = args.find((a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'default');
    const value = kw?.childForFieldName('value');
    return value ? literalOf(value, 0) : undefined;
  };

  // ------------------------------------------------------------------ pass 1: imports, constants, comments
  const firstPass = (node: Node) => {
    tick();
    if (node.type === 'comment') {
      // Comments sit wherever the grammar puts extras (sometimes beside a block, not in it): read them in this full walk.
      module.comments.push({ text: cut(node.text.replace(/^#+/, '').trim()), evidence: evidenceAt(line(node)) });
    } else if (node.type === 'import_statement') {
      for (const child of node.namedChildren) {
        if (!child) continue;
        if (child.type === 'dotted_name') {
          const head = child.text.split('.')[0]!;
          aliases.set(head, head);
          module.imports.push({ module: child.text, name: null, alias: head, evidence: evidenceAt(line(node)) });
        } else if (child.type === 'aliased_import') {
          const name = child.childForFieldName('name')?.text;
          const alias = child.childForFieldName('alias')?.text;
          if (name && alias) {
            aliases.set(alias, name);
            module.imports.push({ module: name, name: null, alias, evidence: evidenceAt(line(node)) });
          }
        }
      }
    } else if (node.type === 'import_from_statement') {
      const from = node.childForFieldName('module_name')?.text.replace(/\s+/g, '');
      if (!from) return;
      const wildcard = node.namedChildren.some((c) => c?.type === 'wildcard_import');
      if (wildcard) module.imports.push({ module: from, name: '*', alias: '*', evidence: evidenceAt(line(node)) });
      for (const child of node.childrenForFieldName('name')) {
        if (!child) continue;
        const name = child.type === 'aliased_import' ? child.childForFieldName('name')?.text : child.text;
        const alias = child.type === 'aliased_import' ? child.childForFieldName('alias')?.text : child.text;
        if (!name || !alias) continue;
        aliases.set(alias, from.endsWith('.') ? `${from}${name}` : `${from}.${name}`);
        module.imports.push({ module: from, name, alias, evidence: evidenceAt(line(node)) });
      }
    } else if (node.type === 'assignment') {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (left?.type === 'identifier' && right && !constants.has(left.text)) {
        const literal = literalOf(right, 0);
        if (literal !== undefined) constants.set(left.text, { literal, evidence: evidenceAt(line(node)) });
      }
    }
  };

  // ------------------------------------------------------------------ pass 2: everything else
  const scopes: Scope[] = [];
  const classNames: string[] = [];
  let loopDepth = 0;
  /** Block nesting inside the current function. */
  let nesting = 0;

  const decoratorsOf = (node: Node): string[] =>
    node.parent?.type === 'decorated_definition'
      ? node.parent.namedChildren
          .filter((c): c is Node => c?.type === 'decorator')
          .map((d) => {
            const expr = d.namedChildren[0];
            if (!expr) return d.text;
            const target = expr.type === 'call' ? expr.childForFieldName('function') : expr;
            return resolveCallee(target) ?? cut(expr.text);
          })
      : [];

  const addAssertion = () => {
    const scope = scopes[scopes.length - 1];
    if (scope) scope.fn.assertions++;
  };

  const visitFunction = (node: Node, depth: number) => {
    const name = node.childForFieldName('name')?.text ?? '<anonymous>';
    const className = classNames.length && scopes.length === 0 ? classNames[classNames.length - 1]! : null;
    const parent = scopes[scopes.length - 1]?.fn.qualname ?? (className ?? null);
    const params = (node.childForFieldName('parameters')?.namedChildren ?? []).filter((p): p is Node => p !== null);
    const paramNames = params.map((p) => paramName(p)).filter((n): n is string => n !== null);
    const body = node.childForFieldName('body');
    const first = body?.namedChildren[0];
    const decorators = decoratorsOf(node);
    const fn: PyFunction = {
      name,
      qualname: parent ? `${parent}.${name}` : name,
      className,
      decorators,
      params: paramNames,
      paramTypes: Object.fromEntries(
        params.flatMap((p) => {
          const type = p.childForFieldName('type');
          const pname = paramName(p);
          return type && pname ? [[pname, resolveAnnotation(type)]] : [];
        }),
      ),
      annotatedParams: params.filter((p) => p.type.startsWith('typed') && !['self', 'cls'].includes(paramName(p) ?? '')).length,
      hasReturnAnnotation: node.childForFieldName('return_type') !== null,
      hasDocstring: first?.type === 'expression_statement' && first.namedChildren[0]?.type === 'string',
      isAsync: node.children[0]?.type === 'async',
      line: line(node),
      endLine: node.endPosition.row + 1,
      evidence: evidenceAt(line(node)),
      assertions: 0,
      reads: new Map(),
      complexity: 1,
      maxNesting: 0,
    };
    module.functions.push(fn);
    scopes.push({ fn, decorators });
    const savedLoop = loopDepth;
    const savedNesting = nesting;
    loopDepth = 0;
    nesting = 0;
    for (const p of params) visit(p, depth + 1);
    if (body) visit(body, depth + 1);
    loopDepth = savedLoop;
    nesting = savedNesting;
    scopes.pop();
  };

  const visitClass = (node: Node, depth: number) => {
    const name = node.childForFieldName('name')?.text ?? '<anonymous>';
    const bases = (node.childForFieldName('superclasses')?.namedChildren ?? [])
      .filter((b): b is Node => b !== null && b.type !== 'keyword_argument')
      .map((b) => resolveCallee(b) ?? cut(b.text));
    const cls: PyClass = {
      name,
      bases,
      decorators: decoratorsOf(node),
      line: line(node),
      endLine: node.endPosition.row + 1,
      evidence: evidenceAt(line(node)),
    };
    module.classes.push(cls);
    classNames.push(scopes.length ? `${scopes[scopes.length - 1]!.fn.qualname}.${name}` : name);
    const body = node.childForFieldName('body');
    const saved = scopes.splice(0);
    if (body) visit(body, depth + 1);
    scopes.push(...saved);
    classNames.pop();
  };

  const visitCall = (node: Node) => {
    const fnNode = node.childForFieldName('function');
    if (!fnNode) return;
    const callee = resolveCallee(fnNode) ?? cut(fnNode.text);
    const args: PyValue[] = [];
    let kwargs: Record<string, PyValue> = NO_ENTRIES;
    const argList = node.childForFieldName('arguments');
    if (argList?.type === 'argument_list') {
      for (const arg of argList.namedChildren) {
        if (!arg || arg.type === 'comment') continue;
        if (arg.type === 'keyword_argument') {
          const key = arg.childForFieldName('name')?.text;
          const value = arg.childForFieldName('value');
          if (!key || !value) continue;
          if (kwargs === NO_ENTRIES) kwargs = {};
          // A keyword named `__proto__` is one more keyword, not the record's prototype.
          if (key === '__proto__') Object.defineProperty(kwargs, key, { value: valueOf(value), enumerable: true, writable: true, configurable: true });
          else kwargs[key] = valueOf(value);
        } else if (arg.type !== 'list_splat' && arg.type !== 'dictionary_splat') {
          args.push(valueOf(arg));
        }
      }
    }
    const scope = scopes[scopes.length - 1];
    const parent = node.parent;
    const assignedTo =
      parent?.type === 'assignment' && parent.childForFieldName('right')=== node
        ? (parent.childForFieldName('left')?.text ?? null)
        : null;
    const name = intern(callee.replace(/\(\)$/, '').split('.').pop() ?? callee);
    const call: PyCall = {
      callee,
      raw: cut(fnNode.text),
      name,
      args: args.length === 0 ? NONE : args.slice(), // exactly as long as it is: an array grown by push keeps room for 16 more
      kwargs,
      evidence: evidenceAt(line(node)),
      scope: scope?.fn.qualname ?? null,
      scopeDecorators: scope?.decorators ?? [],
      inLoop: loopDepth > 0,
      awaited: parent?.type === 'await',
      assignedTo: assignedTo ? cut(assignedTo) : null,
    };
    module.calls.push(call);
    if (/^assert/i.test(name) || name === 'raises') addAssertion();
  };

  const visitAssignment = (node: Node) => {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const annotation = node.childForFieldName('type');
    if (!left || (!right && !annotation)) return;
    const target = left.type === 'identifier' || left.type === 'attribute' ? left.text : null;
    if (!target) return;
    const scope = scopes[scopes.length - 1]?.fn.qualname ?? (classNames[classNames.length - 1] ?? null);
    if (!right) {
      // `sources: list[str]` — a declared field (pydantic models, dataclasses) without a value.
      module.assignments.push({ target, value: { text: '', kind: 'other', evidence: evidenceAt(line(node)) }, annotation: resolveAnnotation(annotation!), scope, evidence: evidenceAt(line(node)) });
      return;
    }
    if (right.type === 'call') {
      const callee = resolveCallee(right.childForFieldName('function'));
      if (callee) bindings.set(target, `${callee}()`);
    } else if (right.type === 'identifier' || right.type === 'attribute') {
      const name = dotted(right);
      if (name) bindings.set(target, resolve(name));
    } else {
      bindings.delete(target);
    }
    module.assignments.push({
      target,
      value: valueOf(right),
      ...(annotation && { annotation: resolveAnnotation(annotation) }),
      scope,
      evidence: evidenceAt(line(node)),
    });
  };

  const visit = (node: Node, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    tick();
    switch (node.type) {
      case 'function_definition':
        return visitFunction(node, depth);
      case 'class_definition':
        return visitClass(node, depth);
      case 'call':
        visitCall(node);
        break;
      case 'assignment':
        // The right side is visited first: `x = f(x)` reads the old binding of `x`.
        for (const child of node.namedChildren) if (child !== node.childForFieldName('left')) visit(child, depth + 1);
        visitAssignment(node);
        return;
      case 'assert_statement':
        addAssertion();
        break;
      case 'except_clause': {
        const body = node.namedChildren.find((c) => c?.type === 'block');
        const typed = node.namedChildren.filter((c): c is Node => !!c && c.type !== 'block' && c.type !== 'comment');
        const statements = body?.namedChildren.filter((c) => c?.type !== 'comment') ?? [];
        const swallowed = statements.every((s) => s?.type === 'pass_statement' || s?.type === 'continue_statement' || (s?.type === 'expression_statement' && s.text === '...'));
        module.excepts.push({
          bare: typed.length === 0,
          types: cut(typed.map((t) => t.text).join(' ')),
          swallowed,
          scope: scopes[scopes.length - 1]?.fn.qualname ?? null,
          evidence: evidenceAt(line(node)),
        });
        break;
      }
      case 'identifier': {
        const fn = scopes[scopes.length - 1]?.fn;
        const parent = node.parent;
        const isAttributeName = parent?.type === 'attribute' && parent.childForFieldName('attribute')=== node;
        const isKeyword = parent?.type === 'keyword_argument' && parent.childForFieldName('name')=== node;
        if (fn && !isAttributeName && !isKeyword) {
          const name = intern(node.text);
          if (!fn.reads.has(name)) fn.reads.set(name, evidenceAt(line(node)));
        }
        return;
      }
      case 'pair': {
        const key = node.childForFieldName('key');
        const value = node.childForFieldName('value');
        const keyText = key ? literalOf(key, 0) : undefined;
        if (typeof keyText === 'string' && value) module.pairs.push({ key: keyText, value: valueOf(value), evidence: evidenceAt(line(node)) });
        break;
      }
      case 'string': {
        const parent = node.parent;
        const grandparent = parent?.parent;
        const isDocstring = parent?.type === 'expression_statement' && grandparent?.namedChildren[0]=== parent &&
          ['block', 'module'].includes(grandparent?.type ?? '');
        const hasInterpolation = node.namedChildren.some((c) => c?.type === 'interpolation');
        module.strings.push({
          value: hasInterpolation ? rawStringBody(node) : stringValue(node),
          isFString: hasInterpolation,
          isDocstring,
          evidence: evidenceAt(line(node)),
        });
        // Calls inside f-string interpolations still count.
        for (const child of node.namedChildren) if (child?.type === 'interpolation') visit(child, depth + 1);
        return;
      }
    }
    const fn = scopes[scopes.length - 1]?.fn;
    if (fn && BRANCH_TYPES.has(node.type)) fn.complexity++;
    const nests = NESTING_TYPES.has(node.type);
    if (nests) {
      nesting++;
      if (fn && nesting > fn.maxNesting) fn.maxNesting = nesting;
    }
    const isLoop = LOOP_TYPES.has(node.type);
    if (isLoop) loopDepth++;
    for (const child of node.namedChildren) if (child) visit(child, depth + 1);
    if (isLoop) loopDepth--;
    if (nests) nesting--;
  };

  walk(tree.root, firstPass);
  for (const child of tree.root.namedChildren) visit(child, 1);
  module.linesOfCode = countCodeLines(tree.root.text);
  return module;
}

/** Pre-order walk over named nodes with an explicit stack: deep trees cannot overflow the JS stack. */
function walk(root: Node, fn: (node: Node) => void): void {
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    fn(node);
    const children = node.namedChildren;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

function paramName(p: Node): string | null {
  if (p.type === 'identifier') return p.text;
  const name = p.childForFieldName('name') ?? p.namedChildren.find((c) => c?.type === 'identifier');
  return name?.text ?? null;
}

function literalKind(node: Node): PyValue['kind'] {
  switch (node.type) {
    case 'string':
    case 'concatenated_string':
      return 'string';
    case 'integer':
    case 'float':
    case 'unary_operator':
      return 'number';
    case 'true':
    case 'false':
      return 'bool';
    case 'none':
      return 'none';
    case 'dictionary':
      return 'dict';
    case 'list':
    case 'tuple':
    case 'set':
      return 'list';
    default:
      return 'other';
  }
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', '\n': '' };

/** The value of a string literal without interpolations (escapes decoded unless raw). */
function stringValue(node: Node): string {
  const start = node.namedChildren.find((c) => c?.type === 'string_start')?.text ?? '';
  const raw = /r/i.test(start);
  let out = '';
  for (const child of node.namedChildren) {
    if (child?.type === 'string_content') out += raw ? child.text : decodeEscapes(child.text);
  }
  return out;
}

function decodeEscapes(text: string): string {
  return text.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|[\s\S])/g, (whole, code: string) => {
    if (code.length > 1) return String.fromCharCode(parseInt(code.slice(1), 16));
    return ESCAPES[code] ?? whole;
  });
}

/** An f-string's body as written, `{context}` slots kept. */
function rawStringBody(node: Node): string {
  const start = node.namedChildren.find((c) => c?.type === 'string_start');
  const end = node.namedChildren.find((c) => c?.type === 'string_end');
  const text = node.text;
  return text.slice(start?.text.length ?? 0, text.length - (end?.text.length ?? 0));
}

function cut(text: string): string {
  const flat = text.length > MAX_TEXT * 2 ? text.slice(0, MAX_TEXT * 2) : text;
  const one = flat.includes('\n') ? flat.replace(/\s*\n\s*/g, ' ') : flat;
  return intern(clip(one, MAX_TEXT));
}


function countCodeLines(text: string): number {
  let count = 0;
  for (const l of text.split('\n')) {
    const t = l.trim();
    if (t && !t.startsWith('#')) count++;
  }
  return count;
}
