import { describe, expect, it } from 'vitest';
import { withPythonTree } from '../../../src/facts/python/python-parser.js';
import type { SyntaxNode } from '../../../src/facts/python/syntax-tree.js';

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
});
