import { createScanner, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { ConfigDocument, Literal } from '../types.js';
import { ConfigDocumentBuilder, type ConfigLines, type KeyPath } from './config-document-builder.js';
import { scalarLiteral, setProperty, type LiteralObject } from './literal.js';
import { MAX_CONFIG_DEPTH, tooDeep } from './nesting-guard.js';

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read.
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const EOF = 17;

/**
 * One JSON document (comments and trailing commas allowed, as in `tsconfig.json`). Nesting is
 * measured with jsonc-parser's own scanner before its recursive parser runs.
 */
export function parseJson(text: string, lines: ConfigLines): ConfigDocument {
  assertShallow(text, lines);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first) {
    throw new Error(`invalid JSON at line ${lines.lineAt(first.offset)}: ${printParseErrorCode(first.error)}`);
  }
  if (!root) throw new Error('invalid JSON: no value');
  const builder = new ConfigDocumentBuilder(lines);
  builder.key([], lines.lineAt(root.offset));
  const data = walk(root, [], builder, lines);
  return builder.build('json', 0, data);
}

function assertShallow(text: string, lines: ConfigLines): void {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let kind = scanner.scan(); kind !== EOF; kind = scanner.scan()) {
    if (kind === OPEN_BRACE || kind === OPEN_BRACKET) {
      if (++depth > MAX_CONFIG_DEPTH) throw tooDeep('JSON', lines.lineAt(scanner.getTokenOffset()));
    } else if ((kind === CLOSE_BRACE || kind === CLOSE_BRACKET) && depth > 0) {
      depth--;
    }
  }
}

function walk(node: Node, path: KeyPath, builder: ConfigDocumentBuilder, lines: ConfigLines): Literal {
  switch (node.type) {
    case 'object': {
      const out: LiteralObject = {};
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode) continue;
        const name = String(keyNode.value);
        const childPath = [...path, name];
        builder.key(childPath, lines.lineAt(keyNode.offset));
        setProperty(out, name, valueNode ? walk(valueNode, childPath, builder, lines) : null);
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map((item, i) => {
        const childPath = [...path, i];
        builder.key(childPath, lines.lineAt(item.offset));
        return walk(item, childPath, builder, lines);
      });
    default: {
      const value = scalarLiteral(node.value);
      builder.leaf(path, value, lines.lineAt(node.offset));
      return value;
    }
  }
}
