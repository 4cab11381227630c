/**
 * What a report may show of a secret: at most its first four characters (fewer for short ones,
 * so a twelve-character password keeps three), then `…[redacted]`.
 */
export function redact(secret: string): string {
  const chars = Array.from(secret);
  const kept = Math.min(4, Math.floor(chars.length / 4));
  return `${chars.slice(0, kept).join('')}…[redacted]`;
}
