import { ts } from 'ts-morph';
import type { Scope } from './script-scope.js';
import { shortText, templateText } from './script-value.js';

const TEST_FUNCTIONS = new Set(['it', 'test', 'specify', 'xit', 'fit', 'xtest']);
const MODIFIERS = new Set(['only', 'skip', 'concurrent', 'sequential', 'failing', 'fails', 'each', 'skipIf', 'runIf', 'todo']);
/** Modifiers that take a table or a condition first and return the test function. */
const FACTORIES = new Set(['each', 'skipIf', 'runIf']);

interface TestChain {
  root: ts.Identifier;
  members: string[];
}

function chainOf(expr: ts.Expression): TestChain | undefined {
  if (ts.isIdentifier(expr)) return { root: expr, members: [] };
  if (ts.isPropertyAccessExpression(expr)) {
    const inner = chainOf(expr.expression);
    return inner && { root: inner.root, members: [...inner.members, expr.name.text] };
  }
  // `it.each(table)` / `it.each`table`` / `it.skipIf(cond)` as the callee of the real test call.
  const factory = ts.isCallExpression(expr) ? expr.expression : ts.isTaggedTemplateExpression(expr) ? expr.tag : undefined;
  if (factory) {
    const inner = chainOf(factory);
    return inner && FACTORIES.has(inner.members.at(-1) ?? '') ? inner : undefined;
  }
  return undefined;
}

/**
 * A test declaration: `it('…', fn)`, `test.only(…)`, `it.each(table)('…', fn)` (once, at the
 * outer call), `it.skipIf(cond)(…)`. `describe`, hooks and `test.todo` placeholders are not tests,
 * nor is an `it`/`test` that names a local variable.
 */
export function testDeclaration(
  call: ts.CallExpression,
  scope: Scope,
  sourceFile: ts.SourceFile,
): { name: string; via: string } | undefined {
  const first = call.arguments[0];
  if (!first) return undefined;
  const chain = chainOf(call.expression);
  if (!chain || !TEST_FUNCTIONS.has(chain.root.text)) return undefined;
  if (!chain.members.every((member) => MODIFIERS.has(member)) || chain.members.includes('todo')) return undefined;
  // The inner `it.each(table)` call: the outer call is the test.
  if (ts.isPropertyAccessExpression(call.expression) && FACTORIES.has(call.expression.name.text)) return undefined;
  const binding = scope.lookup(chain.root.text);
  if (binding && binding.kind !== 'resolved') return undefined;
  const name = ts.isStringLiteralLike(first)
    ? first.text
    : ts.isTemplateExpression(first)
      ? templateText(first, sourceFile)
      : shortText(first.getText(sourceFile));
  return { name, via: [chain.root.text, ...chain.members].join('.') };
}
