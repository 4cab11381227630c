import type { Evidence } from '../../types.js';
import { LineIndex } from '../evidence.js';
import type { ConfigDocument, ConfigLeaf, Literal } from '../types.js';

export type KeyPath = (string | number)[];

/**
 * Scalars kept per document. A config file past this is a data set; its data stays complete but
 * further leaves and key lines are not recorded (a 2 MB JSON array would otherwise make a
 * million evidence objects).
 */
export const MAX_LEAVES_PER_DOCUMENT = 200_000;

/** Lines of one config file, with each line's snippet computed once (many leaves share a line). */
export class ConfigLines {
  private readonly index: LineIndex;
  private readonly snippets = new Map<number, string>();

  constructor(
    readonly path: string,
    text: string,
  ) {
    this.index = new LineIndex(path, text);
  }

  lineAt(offset: number): number {
    return this.index.lineAt(offset);
  }

  evidence(line: number): Evidence {
    let snippet = this.snippets.get(line);
    if (snippet === undefined) {
      snippet = this.index.evidence(line).snippet;
      this.snippets.set(line, snippet);
    }
    return { path: this.path, line, snippet };
  }
}

/** Collects the leaves and key lines of one config document while a parser walks it. */
export class ConfigDocumentBuilder {
  private readonly leaves: ConfigLeaf[] = [];
  private readonly keyLines = new Map<string, number>();

  constructor(private readonly lines: ConfigLines) {}

  /** Records a scalar at `key`, written on `line`. */
  leaf(key: readonly (string | number)[], value: Literal, line: number): void {
    if (this.leaves.length >= MAX_LEAVES_PER_DOCUMENT) return;
    this.leaves.push({ key: [...key], value, evidence: this.lines.evidence(line) });
  }

  /** Records where `key` (a map key or an array item) is written; a later write wins, as in the data. */
  key(key: readonly (string | number)[], line: number): void {
    if (this.keyLines.size >= MAX_LEAVES_PER_DOCUMENT) return;
    this.keyLines.set(encodeKey(key), line);
  }

  build(format: ConfigDocument['format'], index: number, data: Literal): ConfigDocument {
    const { keyLines, lines } = this;
    return {
      path: lines.path,
      format,
      index,
      data,
      leaves: this.leaves,
      evidenceFor(key) {
        const line = keyLines.get(encodeKey(key));
        return line === undefined ? undefined : lines.evidence(line);
      },
    };
  }
}

function encodeKey(key: readonly (string | number)[]): string {
  return JSON.stringify(key);
}
