import { parseTOML, type AST } from 'toml-eslint-parser';
import type { ConfigDocument, Literal } from '../types.js';
import { ConfigDocumentBuilder, type ConfigLines, type KeyPath } from './config-document-builder.js';
import { scalarLiteral, setProperty, type LiteralObject } from './literal.js';
import { tomlTooDeepAt, tooDeep } from './nesting-guard.js';

/**
 * One TOML document. Tables and arrays of tables keep their resolved keys
 * (`[[products]]` → `['products', 0]`); dates stay as written.
 */
export function parseToml(text: string, lines: ConfigLines): ConfigDocument {
  const deepAt = tomlTooDeepAt(text);
  if (deepAt >= 0) throw tooDeep('TOML', lines.lineAt(deepAt));
  let program: AST.TOMLProgram;
  try {
    program = parseTOML(text);
  } catch (error) {
    const line = (error as { lineNumber?: unknown }).lineNumber;
    const where = typeof line === 'number' ? ` at line ${line}` : '';
    throw new Error(`invalid TOML${where}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const builder = new ConfigDocumentBuilder(lines);
  const root: LiteralObject = {};
  builder.key([], 1);
  for (const item of program.body[0].body) {
    if (item.type === 'TOMLKeyValue') {
      keyValue(item, root, [], builder);
    } else {
      const table = tableAt(root, item.resolvedKey);
      builder.key(item.resolvedKey, item.loc.start.line);
      for (const kv of item.body) keyValue(kv, table, item.resolvedKey, builder);
    }
  }
  return builder.build('toml', 0, root);
}

function keyValue(kv: AST.TOMLKeyValue, table: LiteralObject, tablePath: KeyPath, builder: ConfigDocumentBuilder): void {
  const names = kv.key.keys.map((k) => (k.type === 'TOMLBare' ? k.name : k.value));
  const last = names.pop();
  if (last === undefined) return;
  let target = table;
  const path = [...tablePath];
  for (const name of names) {
    path.push(name);
    target = objectChild(target, name);
    builder.key(path, kv.loc.start.line);
  }
  path.push(last);
  builder.key(path, kv.loc.start.line);
  setProperty(target, last, value(kv.value, path, builder));
}

function value(node: AST.TOMLContentNode, path: KeyPath, builder: ConfigDocumentBuilder): Literal {
  switch (node.type) {
    case 'TOMLArray':
      return node.elements.map((element, i) => {
        const childPath = [...path, i];
        builder.key(childPath, element.loc.start.line);
        return value(element, childPath, builder);
      });
    case 'TOMLInlineTable': {
      const out: LiteralObject = {};
      for (const kv of node.body) keyValue(kv, out, path, builder);
      return out;
    }
    default: {
      const literal =
        node.kind === 'integer'
          ? scalarLiteral(Number.isSafeInteger(node.value) ? node.value : node.bigint)
          : node.kind === 'string' || node.kind === 'float' || node.kind === 'boolean'
            ? node.value
            : node.datetime;
      builder.leaf(path, literal, node.loc.start.line);
      return literal;
    }
  }
}

/** The table at a resolved key, creating the objects and arrays of tables on the way. */
function tableAt(root: LiteralObject, key: readonly (string | number)[]): LiteralObject {
  let current: Literal = root;
  for (let i = 0; i < key.length; i++) {
    const segment = key[i]!;
    const nextIsIndex = typeof key[i + 1] === 'number';
    if (Array.isArray(current)) {
      const index = Number(segment);
      let next: Literal | undefined = current[index];
      if (next === undefined || next === null || typeof next !== 'object') {
        next = nextIsIndex ? [] : {};
        current[index] = next;
      }
      current = next;
    } else if (current !== null && typeof current === 'object') {
      const name = String(segment);
      let next: Literal | undefined = Object.prototype.hasOwnProperty.call(current, name) ? current[name] : undefined;
      if (next === undefined || next === null || typeof next !== 'object') {
        next = nextIsIndex ? [] : {};
        setProperty(current, name, next);
      }
      current = next;
    }
  }
  // The parser rejects a table that redefines a value, so this is an object.
  return current !== null && typeof current === 'object' && !Array.isArray(current) ? current : {};
}

function objectChild(parent: LiteralObject, name: string): LiteralObject {
  const existing = Object.prototype.hasOwnProperty.call(parent, name) ? parent[name] : undefined;
  if (existing !== null && typeof existing === 'object' && !Array.isArray(existing)) return existing;
  const created: LiteralObject = {};
  setProperty(parent, name, created);
  return created;
}
