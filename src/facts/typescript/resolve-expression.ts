import { ts } from 'ts-morph';
import type { Scope } from './script-scope.js';

/**
 * A dotted name for an expression. `module` is the import specifier the name was reached
 * through, or null when the root is not an import (then `path` is the name as written, without
 * call arguments).
 */
export interface Resolved {
  path: string;
  module: string | null;
}

/** `require('m')` or `import('m')` with a string specifier: the module and how it is loaded. */
export function moduleLoad(
  node: ts.Node,
  scope: Scope,
): { module: string; via: 'require' | 'dynamic'; specifier: ts.Expression } | undefined {
  if (!ts.isCallExpression(node) || node.arguments.length < 1) return undefined;
  const specifier = node.arguments[0]!;
  if (!ts.isStringLiteralLike(specifier)) return undefined;
  if (node.expression.kind === ts.SyntaxKind.ImportKeyword) {
    return { module: specifier.text, via: 'dynamic', specifier };
  }
  if (ts.isIdentifier(node.expression) && node.expression.text === 'require' && !scope.lookup('require')) {
    return { module: specifier.text, via: 'require', specifier };
  }
  return undefined;
}

/**
 * Resolves an expression to a dotted name through the import aliases and simple bindings in
 * `scope`. Calls and `new` add `()` to what they call: `new OpenAI().chat` →
 * `openai.default().chat`. `require('m')` and `import('m')` are the module itself (`m`).
 * Returns undefined for expressions with no dotted form (`(a || b).c`, `list[i]`).
 */
export function resolveExpression(node: ts.Expression, scope: Scope): Resolved | undefined {
  if (ts.isParenthesizedExpression(node) || ts.isAwaitExpression(node) || ts.isNonNullExpression(node) ||
    ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isTypeAssertionExpression(node)) {
    return resolveExpression(node.expression, scope);
  }
  if (ts.isIdentifier(node)) {
    const binding = scope.lookup(node.text);
    if (binding?.kind === 'resolved') return { path: binding.path, module: binding.module };
    return { path: node.text, module: null };
  }
  if (node.kind === ts.SyntaxKind.ThisKeyword) return { path: 'this', module: null };
  if (node.kind === ts.SyntaxKind.SuperKeyword) return { path: 'super', module: null };
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    const name = memberName(node);
    if (name === undefined) return undefined;
    if (node.expression.kind === ts.SyntaxKind.ThisKeyword) {
      const binding = scope.lookup(`this.${name}`);
      if (binding?.kind === 'resolved') return { path: binding.path, module: binding.module };
    }
    const object = resolveExpression(node.expression, scope);
    return object && { path: `${object.path}.${name}`, module: object.module };
  }
  if (ts.isCallExpression(node)) {
    const load = moduleLoad(node, scope);
    if (load) return { path: load.module, module: load.module };
    const callee = resolveExpression(node.expression, scope);
    return callee && { path: `${callee.path}()`, module: callee.module };
  }
  if (ts.isNewExpression(node)) {
    const callee = resolveExpression(node.expression, scope);
    return callee && { path: `${callee.path}()`, module: callee.module };
  }
  return undefined;
}

/** `a.b` → `b`; `a['b']` → `b`; undefined for indexes and computed access (`a[0]`, `a[k]`). */
export function memberName(node: ts.PropertyAccessExpression | ts.ElementAccessExpression): string | undefined {
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  const argument = node.argumentExpression;
  return ts.isStringLiteralLike(argument) ? argument.text : undefined;
}
