import { createRequire } from 'node:module';
import { Language, Parser, type Tree } from 'web-tree-sitter';
import { ParseTimeExceeded, type ParseBudget } from '../parse-budget.js';

const require = createRequire(import.meta.url);

let loading: Promise<Parser> | undefined;

/** The tree-sitter parser for Python (the grammar's bundled wasm), loaded once per process. */
export function pythonParser(): Promise<Parser> {
  loading ??= (async () => {
    await Parser.init();
    const language = await Language.load(require.resolve('tree-sitter-python/tree-sitter-python.wasm'));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return loading;
}

/**
 * Parses `text` and hands the tree to `use`, freeing the tree afterwards (tree-sitter trees live
 * in wasm memory, not the JS heap). Returns what `use` returns; no node may escape it. With a
 * budget, parsing is cancelled at its deadline and {@link ParseTimeExceeded} is thrown.
 */
export async function withPythonTree<T>(text: string, use: (tree: Tree) => T, budget?: ParseBudget): Promise<T> {
  const parser = await pythonParser();
  const tree = parser.parse(text, null, budget ? { progressCallback: () => budget.now() > budget.deadline } : undefined);
  if (!tree) {
    parser.reset(); // a cancelled parse would otherwise resume on the next file's text
    if (budget && budget.now() > budget.deadline) throw new ParseTimeExceeded(budget.ms);
    throw new Error('tree-sitter returned no tree');
  }
  try {
    return use(tree);
  } finally {
    tree.delete();
  }
}
