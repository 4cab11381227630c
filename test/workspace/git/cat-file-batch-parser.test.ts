import { describe, expect, it } from 'vitest';
import { CatFileBatchParser } from '../../../src/workspace/git/cat-file-batch-parser.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);
const content = Buffer.from([0, 10, 13, 10, 255, 0x20, 0x0a]);
const output = Buffer.concat([
  Buffer.from(`${A} blob ${content.length}\n`),
  content,
  Buffer.from(`\n${B} missing\n${C} blob 0\n\n`),
]);

function parse(chunks: Buffer[], withContents = true) {
  const seen: [string, string, number, string | null][] = [];
  const missing: string[] = [];
  const parser = new CatFileBatchParser(
    {
      object: (oid, type, size, body) => seen.push([oid, type, size, body ? body.toString('hex') : null]),
      missing: (name) => missing.push(name),
    },
    withContents,
  );
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return { seen, missing };
}

describe('CatFileBatchParser', () => {
  const expected = {
    seen: [
      [A, 'blob', content.length, content.toString('hex')],
      [C, 'blob', 0, ''],
    ],
    missing: [B],
  };

  it('parses binary contents, missing objects and empty blobs in one chunk', () => {
    expect(parse([output])).toEqual(expected);
  });

  it('gives the same result however the output is cut', () => {
    for (let size = 1; size <= 9; size++) {
      const chunks: Buffer[] = [];
      for (let at = 0; at < output.length; at += size) chunks.push(output.subarray(at, at + size));
      expect(parse(chunks)).toEqual(expected);
    }
  });

  it('parses --batch-check output (no contents)', () => {
    expect(parse([Buffer.from(`${A} blob 7\n${B} missing\n${C} tree 33\n`)], false)).toEqual({
      seen: [
        [A, 'blob', 7, null],
        [C, 'tree', 33, null],
      ],
      missing: [B],
    });
  });

  it('throws on truncated or malformed output', () => {
    expect(() => parse([output.subarray(0, output.length - 3)])).toThrow(/truncated/);
    expect(() => parse([Buffer.from(`${A} blob 1\nxy`)])).toThrow(/newline/);
    expect(() => parse([Buffer.from(`${A} blob many\n`)])).toThrow(/header/);
    expect(() => parse([Buffer.alloc(1000, 0x41)])).toThrow(/too long/);
  });
});
