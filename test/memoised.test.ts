import { describe, expect, it } from 'vitest';
import { memoised } from '../src/memoised.js';

describe('memoised', () => {
  it('computes each argument once, remembers null and false too, and starts over at its bound', () => {
    const asked: string[] = [];
    const kind = memoised((name: string) => (asked.push(name), name.startsWith('api') ? 'key' : null), 3);
    expect([kind('api_key'), kind('tokenizer'), kind('api_key'), kind('tokenizer')]).toEqual(['key', null, 'key', null]);
    expect(asked).toEqual(['api_key', 'tokenizer']);
    kind('a');
    kind('b'); // a fourth entry: the table of three starts over
    kind('api_key');
    expect(asked).toEqual(['api_key', 'tokenizer', 'a', 'b', 'api_key']);
  });
});
