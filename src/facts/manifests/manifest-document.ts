import type { Evidence } from '../../types.js';
import type { ConfigDocument, Literal } from '../types.js';

type Key = string | number;
export type Table = { [key: string]: Literal };

/** True for a map (TOML table, JSON object, YAML mapping). */
export function isTable(value: Literal | undefined): value is Table {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A config document already parsed by `facts/config`, as a manifest extractor reads it: values,
 * child keys and where a key path is written. Never parses anything itself.
 */
export class ManifestDocument {
  constructor(private readonly document: ConfigDocument) {}

  get path(): string {
    return this.document.path;
  }

  /** The value at `path`, or undefined when there is none. */
  value(path: readonly Key[]): Literal | undefined {
    let current: Literal | undefined = this.document.data;
    for (const key of path) {
      if (Array.isArray(current) && typeof key === 'number') current = current[key];
      else if (isTable(current) && typeof key === 'string' && Object.hasOwn(current, key)) current = current[key];
      else return undefined;
    }
    return current;
  }

  /** The keys of the table at `path`, in the order they were first written; none when it is not a table. */
  keys(path: readonly Key[]): string[] {
    const table = this.value(path);
    return isTable(table) ? Object.keys(table) : [];
  }

  /**
   * Where `path` is written: the line of its key or array item, else of the nearest enclosing key
   * (a table only declared through a deeper `[a.b.c]` header, or a document past the parser's
   * key-line cap). The root always has a line in a document with data.
   */
  evidence(path: readonly Key[]): Evidence {
    for (let length = path.length; length >= 0; length--) {
      const evidence = this.document.evidenceFor(path.slice(0, length));
      if (evidence) return evidence;
    }
    return { path: this.document.path, line: 1, snippet: '' };
  }

  /** The string items of the array at `path`, each with the evidence of its own line. */
  strings(path: readonly Key[]): { value: string; evidence: Evidence }[] {
    const array = this.value(path);
    if (!Array.isArray(array)) return [];
    return array.flatMap((item, i) => (typeof item === 'string' ? [{ value: item, evidence: this.evidence([...path, i]) }] : []));
  }
}
