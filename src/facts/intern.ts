/** Strings up to this long are shared: names, callees and short values repeat across a repository's files. */
const MAX_INTERNED = 64;
/** Past this many, the table starts over: a long-running server never grows it without bound. */
const MAX_TABLE = 200_000;
const interned = new Map<string, string>();

/**
 * One copy of each short string the facts hold (`self.logger.info`, `print`, `model`), instead of
 * one per occurrence: a large repository's facts are mostly such repeats.
 */
export function intern(text: string): string {
  return text.length > MAX_INTERNED ? text : share(text);
}

function share(text: string): string {
  const known = interned.get(text);
  if (known !== undefined) return known;
  if (interned.size >= MAX_TABLE) interned.clear();
  interned.set(text, text);
  return text;
}

/**
 * The one empty list facts hold (a call without positional arguments, a function without
 * decorators): facts are never changed once extracted, and a large repository has millions of
 * such lists. Frozen, so a check that tried to change one would fail loudly in the tests.
 */
export const NONE: never[] = Object.freeze([]) as never[];
/** The one empty record facts hold (a call without keyword arguments): see {@link NONE}. */
export const NO_ENTRIES: Record<string, never> = Object.freeze({});

/**
 * Shares the repeats of facts that crossed a thread or came out of the cache: deserialising makes
 * a string per occurrence (each evidence object its own copy of the path, each call its own copy
 * of `print`) and an object per empty list, about a third more memory than the facts had when
 * extracted. Short strings and every `path` go through {@link intern}, and empty lists and records
 * become {@link NONE} and {@link NO_ENTRIES}, in place. Facts are trees whose leaves (evidence)
 * may be shared: a shared object is visited once per reference, which is harmless.
 */
export function shareRepeats(value: object): void {
  const stack: object[] = [value];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node instanceof Map) {
      for (const item of node.values()) if (typeof item === 'object' && item !== null) stack.push(item as object);
      continue;
    }
    const record = node as Record<string, unknown>;
    for (const key in record) {
      const item = record[key];
      if (typeof item === 'string') {
        if (item.length <= MAX_INTERNED || key === 'path') record[key] = share(item);
      } else if (typeof item === 'object' && item !== null) {
        if (Array.isArray(item)) {
          if (item.length === 0) record[key] = NONE;
          else stack.push(item);
        } else if (isEmptyRecord(item)) record[key] = NO_ENTRIES;
        else stack.push(item);
      }
    }
  }
}

function isEmptyRecord(value: object): boolean {
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const _ in value) return false;
  return true;
}
