import { createHash } from 'node:crypto';

/**
 * `length` characters that gzip cannot shrink much (base64 of a hash chain), the same for the same
 * seed: cache values whose stored size is about their length, so size bounds can be tested.
 */
export function incompressible(seed: string, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += createHash('sha256').update(`${seed}:${i}`).digest('base64');
  return out.slice(0, length);
}
