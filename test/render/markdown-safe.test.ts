import { describe, expect, it } from 'vitest';
import { codeSpan, messageMarkdown, plainText, tableCell, tableCode } from '../../src/render/markdown-safe.js';

describe('Markdown-safe helpers', () => {
  it.each([
    ['a `tick` inside', '``a `tick` inside``'],
    ['``double``', '``` ``double`` ```'],
    ['`edge', '`` `edge ``'],
    ['line\nbreak', '`line break`'],
    ['rtl\u202Eevil', '`rtl�evil`'],
    ['', '` `'],
  ])('codeSpan(%j) cannot be closed early', (input, expected) => {
    expect(codeSpan(input)).toBe(expected);
  });

  it.each([
    ['@org/team please look', '@\u200borg/team please look'],
    ['&#64;user', '&amp;\\#\u200b64;user'],
    ['fixes #1', 'fixes \\#\u200b1'],
    ['see GH-12', 'see GH-\u200b12'],
    ['https://evil.test/x', 'https:\u200b//evil.test/x'],
    ['www.evil.test', 'www\u200b.evil.test'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert\\(1\\)&lt;/script&gt;'],
    ['[x](javascript:alert(1))', '\\[x\\]\\(javascript:alert\\(1\\)\\)'],
    ['a | b', 'a \\| b'],
    ['two\nlines', 'two lines'],
  ])('plainText(%j) renders inert', (input, expected) => {
    expect(plainText(input)).toBe(expected);
  });

  it('escapes pipes inside code spans meant for table cells', () => {
    expect(tableCode('a|b')).toBe('`a\\|b`');
  });

  it.each([
    // GitHub splits a row at a pipe after an even number of backslashes, then drops one backslash before each pipe.
    ['`a|b`', '`a\\|b`'],
    ['`a\\\\|b`', '`a\\\\\\|b`'],
    ['a \\| b', 'a \\| b'],
    ['a \\\\\\| b', 'a \\\\\\| b'],
  ])('tableCell(%j) leaves no pipe that splits the row', (input, expected) => {
    expect(tableCell(input)).toBe(expected);
  });
});

describe('messageMarkdown', () => {
  it('keeps a message’s own code spans and escapes the prose around them', () => {
    expect(messageMarkdown('`chunk_size=2000` at @org <b>')).toBe('`chunk_size=2000` at @\u200borg &lt;b&gt;');
  });
  it('escapes everything when the backticks do not pair up', () => {
    expect(messageMarkdown('odd ` tick')).toBe('odd \\` tick');
  });
});
