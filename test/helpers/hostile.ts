/**
 * The three invariants every hostile case asserts besides its own expectation (team spec
 * `hostile-cases.md`): the process stays alive, no secret appears anywhere, and no temporary folder
 * is left behind.
 *
 * ```ts
 * const run = await hostileReview('https://github.com/octo/take-home', { transport });
 * expect(run.report?.target.skipped).toContainEqual(...);   // the case's own expectation
 * expectInvariants(run);                                     // alive, no secret, no temp folder
 *
 * const cli = await hostileCli(['review', 'ext::sh -c touch% /tmp/pwned']);
 * expect(cli.stderr).toMatch(/only https/);
 * expectInvariants(cli);
 * ```
 *
 * A run happens under a planted environment: fake installation tokens, a webhook secret and a
 * private key in the variables Probot and CI systems use, git credentials in `HOME`, in
 * `XDG_CONFIG_HOME`, in `GIT_CONFIG_PARAMETERS`/`GIT_CONFIG_*` and behind `GIT_ASKPASS`, and
 * simple-git's debug log switched on. Everything a person could see afterwards is captured: the
 * report (JSON and Markdown), the error with its own properties, progress lines, console and
 * stdout/stderr writes (the debug log included), and the `.git/config` and `HOME` of every clone
 * while it existed. `TMPDIR` points at a private folder, so the clone folders of this run — and
 * only those — can be counted afterwards.
 */
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PassThrough } from 'node:stream';
import createDebug from 'debug';
import { expect, vi, type MockInstance } from 'vitest';
import { main } from '../../src/cli/main.js';
import { InputError } from '../../src/errors.js';
import { permalinkBase } from '../../src/render/permalink-base.js';
import { renderJson } from '../../src/render/render-json.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import type { Report } from '../../src/report/build-report.js';
import { review, type ReviewOptions } from '../../src/review.js';
import { parseSource, type Source } from '../../src/source/parse-source.js';

/** An installation token as GitHub issues them (fake). */
export const PLANTED_TOKEN = 'ghs_H0stileFakeInstallationTok3n000000001';
export const PLANTED_WEBHOOK_SECRET = 'hostile-fake-webhook-secret-7f3a9c0001';
/** The body line that makes the fake private key recognisable wherever it would leak. */
const KEY_BODY = 'MIIBOgIBAAJBAKH0stileFakePrivateKeyBody0000000000000000001';
export const PLANTED_PRIVATE_KEY = `-----BEGIN RSA PRIVATE KEY-----\n${KEY_BODY}\n-----END RSA PRIVATE KEY-----\n`;
const BASIC = Buffer.from(`x-access-token:${PLANTED_TOKEN}`).toString('base64');

/** Every planted secret in every form it could leak in: as is, base64-encoded, and as git's Basic credential. */
export const SECRET_FORMS: readonly string[] = [
  PLANTED_TOKEN,
  Buffer.from(PLANTED_TOKEN).toString('base64'),
  BASIC,
  PLANTED_WEBHOOK_SECRET,
  Buffer.from(PLANTED_WEBHOOK_SECRET).toString('base64'),
  KEY_BODY,
  Buffer.from(PLANTED_PRIVATE_KEY).toString('base64').slice(0, 60),
];

/** The planted secrets found in `text` (empty when none leaked). */
export function leaksIn(text: string): string[] {
  return SECRET_FORMS.filter((secret) => text.includes(secret));
}

export interface HostileEnv {
  /** The private `TMPDIR` of this run. */
  tmp: string;
  /** Pass as `progress` to `review`: lines are captured and each one snapshots the live clones. */
  progress(line: string): void;
}

export interface HostileRun<T> {
  value: T | undefined;
  error: unknown;
  /** Progress lines, console output, stdout/stderr writes (simple-git's debug log included). */
  logs: string;
  /** `.git/config` and the `HOME` files of every clone, read while the clone existed. */
  gitState: string;
  /** `candidate-review-*` folders of this run still in `TMPDIR` afterwards. */
  leftovers: string[];
  /** git processes of this run still running a moment after it ended (a killed clone's helpers). */
  strays: string[];
  /** Promise rejections nobody handled while the run was going on. */
  unhandled: unknown[];
}

export interface HostileEnvOptions {
  /**
   * How much of simple-git's debug log to switch on: `everything` (`simple-git:*`, each command's
   * spawn options and output included, the default) or `commands` (`simple-git`: commands and outcomes).
   */
  gitDebug?: 'everything' | 'commands';
}

/** Runs `action` under the planted environment and captures everything it shows. */
export async function underHostileEnv<T>(action: (env: HostileEnv) => Promise<T>, options: HostileEnvOptions = {}): Promise<HostileRun<T>> {
  const tmp = mkdtempSync(join(tmpdir(), 'hostile-run-'));
  const planted = plantEnvironment(tmp);
  const logs: string[] = [];
  const gitState = new Set<string>();
  const snapshot = (): void => {
    for (const state of cloneState(tmp)) gitState.add(state);
  };
  const capture = (chunk: unknown): void => {
    const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk);
    logs.push(text);
    if (text.includes('…')) snapshot();
  };
  const spies: MockInstance[] = [
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => (capture(chunk), true)),
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => (capture(chunk), true)),
    ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((name) =>
      vi.spyOn(console, name).mockImplementation((...args: unknown[]) => capture(args.map(String).join(' '))),
    ),
  ];
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  const debugBefore = createDebug.disable();
  createDebug.enable(options.gitDebug === 'commands' ? 'simple-git' : 'simple-git,simple-git:*');
  const before = cloneFolders(tmp);

  let value: T | undefined;
  let error: unknown;
  try {
    value = await action({
      tmp,
      progress: (line) => {
        capture(`${line}\n`);
        snapshot();
      },
    });
  } catch (caught) {
    error = caught;
  } finally {
    createDebug.disable();
    if (debugBefore) createDebug.enable(debugBefore);
    for (const spy of spies) spy.mockRestore();
    planted.restore();
  }
  await new Promise((resolve) => setImmediate(resolve)); // let a stray rejection surface
  process.off('unhandledRejection', onUnhandled);
  const leftovers = cloneFolders(tmp).filter((name) => !before.includes(name));
  const strays = await settled(() => strayGitProcesses(tmp), 3_000);
  rmSync(tmp, { recursive: true, force: true });
  return { value, error, logs: logs.join(''), gitState: [...gitState].join('\n'), leftovers, strays, unhandled };
}

export interface ReviewRun extends HostileRun<Report> {
  report: Report | null;
  json: string;
  markdown: string;
}

export interface HostileReviewOptions extends Omit<ReviewOptions, 'progress'>, HostileEnvOptions {
  /** Local paths resolve against this folder (default: `/`). */
  cwd?: string;
  allowedHosts?: readonly string[];
  /** `false` for sources that come from an issue body or a payload. */
  allowLocal?: boolean;
}

/**
 * Parses `input` (a folder, a URL, or an already parsed source) and reviews it through the real
 * pipeline under the planted environment, then renders JSON and Markdown.
 */
export async function hostileReview(input: string | Source, options: HostileReviewOptions = {}): Promise<ReviewRun> {
  const { cwd = '/', allowedHosts, allowLocal, gitDebug, ...reviewOptions } = options;
  let source: Source | undefined;
  const run = await underHostileEnv(async ({ progress }) => {
    source =
      typeof input === 'string'
        ? parseSource(input, { cwd, ...(allowedHosts && { allowedHosts }), ...(allowLocal !== undefined && { allowLocal }) })
        : input;
    return review(source, { ...reviewOptions, progress });
  }, gitDebug ? { gitDebug } : {});
  const report = run.value ?? null;
  return {
    ...run,
    report,
    json: report ? renderJson(report) : '',
    markdown: report && source ? renderMarkdown(report, permalinkBase(source, report.target.commit)) : '',
  };
}

export interface CliRun extends HostileRun<number> {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI (`main`) with captured stdout and stderr under the planted environment. */
export async function hostileCli(argv: readonly string[], options: { cwd?: string } & Parameters<typeof main>[2] = {}): Promise<CliRun> {
  const { cwd = '/', ...cliOptions } = options;
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  const run = await underHostileEnv(async ({ progress }) => {
    // Progress lines go to stderr: each snapshots the live clones, as `progress` does for review().
    stderr.on('data', (chunk: Buffer) => {
      err.push(chunk.toString('utf8'));
      progress(chunk.toString('utf8').trimEnd());
    });
    return main(argv, { stdout, stderr, cwd }, cliOptions);
  });
  return { ...run, code: run.value ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: err.join('') };
}

/** Progress lines the CLI writes to stderr (`candidate-review: facts…`), as opposed to its error line. */
const PROGRESS_LINE = /^candidate-review: [\w-]+…$/;

/**
 * Alive (a report, or one InputError line), no planted secret in anything captured, and no
 * temporary folder or git process left behind.
 */
export function expectInvariants(run: ReviewRun | CliRun): void {
  // 1. alive
  expect(run.unhandled).toEqual([]);
  if ('code' in run) {
    const errorLines = run.stderr.split('\n').filter((line) => line !== '' && !PROGRESS_LINE.test(line));
    if (run.code === 0) {
      expect(run.stdout.length).toBeGreaterThan(0);
      expect(errorLines).toEqual([]);
    } else {
      expect(run.code, `stderr: ${run.stderr}`).toBe(2);
      expect(errorLines).toHaveLength(1);
      expect(errorLines[0]).toMatch(/^candidate-review: \S/);
    }
  } else if (run.report === null) {
    expect(run.error).toBeInstanceOf(InputError);
    expect((run.error as Error).message).not.toMatch(/[\r\n]/);
  }
  // 2. no secret anywhere
  const error = run.error instanceof Error ? [run.error.message, run.error.stack ?? '', JSON.stringify(run.error, Object.getOwnPropertyNames(run.error))] : [String(run.error ?? '')];
  const seen = [...error, run.logs, run.gitState, ...('code' in run ? [run.stdout, run.stderr] : [run.json, run.markdown])].join('\n');
  expect(leaksIn(seen)).toEqual([]);
  // 3. temporary folders removed, and no process of the run left behind
  expect(run.leftovers).toEqual([]);
  expect(run.strays).toEqual([]);
}

/** Polls `probe` until it finds nothing or `timeoutMs` passes; returns what it found last. */
async function settled(probe: () => string[], timeoutMs: number): Promise<string[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found.length === 0 || Date.now() > until) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The one line of a failed CLI run (without the `candidate-review: ` prefix). */
export function errorLine(run: CliRun): string {
  const line = run.stderr.split('\n').find((l) => l !== '' && !PROGRESS_LINE.test(l)) ?? '';
  return line.replace(/^candidate-review: /, '');
}

// ------------------------------------------------------------------ planted environment

interface Planted {
  restore(): void;
}

/** Puts credentials everywhere git or a library might look for them; `restore` puts the old values back. */
function plantEnvironment(tmp: string): Planted {
  const home = join(tmp, 'planted-home');
  mkdirSync(join(home, '.config', 'git'), { recursive: true });
  const header = `Authorization: Basic ${BASIC}`;
  const gitconfig = `[http]\n\textraHeader = ${header}\n[credential]\n\thelper = store\n[url "https://x-access-token:${PLANTED_TOKEN}@github.com/"]\n\tinsteadOf = https://github.com/\n`;
  writeFileSync(join(home, '.gitconfig'), gitconfig);
  writeFileSync(join(home, '.config', 'git', 'config'), gitconfig);
  writeFileSync(join(home, '.git-credentials'), `https://x-access-token:${PLANTED_TOKEN}@github.com\nhttp://x-access-token:${PLANTED_TOKEN}@127.0.0.1\n`);
  writeFileSync(join(home, '.netrc'), `machine github.com login x-access-token password ${PLANTED_TOKEN}\nmachine 127.0.0.1 login x-access-token password ${PLANTED_TOKEN}\n`);
  const askpass = join(home, 'askpass.sh');
  writeFileSync(askpass, `#!/bin/sh\necho '${PLANTED_TOKEN}'\n`, { mode: 0o755 });

  const values: Record<string, string> = {
    TMPDIR: tmp,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    GITHUB_TOKEN: PLANTED_TOKEN,
    GH_TOKEN: PLANTED_TOKEN,
    GITHUB_INSTALLATION_TOKEN: PLANTED_TOKEN,
    WEBHOOK_SECRET: PLANTED_WEBHOOK_SECRET,
    PRIVATE_KEY: PLANTED_PRIVATE_KEY,
    GIT_ASKPASS: askpass,
    SSH_ASKPASS: askpass,
    GIT_CONFIG_PARAMETERS: `'http.extraheader'='${header}'`,
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: 'http.extraHeader',
    GIT_CONFIG_VALUE_0: header,
  };
  const saved = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  Object.assign(process.env, values);
  return {
    restore() {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    },
  };
}

function cloneFolders(tmp: string): string[] {
  try {
    return readdirSync(tmp).filter((name) => name.startsWith('candidate-review-'));
  } catch {
    return [];
  }
}

/** The text files a clone could keep a credential in: `.git/config`, `FETCH_HEAD`, and everything under its `HOME`. */
function cloneState(tmp: string): string[] {
  const found: string[] = [];
  for (const name of cloneFolders(tmp)) {
    const root = join(tmp, name);
    for (const file of [join(root, 'repo', '.git', 'config'), join(root, 'repo', '.git', 'FETCH_HEAD'), join(root, 'repo', '.git', 'packed-refs'), ...filesUnder(join(root, 'home'))]) {
      try {
        found.push(`${file}:\n${readFileSync(file, 'utf8')}`);
      } catch {
        // not there (yet), or gone already
      }
    }
  }
  return found;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    try {
      if (statSync(path).isDirectory()) out.push(...filesUnder(path));
      else out.push(path);
    } catch {
      // removed meanwhile
    }
  }
  return out;
}

/**
 * git processes this run left running: direct children of this process (the readers; the test's
 * own `git http-backend` is not one of ours) and anything whose `HOME` is a clone's folder of `tmp`.
 */
function strayGitProcesses(tmp: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      if (!/\bgit\b|git-remote/.test(cmdline) || cmdline.includes('http-backend')) continue;
      const ppid = Number(/\)\s+\S\s+(\d+)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1]);
      const environ = readFileSync(`/proc/${pid}/environ`, 'utf8');
      if (ppid === process.pid || environ.includes(`HOME=${tmp}/`)) found.push(`${pid}: ${cmdline}`);
    } catch {
      // ended meanwhile, or not ours to read
    }
  }
  return found;
}

// ------------------------------------------------------------------ child processes

export interface ProcessRecorder {
  /** Programs the test process started (Node's child_process), by name: `git`, … */
  spawned(): string[];
  /** Programs any descendant looked up through `PATH` (a logging shim for each name in {@link SHIMMED}). */
  viaPath(): string[];
  restore(): void;
}

/** Names a repository could get run through `PATH`: shells, interpreters, build tools, package managers, git helpers. */
export const SHIMMED = [
  'git', 'git-lfs', 'git-credential-store', 'git-credential-cache', 'ssh', 'sh', 'bash', 'dash', 'env', 'python', 'python3',
  'pip', 'pip3', 'uv', 'poetry', 'pytest', 'node', 'npm', 'npx', 'yarn', 'pnpm', 'bun', 'make', 'cmake', 'docker', 'curl', 'wget',
  'perl', 'ruby', 'jupyter', 'ipython', 'conda', 'tox', 'nox', 'gpg', 'less', 'vi',
] as const;

/**
 * Records every child process from here on: Node's `child_process` functions are wrapped (and
 * `syncBuiltinESMExports` makes ES-module importers such as simple-git see the wrappers), and a
 * shim folder first on `PATH` logs each program looked up by name. `git` runs for real; every
 * other shimmed name is logged and refused.
 */
export function recordChildProcesses(): ProcessRecorder {
  const cp = createRequire(import.meta.url)('node:child_process') as Record<string, (...args: unknown[]) => unknown>;
  const spawned: string[] = [];
  const spies = (['spawn', 'spawnSync', 'execFile', 'execFileSync', 'exec', 'execSync', 'fork'] as const).map((name) => {
    const original = cp[name]!;
    return vi.spyOn(cp, name).mockImplementation(function (this: unknown, ...args: unknown[]) {
      const command = String(args[0]);
      spawned.push(name === 'exec' || name === 'execSync' ? (command.trim().split(/\s+/)[0] ?? command) : basename(command));
      return original.apply(this, args);
    } as never);
  });
  syncBuiltinESMExports();

  const shims = mkdtempSync(join(tmpdir(), 'path-shims-'));
  const log = join(shims, 'calls.log');
  writeFileSync(log, '');
  const realGit = gitPath();
  for (const name of SHIMMED) {
    const run = name === 'git' ? `exec ${realGit} "$@"` : 'exit 126';
    writeFileSync(join(shims, name), `#!/bin/sh\necho '${name}' >> '${log}'\n${run}\n`, { mode: 0o755 });
  }
  const savedPath = process.env.PATH;
  process.env.PATH = `${shims}:${savedPath ?? '/usr/bin:/bin'}`;

  return {
    spawned: () => [...spawned],
    viaPath: () => readFileSync(log, 'utf8').split('\n').filter(Boolean),
    restore() {
      process.env.PATH = savedPath;
      for (const spy of spies) spy.mockRestore();
      syncBuiltinESMExports();
      rmSync(shims, { recursive: true, force: true });
    },
  };
}

function gitPath(): string {
  for (const dir of (process.env.PATH ?? '/usr/bin:/bin').split(':')) {
    const candidate = join(dir, 'git');
    if (dir && existsSync(candidate) && !dir.includes('path-shims-')) return candidate;
  }
  return '/usr/bin/git';
}
