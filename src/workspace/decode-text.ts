/** Bytes of a candidate's file → text with `\n` line endings, or `null` when the bytes are binary. */

const SNIFF_BYTES = 8000;

export function decodeText(bytes: Uint8Array): string | null {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    if (looksBinary(bytes)) return null;
    // Invalid UTF-8 becomes U+FFFD: the file stays analysable and its line numbers stay right.
    text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
  }
  // CRLF, lone CR and LF each end one line, as editors and Python count them.
  return text.replace(/\r\n?/g, '\n');
}

function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, SNIFF_BYTES);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}
