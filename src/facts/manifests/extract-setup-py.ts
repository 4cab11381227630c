import type { SourceFile } from '../../types.js';
import { LineIndex } from '../evidence.js';
import { withPythonTree } from '../python/python-parser.js';
import type { SyntaxNode as Node } from '../python/syntax-tree.js';
import type { Dependency } from '../types.js';
import { pypiDependency } from './pypi-dependency.js';

/** How deep `+` chains, parentheses and constant references are followed. */
const MAX_DEPTH = 64;
/** Expression nodes visited per file at most: `B = A + A; C = B + B; …` would otherwise double per line. */
const MAX_VISITS = 10_000;
const GROUPS: Record<string, Dependency['group']> = { install_requires: 'main', tests_require: 'dev' };

interface Requirement {
  value: string;
  line: number;
}

interface Resolver {
  constants: Map<string, Node>;
  visits: number;
}

/**
 * `setup.py`, read from its syntax tree and never executed: the string literals of
 * `setup(install_requires=…, tests_require=…, extras_require={…})` (also `setuptools.setup`),
 * through lists, tuples, `+`, `dict(…)` and names bound to such values anywhere in the file
 * (the last binding wins). Requirements computed at run time (`open(...).read()`) are not seen.
 */
export async function extractSetupPy(file: SourceFile): Promise<Dependency[]> {
  const index = new LineIndex(file.path, file.text);
  const found = await withPythonTree(file.text, (tree) => {
    const constants = new Map<string, Node>();
    const calls: Node[] = [];
    const stack: Node[] = [tree.root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === 'assignment') {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        if (left?.type === 'identifier' && right) constants.set(left.text, right);
      } else if (node.type === 'call' && isSetup(node.childForFieldName('function'))) {
        calls.push(node);
      }
      for (let i = node.namedChildCount - 1; i >= 0; i--) {
        const child = node.namedChild(i);
        if (child) stack.push(child);
      }
    }
    const resolver: Resolver = { constants, visits: 0 };
    const out: { group: Dependency['group']; requirements: Requirement[] }[] = [];
    for (const call of calls) {
      for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
        if (arg?.type !== 'keyword_argument') continue;
        const name = arg.childForFieldName('name')?.text ?? '';
        const value = arg.childForFieldName('value');
        if (!value) continue;
        const group = GROUPS[name];
        if (group) out.push({ group, requirements: strings(value, resolver, 0) });
        else if (name === 'extras_require') {
          for (const extra of dictValues(value, resolver, 0)) out.push({ group: 'optional', requirements: strings(extra, resolver, 0) });
        }
      }
    }
    return out;
  });
  const seen = new Set<string>();
  const out: Dependency[] = [];
  for (const { group, requirements } of found) {
    for (const { value, line } of requirements) {
      const dependency = pypiDependency(value, group, index.evidence(line));
      const key = `${group} ${line} ${dependency?.name}`;
      if (!dependency || seen.has(key)) continue;
      seen.add(key);
      out.push(dependency);
    }
  }
  return out;
}

function isSetup(fn: Node | null): boolean {
  if (fn?.type === 'identifier') return fn.text === 'setup';
  return fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'setup';
}

/** The requirement strings a value expression denotes, each with its line. */
function strings(node: Node, resolver: Resolver, depth: number): Requirement[] {
  if (depth > MAX_DEPTH || ++resolver.visits > MAX_VISITS) return [];
  switch (node.type) {
    case 'string': {
      if (node.namedChildren.some((c) => c?.type === 'interpolation')) return [];
      const text = node.namedChildren.map((c) => (c?.type === 'string_content' ? c.text : '')).join('');
      // A multi-line string holds one requirement per line, as setuptools reads it.
      return text.split('\n').map((value, i) => ({ value, line: node.startPosition.row + 1 + i }));
    }
    case 'concatenated_string': {
      const parts = node.namedChildren.flatMap((c) => (c ? strings(c, resolver, depth + 1) : []));
      return parts.length > 0 ? [{ value: parts.map((p) => p.value).join(''), line: node.startPosition.row + 1 }] : [];
    }
    case 'list':
    case 'tuple':
    case 'set':
    case 'parenthesized_expression':
      return node.namedChildren.flatMap((c) => (c ? strings(c, resolver, depth + 1) : []));
    case 'binary_operator': {
      if (node.childForFieldName('operator')?.text !== '+') return [];
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      return [...(left ? strings(left, resolver, depth + 1) : []), ...(right ? strings(right, resolver, depth + 1) : [])];
    }
    case 'identifier': {
      const bound = resolver.constants.get(node.text);
      return bound ? strings(bound, resolver, depth + 1) : [];
    }
    default:
      return [];
  }
}

/** The value expressions of a `{…}` or `dict(…)` literal (or a name bound to one). */
function dictValues(node: Node, resolver: Resolver, depth: number): Node[] {
  if (depth > MAX_DEPTH || ++resolver.visits > MAX_VISITS) return [];
  if (node.type === 'identifier') {
    const bound = resolver.constants.get(node.text);
    return bound ? dictValues(bound, resolver, depth + 1) : [];
  }
  if (node.type === 'parenthesized_expression') {
    const inner = node.namedChildren[0];
    return inner ? dictValues(inner, resolver, depth + 1) : [];
  }
  if (node.type === 'dictionary') {
    return node.namedChildren.flatMap((c) => (c?.type === 'pair' && c.childForFieldName('value') ? [c.childForFieldName('value')!] : []));
  }
  if (node.type === 'call' && node.childForFieldName('function')?.text === 'dict') {
    return (node.childForFieldName('arguments')?.namedChildren ?? []).flatMap((a) =>
      a?.type === 'keyword_argument' && a.childForFieldName('value') ? [a.childForFieldName('value')!] : [],
    );
  }
  return [];
}
