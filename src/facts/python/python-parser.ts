import { createRequire } from 'node:module';
import { Language, Parser } from 'web-tree-sitter';
import { ParseTimeExceeded, type ParseBudget } from '../parse-budget.js';
import { copyTree, type SyntaxTree } from './syntax-tree.js';
import { initTreeSitter } from './tree-cursor.js';

const require = createRequire(import.meta.url);

let loading: Promise<Parser> | undefined;

/** The tree-sitter parser for Python (the grammar's bundled wasm), loaded once per process. */
export function pythonParser(): Promise<Parser> {
  loading ??= (async () => {
    await initTreeSitter();
    const language = await Language.load(require.resolve('tree-sitter-python/tree-sitter-python.wasm'));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return loading;
}

/**
 * Parses `text` and hands its syntax tree, copied into plain JavaScript ({@link copyTree}), to
 * `use`. The tree-sitter tree lives in wasm memory and is freed before `use` runs, so memory holds
 * one file's tree at a time. With a budget, parsing is cancelled at its deadline and
 * {@link ParseTimeExceeded} is thrown.
 */
export async function withPythonTree<T>(text: string, use: (tree: SyntaxTree) => T, budget?: ParseBudget): Promise<T> {
  const parser = await pythonParser();
  const tree = parser.parse(text, null, budget ? { progressCallback: () => budget.now() > budget.deadline } : undefined);
  if (!tree) {
    parser.reset(); // a cancelled parse would otherwise resume on the next file's text
    if (budget && budget.now() > budget.deadline) throw new ParseTimeExceeded(budget.ms);
    throw new Error('tree-sitter returned no tree');
  }
  let copy: SyntaxTree;
  try {
    copy = copyTree(tree, text, budget);
  } finally {
    tree.delete();
  }
  return use(copy);
}
