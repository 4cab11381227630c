import { Composer, Parser, isAlias, isMap, isScalar, isSeq, type Alias, type CST, type YAMLMap } from 'yaml';
import type { ConfigDocument, Literal } from '../types.js';
import { ConfigDocumentBuilder, type ConfigLines, type KeyPath } from './config-document-builder.js';
import { scalarLiteral, setProperty, type LiteralObject } from './literal.js';
import { MAX_CONFIG_DEPTH, tooDeep } from './nesting-guard.js';

/**
 * Nodes a document may expand to through aliases, beyond ten times its written size: a
 * "billion laughs" file is a few hundred bytes that expands to 10^9 nodes.
 */
export const MAX_ALIAS_EXPANSION = 100_000;

/**
 * Every document of a YAML stream (Kubernetes manifests hold several), anchors and aliases
 * resolved, `<<` merge keys applied (explicit keys win, then earlier merge sources).
 *
 * The concrete syntax tree comes from yaml's iterative parser; its nesting is measured before
 * the recursive composer runs, and alias expansion is sized before any value is built.
 */
export function parseYaml(text: string, lines: ConfigLines): ConfigDocument[] {
  const tokens = Array.from(new Parser().parse(text));
  assertShallow(tokens, lines);
  const documents = Array.from(new Composer({ uniqueKeys: false }).compose(tokens, false, text.length));
  return documents.map((document, index) => {
    const error = document.errors[0];
    if (error) {
      const message = error.message.split('\n', 1)[0] ?? error.code;
      throw new Error(`invalid YAML at line ${lines.lineAt(error.pos[0])}: ${message}`);
    }
    const builder = new ConfigDocumentBuilder(lines);
    const root: unknown = document.contents;
    if (root === null || root === undefined) return builder.build('yaml', index, null);
    builder.key([], lineOf(root, lines));
    const walker = new YamlWalker(lines, builder, resolveAliases(root, lines));
    return builder.build('yaml', index, walker.value(root, []));
  });
}

function assertShallow(tokens: CST.Token[], lines: ConfigLines): void {
  const stack: [CST.Token, number][] = tokens.map((token) => [token, 0]);
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const [token, depth] = frame;
    if (token.type === 'document') {
      if (token.value) stack.push([token.value, depth]);
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > MAX_CONFIG_DEPTH) throw tooDeep('YAML', lines.lineAt(token.offset));
      for (const item of token.items as { key?: CST.Token | null; value?: CST.Token }[]) {
        if (item.key) stack.push([item.key, depth + 1]);
        if (item.value) stack.push([item.value, depth + 1]);
      }
    }
  }
}

/**
 * Maps each alias to the node it names (the closest anchor before it, as YAML defines), and
 * refuses aliases that name an enclosing node or make the document expand past the budget.
 */
function resolveAliases(root: unknown, lines: ConfigLines): Map<Alias, unknown> {
  const anchors = new Map<string, unknown>();
  const targets = new Map<Alias, unknown>();
  const sizes = new Map<unknown, number>();
  const open = new Set<unknown>();
  let written = 0;

  const size = (node: unknown): number => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target === undefined) throw new Error(`invalid YAML at line ${lineOf(node, lines)}: unknown alias`);
      if (open.has(target)) throw new Error(`invalid YAML at line ${lineOf(node, lines)}: alias refers to its own ancestor`);
      targets.set(node, target);
      return sizes.get(target) ?? 1;
    }
    written++;
    const anchor = (node as { anchor?: unknown } | null)?.anchor;
    if (typeof anchor === 'string') anchors.set(anchor, node);
    let total = 1;
    if (isMap(node) || isSeq(node)) {
      open.add(node);
      for (const item of node.items) {
        if (isMap(node)) {
          const pair = item as { key: unknown; value: unknown };
          total += size(pair.key) + size(pair.value);
        } else {
          total += size(item);
        }
      }
      open.delete(node);
    }
    sizes.set(node, total);
    return total;
  };

  const expanded = size(root);
  if (expanded > Math.max(MAX_ALIAS_EXPANSION, 10 * written)) {
    throw new Error(`YAML aliases expand to more than ${MAX_ALIAS_EXPANSION} nodes (alias bomb refused)`);
  }
  return targets;
}

interface Entry {
  name: string;
  key: unknown;
  value: unknown;
}

class YamlWalker {
  constructor(
    private readonly lines: ConfigLines,
    private readonly builder: ConfigDocumentBuilder,
    private readonly targets: Map<Alias, unknown>,
  ) {}

  /** The plain value of `node`, recording its leaves and key lines under `path`. */
  value(node: unknown, path: KeyPath, scalarLine?: number): Literal {
    if (isAlias(node)) {
      const target = this.targets.get(node);
      // An alias of a scalar is a value written here; an alias of a collection keeps its lines.
      return this.value(target, path, isScalar(target) ? lineOf(node, this.lines) : undefined);
    }
    if (isMap(node)) {
      const out: LiteralObject = {};
      for (const entry of this.entries(node)) {
        const childPath = [...path, entry.name];
        const keyLine = lineOf(entry.key, this.lines);
        this.builder.key(childPath, keyLine);
        const block = isScalar(entry.value) && entry.value.type?.startsWith('BLOCK');
        setProperty(out, entry.name, this.value(entry.value ?? null, childPath, block ? keyLine : undefined));
      }
      return out;
    }
    if (isSeq(node)) {
      return node.items.map((item, i) => {
        const childPath = [...path, i];
        this.builder.key(childPath, lineOf(item, this.lines));
        return this.value(item, childPath);
      });
    }
    const value = isScalar(node) ? scalarLiteral(node.value) : null;
    this.builder.leaf(path, value, scalarLine ?? lineOf(node, this.lines));
    return value;
  }

  /** A map's entries with `<<` merges applied: explicit keys first, then keys merged in order. */
  private entries(map: YAMLMap): Entry[] {
    const own = new Map<string, Entry>();
    const merges: unknown[] = [];
    for (const pair of map.items) {
      if (isScalar(pair.key) && pair.key.type === 'PLAIN' && pair.key.value === '<<') {
        merges.push(pair.value);
        continue;
      }
      const name = this.keyName(pair.key);
      if (own.has(name)) throw new Error(`invalid YAML at line ${lineOf(pair.key, this.lines)}: duplicate key`);
      own.set(name, { name, key: pair.key, value: pair.value });
    }
    if (merges.length === 0) return [...own.values()];
    const all = new Map(own);
    for (const merge of merges) {
      const resolved = this.resolve(merge);
      for (const source of isSeq(resolved) ? resolved.items : [merge]) {
        const sourceMap = this.resolve(source);
        if (!isMap(sourceMap)) {
          throw new Error(`invalid YAML at line ${lineOf(source, this.lines)}: merge value is not a map`);
        }
        for (const entry of this.entries(sourceMap)) if (!all.has(entry.name)) all.set(entry.name, entry);
      }
    }
    return [...all.values()];
  }

  private resolve(node: unknown): unknown {
    return isAlias(node) ? this.targets.get(node) : node;
  }

  private keyName(key: unknown): string {
    const resolved = this.resolve(key);
    if (resolved === null || resolved === undefined) return '';
    if (isScalar(resolved)) return resolved.value === null ? '' : String(scalarLiteral(resolved.value));
    // A collection used as a key (`? [a, b]`): its plain value as JSON, recorded nowhere.
    const scratch = new YamlWalker(this.lines, new ConfigDocumentBuilder(this.lines), this.targets);
    return JSON.stringify(scratch.value(resolved, []));
  }
}

function lineOf(node: unknown, lines: ConfigLines): number {
  const range = (node as { range?: [number, number, number] | null } | null)?.range;
  return lines.lineAt(range?.[0] ?? 0);
}
