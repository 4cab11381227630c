import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load-config.js';
import { InputError, oneLine } from '../errors.js';
import { openFactsServices, type FactsServicesEnv } from '../facts/open-facts-services.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { writeOutput } from '../publish/write-output.js';
import { permalinkBase } from '../render/permalink-base.js';
import { renderHtml } from '../render/render-html.js';
import { renderJson } from '../render/render-json.js';
import { renderMarkdown } from '../render/render-markdown.js';
import type { Report } from '../report/build-report.js';
import { review, type ReviewOptions } from '../review.js';
import { parseSource } from '../source/parse-source.js';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  cwd: string;
  /** The environment the facts cache and threads are chosen from (`process.env` in the bin); without it, neither is used. */
  env?: FactsServicesEnv;
}

export const USAGE = `Usage: candidate-review review <path | https git URL> [options]

Statically reviews a take-home submission (never runs its code) and prints the report.

Options:
  --format markdown|html|json
                           report format (default: markdown); html is one standalone page, no external assets
  --out FILE               write the report to FILE instead of stdout
  --base REF               review only files changed since REF (a take-home against its template)
  --config FILE            a candidate-review.yml: role and the take-home rubric (default: the reference RAG assignment)
  --allow-host HOST        also accept git URLs on HOST (repeatable; github.com is always allowed)
  --no-cache               parse every file again (parsed files are cached by content in
                           ~/.cache/candidate-review; CANDIDATE_REVIEW_CACHE=off does the same)
  -h, --help               show this help
  -v, --version            print the version
`;

/** `--format` → renderer; each takes the report and the permalink base for evidence links. */
const RENDERERS = {
  markdown: renderMarkdown,
  html: renderHtml,
  json: (report: Report) => renderJson(report),
} satisfies Record<string, (report: Report, permalinkBase: string | null) => string>;

/** Exit codes: 0 report written, 1 internal error, 2 bad input (one line on stderr). */
export async function main(argv: readonly string[], io: CliIo, options: Pick<ReviewOptions, 'transport' | 'limits'> = {}): Promise<number> {
  const fail = (message: string, code: number) => {
    io.stderr.write(`candidate-review: ${oneLine(message)}\n`);
    return code;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', default: 'markdown' },
        out: { type: 'string' },
        base: { type: 'string' },
        config: { type: 'string' },
        'allow-host': { type: 'string', multiple: true, default: [] },
        'no-cache': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message.split('\n')[0]} (see --help)`, 2);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (values.version) {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  const [command, target, ...extra] = positionals;
  if (command !== 'review') return fail(command ? `unknown command "${command.slice(0, 40)}" (see --help)` : 'missing command (see --help)', 2);
  if (!target) return fail('missing the folder or git URL to review (see --help)', 2);
  if (extra.length) return fail(`unexpected argument "${extra[0]!.slice(0, 40)}" (see --help)`, 2);
  const render = Object.hasOwn(RENDERERS, values.format) ? RENDERERS[values.format as keyof typeof RENDERERS] : undefined;
  if (!render) return fail(`unknown format "${values.format.slice(0, 20)}": use markdown, html or json`, 2);

  const services = io.env && openFactsServices(values['no-cache'] ? { ...io.env, CANDIDATE_REVIEW_CACHE: 'off' } : io.env, (line) => io.stderr.write(`candidate-review: ${oneLine(line)}\n`));
  try {
    const source = parseSource(target, { cwd: io.cwd, allowedHosts: ['github.com', ...values['allow-host']] });
    const config = values.config === undefined ? undefined : loadConfig(await readConfigFile(resolve(io.cwd, values.config), values.config), values.config);
    const report = await review(source, {
      ...options,
      ...(config && { config }),
      ...(values.base !== undefined && { base: values.base }),
      progress: (line) => io.stderr.write(`candidate-review: ${line}\n`),
      ...(services && { facts: services }),
    });
    const text = render(report, permalinkBase(source, report.target.commit));
    await writeOutput(text, values.out, io);
    return 0;
  } catch (error) {
    if (error instanceof InputError) return fail(error.message, 2);
    const code = (error as NodeJS.ErrnoException).code;
    if (values.out !== undefined && code && ['ENOENT', 'EACCES', 'EISDIR', 'EROFS'].includes(code)) return fail(`cannot write ${values.out}: ${code}`, 2);
    return fail(`internal error: ${(error as Error).message ?? String(error)}`, 1);
  } finally {
    await services?.close();
  }
}

async function readConfigFile(path: string, shown: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read config ${shown}: ${(error as NodeJS.ErrnoException).code ?? 'read failed'}`);
  }
}

function version(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
