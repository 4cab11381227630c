import { Parser, type Tree, type TreeCursor } from 'web-tree-sitter';

/**
 * The functions of web-tree-sitter's wasm module that {@link FastTreeCursor} calls directly. Each
 * takes the tree and reads the cursor from the module's transfer buffer; the moves write it back.
 */
interface CursorExports {
  HEAP32: Int32Array;
  _ts_init(): number;
  _ts_tree_cursor_goto_first_child_wasm(tree: number): number;
  _ts_tree_cursor_goto_next_sibling_wasm(tree: number): number;
  _ts_tree_cursor_goto_parent_wasm(tree: number): number;
  _ts_tree_cursor_current_node_type_id_wasm(tree: number): number;
  _ts_tree_cursor_current_node_is_named_wasm(tree: number): number;
  _ts_tree_cursor_start_index_wasm(tree: number): number;
  _ts_tree_cursor_end_index_wasm(tree: number): number;
  _ts_tree_cursor_current_field_id_wasm(tree: number): number;
}

/** The Emscripten module object web-tree-sitter is initialised with: its exports land on it. */
const module: Partial<CursorExports> = {};
let initialising: Promise<void> | undefined;

/** Initialises web-tree-sitter once per process (per thread), keeping its module's exports at hand. */
export function initTreeSitter(): Promise<void> {
  initialising ??= Parser.init(module as object);
  return initialising;
}

/** The cursor's size in the transfer buffer, in 32-bit words. */
const CURSOR_WORDS = 4;

/**
 * A tree cursor for one walk over a whole tree, with the moves and reads of web-tree-sitter's
 * `TreeCursor` at a fraction of their cost. web-tree-sitter copies the cursor's four words into
 * the transfer buffer before every call and back after it, through Emscripten's generic
 * `setValue`/`getValue`: most of a walk's time. The wasm functions read the cursor from that buffer
 * and only the moves write it back, so a walk that leaves it there copies nothing. The rule that
 * comes with it: between creating this cursor and {@link delete}, nothing else may call into
 * web-tree-sitter (a `tree.rootNode` would overwrite the buffer).
 */
export class FastTreeCursor {
  readonly #cursor: TreeCursor;
  readonly #tree: number;
  readonly #exports: CursorExports;

  constructor(tree: Tree) {
    if (typeof module.HEAP32 !== 'object' || typeof module._ts_tree_cursor_goto_first_child_wasm !== 'function') {
      throw new Error('web-tree-sitter was initialised without initTreeSitter(): its module is out of reach');
    }
    this.#exports = module as CursorExports;
    this.#tree = (tree as unknown as { 0: number })[0];
    this.#cursor = tree.walk();
    void this.#cursor.nodeTypeId; // copies the new cursor into the transfer buffer, where it stays
  }

  gotoFirstChild(): boolean {
    return this.#exports._ts_tree_cursor_goto_first_child_wasm(this.#tree) === 1;
  }

  gotoNextSibling(): boolean {
    return this.#exports._ts_tree_cursor_goto_next_sibling_wasm(this.#tree) === 1;
  }

  gotoParent(): boolean {
    return this.#exports._ts_tree_cursor_goto_parent_wasm(this.#tree) === 1;
  }

  get nodeTypeId(): number {
    return this.#exports._ts_tree_cursor_current_node_type_id_wasm(this.#tree);
  }

  get nodeIsNamed(): boolean {
    return this.#exports._ts_tree_cursor_current_node_is_named_wasm(this.#tree) === 1;
  }

  get startIndex(): number {
    return this.#exports._ts_tree_cursor_start_index_wasm(this.#tree);
  }

  get endIndex(): number {
    return this.#exports._ts_tree_cursor_end_index_wasm(this.#tree);
  }

  get currentFieldId(): number {
    return this.#exports._ts_tree_cursor_current_field_id_wasm(this.#tree);
  }

  /**
   * Frees the cursor. Its state is taken back from the transfer buffer first: a move can
   * reallocate the cursor's stack, and web-tree-sitter frees what its own copy points to.
   */
  delete(): void {
    const handles = (this.#cursor as unknown as { handles?: number[] }).handles;
    if (!Array.isArray(handles) || handles.length !== CURSOR_WORDS) throw new Error('web-tree-sitter changed: its TreeCursor has no handles to take the cursor back into');
    const heap = this.#exports.HEAP32; // read now: a growing wasm memory replaces the view
    const at = this.#exports._ts_init() >> 2; // the transfer buffer's address (ts_init only returns it)
    for (let i = 0; i < CURSOR_WORDS; i++) handles[i] = heap[at + i]!;
    this.#cursor.delete();
  }
}
