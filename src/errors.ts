/**
 * Bad input from the user or the candidate: a missing path, an unsupported URL, a failed clone.
 * The message is one line, safe to print (no token, no raw git output), and the CLI exits 2.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(message: string) {
    super(oneLine(message));
  }
}

/** Collapses whitespace and cuts a message to one readable line. */
export function oneLine(message: string, max = 300): string {
  const flat = message.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
