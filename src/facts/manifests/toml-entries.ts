import { getStaticTOMLValue, parseTOML, type AST } from 'toml-eslint-parser';
import type { SourceFile } from '../../types.js';
import { assertNestingDepth } from './assert-nesting-depth.js';
import { manifestError } from './manifest-error.js';

/** Keys deeper than this are not indexed: no manifest field we read is, and it bounds the work. */
const MAX_KEY_DEPTH = 16;

/** One key of a TOML document: its full key path, value node (null for a `[table]` header) and line. */
export interface TomlEntry {
  path: string[];
  node: AST.TOMLContentNode | null;
  line: number;
}

/**
 * A TOML document as key paths, whichever way they were written: `[a.b] c = 1`,
 * `[a] b.c = 1` and `a = { b = { c = 1 } }` all give the entry `['a', 'b', 'c']` (plus entries
 * for `a` and `a.b` where a node or header declares them). Throws a one-line error when malformed.
 */
export class TomlEntries {
  /** Last entry per key path (a later key wins), keyed by {@link keyOf}. */
  private readonly byPath = new Map<string, TomlEntry>();
  /** Child key → first entry under it, in document order, per parent key path. */
  private readonly byParent = new Map<string, Map<string, TomlEntry>>();

  constructor(file: SourceFile) {
    assertNestingDepth(file.path, file.text, 'toml');
    let program: AST.TOMLProgram;
    try {
      program = parseTOML(file.text);
    } catch (error) {
      const line = (error as { lineNumber?: unknown }).lineNumber;
      throw manifestError(file.path, typeof line === 'number' ? line : null, `invalid TOML: ${(error as Error).message}`);
    }
    for (const item of program.body[0].body) {
      if (item.type === 'TOMLTable') {
        const prefix = item.resolvedKey.map(String);
        this.record({ path: prefix, node: null, line: item.loc.start.line });
        for (const kv of item.body) this.add(prefix, kv);
      } else {
        this.add([], item);
      }
    }
  }

  private add(prefix: string[], root: AST.TOMLKeyValue): void {
    const stack: [string[], AST.TOMLKeyValue][] = [[prefix, root]];
    while (stack.length > 0) {
      const [base, kv] = stack.pop()!;
      const path = [...base, ...kv.key.keys.map((k) => (k.type === 'TOMLBare' ? k.name : k.value))];
      this.record({ path, node: kv.value, line: kv.loc.start.line });
      if (kv.value.type === 'TOMLInlineTable') {
        for (const inner of [...kv.value.body].reverse()) stack.push([path, inner]);
      }
    }
  }

  /** Indexes an entry under its path and as a child of each of its ancestors. */
  private record(entry: TomlEntry): void {
    if (entry.path.length > MAX_KEY_DEPTH) return;
    this.byPath.set(keyOf(entry.path), entry);
    for (let depth = 0; depth < entry.path.length; depth++) {
      const parent = keyOf(entry.path.slice(0, depth));
      let children = this.byParent.get(parent);
      if (!children) this.byParent.set(parent, (children = new Map()));
      const child = entry.path[depth]!;
      if (!children.has(child)) children.set(child, entry);
    }
  }

  /** The entry declared at exactly `path` (the last one, as a later key wins). */
  get(path: readonly string[]): TomlEntry | undefined {
    return this.byPath.get(keyOf(path));
  }

  /** The plain value at `path`, when a value node declares it. */
  value(path: readonly string[]): unknown {
    const node = this.get(path)?.node;
    return node ? getStaticTOMLValue(node) : undefined;
  }

  /** Direct child keys of `path`, each with the first entry that declares it, in document order. */
  children(path: readonly string[]): ReadonlyMap<string, TomlEntry> {
    return this.byParent.get(keyOf(path)) ?? new Map();
  }

  /** The string items of the array at `path`, each with its own line. */
  strings(path: readonly string[]): { value: string; line: number }[] {
    const node = this.get(path)?.node;
    if (node?.type !== 'TOMLArray') return [];
    return node.elements.flatMap((el) =>
      el.type === 'TOMLValue' && el.kind === 'string' ? [{ value: el.value, line: el.loc.start.line }] : [],
    );
  }
}

function keyOf(path: readonly string[]): string {
  return JSON.stringify(path);
}
