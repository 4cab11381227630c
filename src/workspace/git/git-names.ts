import { InputError } from '../../errors.js';

/**
 * The only values besides constants that may reach a git command line: object ids and refs
 * checked here. Anything else is refused before git runs.
 */

const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** A full object id: 40 lower-case hex digits (64 in a SHA-256 repository). */
export function isObjectId(text: string): boolean {
  return OBJECT_ID.test(text);
}

/** Throws an {@link InputError} unless `text` is a full object id. */
export function assertObjectId(text: string): string {
  if (!isObjectId(text)) throw new InputError(`not a commit id: "${short(text)}"`);
  return text;
}

/**
 * A branch, tag, `HEAD` or (abbreviated) commit id, optionally followed by `~N` / `^N` steps:
 * slash-separated parts of letters, digits, `.`, `_` and `-`, no part starting with `.` or `-`,
 * no `..`, no part ending in `.lock`. Everything else (options, ranges, reflog syntax, shell
 * text, `:path`) is an {@link InputError}.
 */
export function validateRef(ref: string): string {
  const match = /^([A-Za-z0-9._/-]{1,200})((?:~\d{0,4}|\^\d?){0,8})$/.exec(ref);
  const name = match?.[1];
  const ok =
    name !== undefined &&
    !ref.includes('..') &&
    name.split('/').every((part) => /^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(part) && !part.endsWith('.lock'));
  if (!ok) throw new InputError(`invalid ref "${short(ref)}": expected a branch, tag or commit id`);
  return ref;
}

function short(text: string): string {
    const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
  return clean.length > 60 ? `${clean.slice(0, 59)}…` : clean;
}
