import { ts } from 'ts-morph';
import { clip } from '../evidence.js';
import type { Literal, ScriptValue } from '../types.js';
import type { Scope } from './script-scope.js';

const MAX_TEXT = 120;

/** Source text on one line, whitespace collapsed, cut to a readable length. */
export function shortText(text: string, max = MAX_TEXT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return clip(flat, max);
}

/** Strips wrappers that do not change a value: parentheses, `await`, `as`, `!`, `satisfies`. */
export function unwrap(node: ts.Expression): ts.Expression {
  let current = node;
  for (;;) {
    if (
      ts.isParenthesizedExpression(current) ||
      ts.isAwaitExpression(current) ||
      ts.isAsExpression(current) ||
      ts.isNonNullExpression(current) ||
      ts.isSatisfiesExpression(current) ||
      ts.isTypeAssertionExpression(current)
    ) {
      current = current.expression;
    } else {
      return current;
    }
  }
}

/** A static property name (`a`, `'a'`, `1`), or undefined for computed keys. */
export function propertyNameText(name: ts.PropertyName | ts.BindingName): string | undefined {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

/**
 * The template's text with each substitution kept as written: `` `Q: ${question}` `` →
 * `Q: ${question}` (literal parts cooked, so `\n` is a newline).
 */
export function templateText(node: ts.TemplateExpression, sourceFile: ts.SourceFile): string {
  let text = node.head.text;
  for (const span of node.templateSpans) {
    text += '${' + span.expression.getText(sourceFile) + '}' + span.literal.text;
  }
  return text;
}

/**
 * The literal an expression stands for, or undefined when it is not one.
 * Strings, numbers (signed), booleans, `null`, templates without substitutions, arrays whose
 * items are all literals, and object literals. Object literals keep only their literal-valued
 * properties with static keys (`{ model: 'x', apiKey: process.env.K }` → `{ model: 'x' }`), so a
 * model name next to a secret from the environment is not lost. Identifiers bound to a literal
 * `const` in scope stand for that literal.
 */
export function literalOf(node: ts.Expression, scope: Scope | undefined): Literal | undefined {
  const expr = unwrap(node);
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return expr.text;
  if (ts.isNumericLiteral(expr)) return Number(expr.text);
  if (expr.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (expr.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (expr.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isPrefixUnaryExpression(expr) && ts.isNumericLiteral(expr.operand)) {
    const value = Number(expr.operand.text);
    if (expr.operator === ts.SyntaxKind.MinusToken) return -value;
    if (expr.operator === ts.SyntaxKind.PlusToken) return value;
    return undefined;
  }
  if (ts.isIdentifier(expr)) {
    const binding = scope?.lookup(expr.text);
    return binding?.kind === 'literal' ? binding.literal : undefined;
  }
  if (ts.isArrayLiteralExpression(expr)) {
    const items: Literal[] = [];
    for (const element of expr.elements) {
      if (ts.isSpreadElement(element) || ts.isOmittedExpression(element)) return undefined;
      const item = literalOf(element, scope);
      if (item === undefined) return undefined;
      items.push(item);
    }
    return items;
  }
  if (ts.isObjectLiteralExpression(expr)) {
    const object: { [key: string]: Literal } = {};
    for (const property of expr.properties) {
      if (ts.isPropertyAssignment(property)) {
        const key = propertyNameText(property.name);
        const value = literalOf(property.initializer, scope);
        if (key !== undefined && value !== undefined) object[key] = value;
      } else if (ts.isShorthandPropertyAssignment(property)) {
        const value = literalOf(property.name, scope);
        if (value !== undefined) object[property.name.text] = value;
      }
    }
    return object;
  }
  return undefined;
}

function kindOf(expr: ts.Expression): ScriptValue['kind'] {
  if (ts.isStringLiteralLike(expr) || ts.isTemplateExpression(expr)) return 'string';
  if (ts.isNumericLiteral(expr) || ts.isBigIntLiteral(expr)) return 'number';
  if (ts.isPrefixUnaryExpression(expr) && ts.isNumericLiteral(expr.operand)) return 'number';
  if (expr.kind === ts.SyntaxKind.TrueKeyword || expr.kind === ts.SyntaxKind.FalseKeyword) return 'bool';
  if (expr.kind === ts.SyntaxKind.NullKeyword) return 'null';
  if (ts.isArrayLiteralExpression(expr)) return 'array';
  if (ts.isObjectLiteralExpression(expr)) return 'object';
  if (ts.isIdentifier(expr) || ts.isPropertyAccessExpression(expr)) return 'name';
  if (ts.isCallExpression(expr) || ts.isNewExpression(expr)) return 'call';
  if (ts.isArrowFunction(expr) || ts.isFunctionExpression(expr)) return 'function';
  return 'other';
}

/**
 * An argument as a ScriptValue. `kind` describes the expression after unwrapping `await`,
 * parentheses and type assertions; a template with substitutions is a `string` without `literal`.
 */
export function scriptValue(node: ts.Expression, sourceFile: ts.SourceFile, scope: Scope | undefined): ScriptValue {
  const expr = ts.isSpreadElement(node) ? node : unwrap(node);
  const value: ScriptValue = { text: shortText(node.getText(sourceFile)), kind: kindOf(expr) };
  if (!ts.isSpreadElement(expr)) {
    const literal = literalOf(expr, scope);
    if (literal !== undefined) value.literal = literal;
  }
  return value;
}
