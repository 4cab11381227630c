import type { Tree } from 'web-tree-sitter';
import { lastAtOrBefore } from '../evidence.js';
import { ParseTimeExceeded, type ParseBudget } from '../parse-budget.js';
import { FastTreeCursor } from './tree-cursor.js';

/** Nodes copied between two looks at the clock. */
const BUDGET_STRIDE = 4096;
/** What `tree.language.types` holds for a type id it does not know (an error node's). */
const ERROR_TYPE = 'ERROR';

/** The text a tree was parsed from, with its line starts (rows are found from offsets when asked). */
class SourceText {
  private lineStarts: number[] | undefined;
  constructor(readonly text: string) {}

  /** The 0-based row of a UTF-16 offset. */
  rowAt(offset: number): number {
    return lastAtOrBefore((this.lineStarts ??= lineStartsOf(this.text)), offset);
  }
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * A syntax node copied out of tree-sitter's wasm memory into plain JavaScript: reading it costs no
 * call into wasm (each of which marshals its arguments), and it outlives the tree, which is freed
 * as soon as the copy is made. The shape follows web-tree-sitter's `Node` for what extraction reads.
 * Offsets are UTF-16 indexes into the parsed string, as web-tree-sitter's are for string input.
 * Anonymous nodes (the grammar's literal tokens: `(`, `def`, `=`) keep their type, field and
 * place among their siblings only: their text is their type, their offsets are -1.
 */
export class SyntaxNode {
  readonly children: SyntaxNode[] = [];
  readonly namedChildren: SyntaxNode[] = [];
  /** The field this node fills in its parent (`function`, `arguments`, `left`, …), if any. */
  field: string | null = null;

  constructor(
    private readonly source: SourceText,
    readonly type: string,
    readonly isNamed: boolean,
    readonly startIndex: number,
    readonly endIndex: number,
    readonly parent: SyntaxNode | null,
  ) {}

  get text(): string {
    return this.isNamed ? this.source.text.slice(this.startIndex, this.endIndex) : this.type;
  }

  get startPosition(): { row: number } {
    return { row: this.source.rowAt(this.startIndex) };
  }

  get endPosition(): { row: number } {
    return { row: this.source.rowAt(this.endIndex) };
  }

  get namedChildCount(): number {
    return this.namedChildren.length;
  }

  namedChild(index: number): SyntaxNode | null {
    return this.namedChildren[index] ?? null;
  }

  childForFieldName(name: string): SyntaxNode | null {
    for (const child of this.children) if (child.field === name) return child;
    return null;
  }

  childrenForFieldName(name: string): SyntaxNode[] {
    return this.children.filter((child) => child.field === name);
  }
}

/** A parsed file as plain data: its root node and whether tree-sitter had to recover from errors. */
export interface SyntaxTree {
  root: SyntaxNode;
  hasError: boolean;
}

/**
 * Copies a tree-sitter tree into {@link SyntaxNode}s with one cursor walk (iterative: a file nested
 * thousands deep cannot overflow the stack). With a budget, throws {@link ParseTimeExceeded} once
 * it is spent. The tree itself is left for the caller to free.
 */
export function copyTree(tree: Tree, text: string, budget?: ParseBudget): SyntaxTree {
  const source = new SourceText(text);
  const { types, fields } = tree.language;
  const namedById = new Map<number, boolean>();
  const cursor = new FastTreeCursor(tree);
  let root: SyntaxNode;
  try {
    root = new SyntaxNode(source, types[cursor.nodeTypeId] ?? ERROR_TYPE, true, cursor.startIndex, cursor.endIndex, null);
    let parent = root;
    let current = root;
    let copied = 0;
    walk: for (;;) {
      // Anonymous nodes are the grammar's literal tokens: leaves, so there is no child to look for.
      if (current.isNamed && cursor.gotoFirstChild()) parent = current;
      else {
        while (!cursor.gotoNextSibling()) {
          if (parent === root) break walk;
          cursor.gotoParent();
          parent = parent.parent!;
        }
      }
      if (budget && ++copied % BUDGET_STRIDE === 0 && budget.now() > budget.deadline) throw new ParseTimeExceeded(budget.ms);
      const typeId = cursor.nodeTypeId;
      let isNamed = namedById.get(typeId);
      if (isNamed === undefined) namedById.set(typeId, (isNamed = cursor.nodeIsNamed));
      const type = types[typeId] ?? ERROR_TYPE;
      current = isNamed ? new SyntaxNode(source, type, true, cursor.startIndex, cursor.endIndex, parent) : new SyntaxNode(source, type, false, -1, -1, parent);
      const fieldId = cursor.currentFieldId;
      if (fieldId) current.field = fields[fieldId] ?? null;
      parent.children.push(current);
      if (isNamed) parent.namedChildren.push(current);
    }
  } finally {
    cursor.delete();
  }
  // Only now: reading the root node goes through the transfer buffer the cursor lived in.
  return { root, hasError: tree.rootNode.hasError };
}
