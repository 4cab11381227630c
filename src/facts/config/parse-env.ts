import type { ConfigDocument } from '../types.js';
import { ConfigDocumentBuilder, type ConfigLines } from './config-document-builder.js';
import { setProperty, type LiteralObject } from './literal.js';

const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * A dotenv file: `KEY=value` lines, optionally prefixed by `export`, with quotes stripped
 * (double-quoted values may span lines and use `\n`, `\"`, `\\` escapes), full-line and trailing
 * ` #` comments ignored. Lines that are not assignments are skipped, as dotenv loaders do.
 */
export function parseEnv(text: string, lines: ConfigLines): ConfigDocument {
  const builder = new ConfigDocumentBuilder(lines);
  const data: LiteralObject = {};
  const rows = text.split('\n');
  const unterminated = new Set<string>(); // quotes that were already scanned to the end unclosed
  for (let i = 0; i < rows.length; i++) {
    let rest = rows[i]!.trimStart();
    if (rest === '' || rest.startsWith('#')) continue;
    if (/^export[ \t]/.test(rest)) rest = rest.slice(7).trimStart();
    const eq = rest.indexOf('=');
    if (eq <= 0) continue;
    const key = rest.slice(0, eq).trim();
    if (!ENV_KEY.test(key)) continue;
    const line = i + 1;
    const { value, lastRow } = readValue(rest.slice(eq + 1).trimStart(), rows, i, unterminated);
    i = lastRow;
    setProperty(data, key, value);
    builder.key([key], line);
    builder.leaf([key], value, line);
  }
  return builder.build('env', 0, data);
}

/**
 * The value starting at `raw` (the text after `=` on row `row`), and the last row it used. A quote
 * left open is kept as written; `unterminated` remembers it so later rows do not rescan the file.
 */
function readValue(
  raw: string,
  rows: string[],
  row: number,
  unterminated: Set<string>,
): { value: string; lastRow: number } {
  const quote = raw[0];
  if ((quote === '"' || quote === "'" || quote === '`') && !(unterminated.has(quote) && !raw.includes(quote, 1))) {
    let text = raw.slice(1);
    let last = row;
    let i = 0;
    for (;;) {
      for (; i < text.length; i++) {
        const c = text[i];
        if (c === '\\' && quote === '"') i++;
        else if (c === quote) {
          const inner = text.slice(0, i);
          return { value: quote === '"' ? unescape(inner) : inner, lastRow: last };
        }
      }
      if (last + 1 >= rows.length) {
        unterminated.add(quote);
        return { value: raw, lastRow: row };
      }
      last++;
      text += `\n${rows[last]!}`;
    }
  }
  const comment = raw.search(/[ \t]#/);
  return { value: (comment >= 0 ? raw.slice(0, comment) : raw).trim(), lastRow: row };
}

function unescape(text: string): string {
  return text.replace(/\\([nrt"\\])/g, (_, c: string) =>
    c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c,
  );
}
