import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/** Writes the rendered report to `--out FILE`, or to stdout. */
export async function writeOutput(text: string, out: string | undefined, io: { stdout: NodeJS.WritableStream; cwd: string }): Promise<void> {
  if (out === undefined) {
    io.stdout.write(text);
    return;
  }
  await writeFile(resolve(io.cwd, out), text, 'utf8');
}
