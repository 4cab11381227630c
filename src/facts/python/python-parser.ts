import { createRequire } from 'node:module';
import { Language, Parser, type Tree } from 'web-tree-sitter';

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
 * in wasm memory, not the JS heap). Returns what `use` returns; no node may escape it.
 */
export async function withPythonTree<T>(text: string, use: (tree: Tree) => T): Promise<T> {
  const parser = await pythonParser();
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  try {
    return use(tree);
  } finally {
    tree.delete();
  }
}
