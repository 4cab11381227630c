/**
 * An incremental parser for the output of `git cat-file --batch` / `--batch-check`: feed it
 * stdout chunks as they arrive, in any sizes; it calls back once per object. Contents are binary
 * and copied out of the chunks, so a chunk is not kept alive by a blob.
 *
 * Records: `<oid> <type> <size>\n<size bytes>\n` (with contents) or `<oid> <type> <size>\n`
 * (`--batch-check`), and `<name> missing\n` / `<name> ambiguous\n`.
 */
export interface CatFileBatchHandlers {
  object(oid: string, type: string, size: number, content: Buffer | null): void;
  missing(name: string): void;
}

const MAX_HEADER = 512;
const NEWLINE = 0x0a;

export class CatFileBatchParser {
  private header: Buffer[] = [];
  private headerBytes = 0;
  private body: { oid: string; type: string; size: number; parts: Buffer[]; remaining: number } | null = null;
  private expectNewline = false;

  constructor(
    private readonly handlers: CatFileBatchHandlers,
    /** `true` for `--batch` (contents follow each header), `false` for `--batch-check`. */
    private readonly withContents: boolean,
  ) {}

  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.expectNewline) {
        if (chunk[at] !== NEWLINE) throw new Error('cat-file output: missing newline after contents');
        this.expectNewline = false;
        at += 1;
      } else if (this.body) {
        const take = Math.min(this.body.remaining, chunk.length - at);
        this.body.parts.push(chunk.subarray(at, at + take));
        this.body.remaining -= take;
        at += take;
        if (this.body.remaining === 0) this.finishBody();
      } else {
        const end = chunk.indexOf(NEWLINE, at);
        const piece = chunk.subarray(at, end < 0 ? chunk.length : end);
        this.headerBytes += piece.length;
        if (this.headerBytes > MAX_HEADER) throw new Error('cat-file output: header line too long');
        this.header.push(piece);
        if (end < 0) return;
        at = end + 1;
        const line = Buffer.concat(this.header).toString('latin1');
        this.header = [];
        this.headerBytes = 0;
        this.onHeader(line);
      }
    }
  }

  /** Throws when the output stopped in the middle of a record. */
  end(): void {
    if (this.body || this.expectNewline || this.headerBytes > 0 || this.header.length > 0) {
      throw new Error('cat-file output: truncated');
    }
  }

  private onHeader(line: string): void {
    const fields = line.split(' ');
    if (fields.length === 2 && (fields[1] === 'missing' || fields[1] === 'ambiguous')) {
      this.handlers.missing(fields[0] ?? '');
      return;
    }
    const [oid, type, sizeText] = fields;
    if (fields.length !== 3 || oid === undefined || type === undefined || !/^\d{1,15}$/.test(sizeText ?? '')) {
      throw new Error('cat-file output: unexpected header line');
    }
    const size = Number(sizeText);
    if (!this.withContents) {
      this.handlers.object(oid, type, size, null);
    } else if (size === 0) {
      this.handlers.object(oid, type, 0, Buffer.alloc(0));
      this.expectNewline = true;
    } else {
      this.body = { oid, type, size, parts: [], remaining: size };
    }
  }

  private finishBody(): void {
    const body = this.body;
    if (!body) return;
    this.body = null;
    this.expectNewline = true;
    this.handlers.object(body.oid, body.type, body.size, Buffer.concat(body.parts, body.size));
  }
}
