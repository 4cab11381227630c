import { oneLine } from '../../errors.js';

/** The one-line error a malformed manifest raises (`path:line: what`); the caller records it as a `parse-error` skip. */
export function manifestError(path: string, line: number | null, message: string): Error {
  return new Error(oneLine(`${line === null ? path : `${path}:${line}`}: ${message}`, 200));
}
