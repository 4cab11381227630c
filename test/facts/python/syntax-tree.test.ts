import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Node } from 'web-tree-sitter';
import { pythonParser, withPythonTree } from '../../../src/facts/python/python-parser.js';
import { copyTree, type SyntaxNode } from '../../../src/facts/python/syntax-tree.js';
import { REPO_ROOT } from '../../helpers/review-fixture.js';

const find = (root: SyntaxNode, type: string): SyntaxNode[] => {
  const out: SyntaxNode[] = [];
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === type) out.push(node);
    stack.push(...node.children);
  }
  return out;
};

describe('the copied syntax tree', () => {
  it('keeps text, rows and fields right after emoji and accents (UTF-16 offsets), with the wasm tree already freed', async () => {
    const source = 'NOTE = "😀 café"\n\nasync def ask(q, k=-1):\n    return client.chat(q, top_k=k)\n';
    const { root, hasError } = await withPythonTree(source, (tree) => tree);
    expect(hasError).toBe(false);
    const [fn] = find(root, 'function_definition');
    expect(fn!.childForFieldName('name')!.text).toBe('ask');
    expect(fn!.children[0]!.type).toBe('async');
    expect(fn!.startPosition.row).toBe(2);
    expect(fn!.endPosition.row).toBe(3);
    const [call] = find(root, 'call');
    expect(call!.childForFieldName('function')!.text).toBe('client.chat');
    expect(call!.parent!.type).toBe('return_statement');
    const [unary] = find(root, 'unary_operator');
    expect(unary!.childForFieldName('operator')!.text).toBe('-');
    expect(find(root, 'string')[0]!.text).toBe('"😀 café"');
  });

  it('marks a file tree-sitter had to recover from', async () => {
    const { hasError } = await withPythonTree('def broken(:\n  pass\n', (tree) => tree);
    expect(hasError).toBe(true);
  });

  it('is web-tree-sitter’s own tree node for node (type, offsets, fields), also where the walk outgrows the cursor’s stack', async () => {
    const parser = await pythonParser();
    const dir = join(REPO_ROOT, 'examples/rag-takehome');
    const texts = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((path) => path.endsWith('.py'))
      .map((path) => readFileSync(join(dir, path), 'utf8'));
    // 300 levels of brackets: the cursor's stack is reallocated many times during one walk.
    texts.push(`DEEP = ${'['.repeat(300)}1${']'.repeat(300)}\nprint(DEEP)\n`, 'def broken(:\n  pass\n');
    expect(texts.length).toBeGreaterThan(5);
    for (let round = 0; round < 3; round++) {
      for (const text of texts) {
        const tree = parser.parse(text)!;
        try {
          const copy = copyTree(tree, text);
          expect(copy.hasError).toBe(tree.rootNode.hasError);
          expectSameNode(copy.root, tree.rootNode);
        } finally {
          tree.delete();
        }
      }
    }
  });
});

/** A copied node against web-tree-sitter's: named nodes in full, anonymous ones by type and field. */
function expectSameNode(copy: SyntaxNode, node: Node): void {
  expect(copy.type).toBe(node.type);
  expect(copy.isNamed).toBe(node.isNamed);
  if (node.isNamed) expect([copy.startIndex, copy.endIndex]).toEqual([node.startIndex, node.endIndex]);
  if (!node.isNamed) return expect(copy.children).toHaveLength(0);
  expect(copy.children.map((child) => child.type)).toEqual(node.children.map((child) => child!.type));
  for (let i = 0; i < node.childCount; i++) {
    expect(copy.children[i]!.field).toBe(node.fieldNameForChild(i));
    expectSameNode(copy.children[i]!, node.child(i)!);
  }
}
