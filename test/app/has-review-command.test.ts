import { describe, expect, it } from 'vitest';
import { hasReviewCommand } from '../../src/app/has-review-command.js';

describe('hasReviewCommand', () => {
  it.each([
    ['/review', true],
    ['  /review  ', true],
    ['Thanks for the update!\n\n/review\n', true],
    ['/review\r\nplease', true],
    ['please /review', false],
    ['/reviewed it already', false],
    ['/review please', false],
    ['> /review', false],
    ['> quoting:\n> /review', false],
    ['```\n/review\n```', false],
    ['~~~\n/review\n~~~', false],
    ['````\n```\n/review\n````', false],
    ['```\nunclosed fence\n/review', false],
    ['<!--\n/review\n-->', false],
    ['`/review`', false],
    ['', false],
  ])('%j → %s', (body, expected) => {
    expect(hasReviewCommand(body)).toBe(expected);
  });

  it('reads a closed fence, then the command after it', () => {
    expect(hasReviewCommand('```\ncode\n```\n/review')).toBe(true);
  });

  it('is fast on a huge body', () => {
    const start = performance.now();
    expect(hasReviewCommand(`${'> x\n'.repeat(200_000)}/review`)).toBe(false); // past the 64 KiB read
    expect(performance.now() - start).toBeLessThan(500);
  });
});
