import type { Literal } from '../types.js';

export type LiteralObject = { [key: string]: Literal };

/** Sets `key` on a parsed object without ever touching its prototype (`__proto__` is data here). */
export function setProperty(target: LiteralObject, key: string, value: Literal): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/** A parser's scalar as a JSON-compatible literal: big integers past 2^53 and dates become text. */
export function scalarLiteral(value: unknown): Literal {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return value;
    case 'bigint':
      return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
    case 'undefined':
      return null;
    default:
      if (value === null) return null;
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
      if (value instanceof Uint8Array) return `<${value.length} bytes>`;
      return String(value);
  }
}
