/** The one-line error a malformed manifest raises; the caller records it as a `parse-error` skip. */
export function manifestError(path: string, line: number | null, message: string): Error {
  const where = line === null ? path : `${path}:${line}`;
  const text = message.replace(/\s+/g, ' ').trim();
  return new Error(`${where}: ${text.length > 160 ? `${text.slice(0, 159)}…` : text}`);
}
