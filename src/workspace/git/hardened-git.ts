import { randomUUID } from 'node:crypto';
import { inspect } from 'node:util';
import { simpleGit, type SimpleGit } from 'simple-git';
import { killMarkedProcesses } from './kill-marked-processes.js';

/**
 * Every git process of the product starts here, through simple-git, with one hardened setup:
 *
 * - no system or user config, `HOME` an empty folder, no terminal prompt, no askpass, no
 *   credential helper, no hooks, no fsmonitor, no LFS smudge, no symlinks, redirects refused;
 * - `clone` may use https only (http too when a test asks for it, on 127.0.0.1 only);
 * - `read` may use no transport at all, so a partial clone can never fetch a missing object
 *   lazily, whatever the repository's own config says.
 *
 * The arguments are the caller's business: only constant text and validated values (a 40-hex
 * object id, a validated ref, a rebuilt URL) may be passed.
 */
export type GitMode = 'clone' | 'read';

export interface HardenedGitOptions {
  mode: GitMode;
  /** Where git runs. */
  cwd: string;
  /** An empty folder (or {@link NO_HOME}) used as `HOME` and `XDG_CONFIG_HOME`. */
  home: string;
  /** `read` only: the `.git` folder, passed as `GIT_DIR` so git never searches for one. */
  gitDir?: string;
  /** `read` only: folders named in `safe.directory` (the work tree and the `.git` folder). */
  safeDirectories?: readonly string[];
  /** Wall-clock limit; the process is killed when it is reached, or after as long without output. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Written to the process's stdin. */
  input?: string;
  /** `clone` only, tests only: also allow plain http (the caller restricts it to 127.0.0.1). */
  allowHttp?: boolean;
  /**
   * `clone` only: extra variables for this command, such as the header behind
   * `--config-env=http.extraHeader=<NAME>`. They never replace a hardened variable.
   */
  extraEnv?: Readonly<Record<string, string>>;
}

export interface HardenedGit {
  git: SimpleGit;
  /** Aborted when the wall-clock limit was reached (as opposed to the caller's signal). */
  timedOut: AbortSignal;
  /** Clears the wall-clock timer and lets go of the caller's signal; call when the command is over. */
  done(): void;
  /** Kills what is left of this command's processes (a killed git leaves its helpers running). */
  killStrays(): void;
}

/** Environment variable every git process of one {@link hardenedGit} carries, with a unique value. */
const RUN_MARKER = 'CANDIDATE_REVIEW_GIT_RUN';

/** `-c` options for every command. */
const COMMON_CONFIG = [
  'core.hooksPath=/dev/null',
  'core.fsmonitor=false',
  'core.symlinks=false',
  'credential.helper=',
  'http.followRedirects=false',
  'protocol.allow=never',
  'filter.lfs.smudge=',
  'filter.lfs.process=',
  'filter.lfs.required=false',
  'submodule.recurse=false',
] as const;

/**
 * Each flag lifts one of simple-git's guards for a value we set ourselves, never for text from
 * the candidate: our `-c` options above and the hardened environment below.
 */
const OWN_SETTINGS_FLAGS = {
  allowUnsafeHooksPath: true, // core.hooksPath=/dev/null
  allowUnsafeFsMonitor: true, // core.fsmonitor=false
  allowUnsafeCredentialHelper: true, // credential.helper= (empty: none)
  allowUnsafeFilter: true, // filter.lfs.*= (empty: none)
  allowUnsafeProtocolOverride: true, // protocol.allow=never, protocol.https.allow=always
  allowUnsafeTemplateDir: true, // clone --template= (empty: no template, no sample hooks)
  allowUnsafeAskPass: true, // GIT_ASKPASS= and SSH_ASKPASS= (empty: none)
  allowUnsafeConfigPaths: true, // GIT_CONFIG_GLOBAL=/dev/null, GIT_DIR
} as const;

/** A simple-git instance for one command, with the hardened environment and config. */
export function hardenedGit(options: HardenedGitOptions): HardenedGit {
  const marker = randomUUID();
  const extra = options.mode === 'clone' ? (options.extraEnv ?? {}) : {};
  const env = { ...extra, ...hardenedEnv(options), [RUN_MARKER]: marker };
  // simple-git's debug log (`DEBUG=simple-git:*`) prints spawn options with `%O`: show the
  // variable names only, never a value (the clone's Authorization header is one). A symbol key:
  // it survives simple-git's `{ ...env }` copies, and child_process never passes symbols to git.
  Object.defineProperty(env, inspect.custom, { value: () => `{ environment: ${Object.keys(env).join(', ')} }`, enumerable: true });
  const config: string[] = [...COMMON_CONFIG];
  if (options.mode === 'clone') {
    config.push('protocol.https.allow=always');
    if (options.allowHttp) config.push('protocol.http.allow=always');
  }
  for (const dir of options.safeDirectories ?? []) config.push(`safe.directory=${dir}`);

  // `abort` kills the process; `timedOut` tells the wall-clock limit from the caller's signal.
  const abort = new AbortController();
  const timedOut = new AbortController();
  const timeout = setTimeout(() => {
    timedOut.abort();
    abort.abort();
  }, options.timeoutMs);
  const onCallerAbort = (): void => abort.abort();
  if (options.signal?.aborted) abort.abort();
  options.signal?.addEventListener('abort', onCallerAbort, { once: true });
  const input = options.input;

  const git = simpleGit({
    baseDir: options.cwd,
    config,
    abort: abort.signal,
    timeout: { block: options.timeoutMs },
    unsafe: OWN_SETTINGS_FLAGS,
    allowEnvironment: Object.keys(env).filter((key) => /^(GIT_|SSH_ASKPASS$)/.test(key)),
    ...(input !== undefined ? { input: () => input } : {}),
  }).env(env);

  return {
    git,
    timedOut: timedOut.signal,
    done: () => {
      clearTimeout(timeout);
      options.signal?.removeEventListener('abort', onCallerAbort);
    },
    killStrays: () => void killMarkedProcesses(RUN_MARKER, marker),
  };
}

function hardenedEnv(options: HardenedGitOptions): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: options.home,
    XDG_CONFIG_HOME: options.home,
    LC_ALL: 'C',
    LANG: 'C',
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_ATTR_NOSYSTEM: '1',
    GIT_LFS_SKIP_SMUDGE: '1',
    GIT_NO_LAZY_FETCH: '1', // git ≥ 2.44; older gits are held by GIT_ALLOW_PROTOCOL below
    GIT_NO_REPLACE_OBJECTS: '1',
    GIT_OPTIONAL_LOCKS: '0',
    // A list of allowed transports; empty allows none (git reads it before any protocol.* config).
    GIT_ALLOW_PROTOCOL: options.mode === 'clone' ? (options.allowHttp ? 'https:http' : 'https') : '',
  };
  if (options.mode === 'read' && options.gitDir !== undefined) env.GIT_DIR = options.gitDir;
  if (options.mode === 'clone' && !options.allowHttp) {
    // The operator's proxy and CA settings, never the candidate's.
    for (const key of ['HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy', 'SSL_CERT_FILE', 'SSL_CERT_DIR']) {
      const value = process.env[key];
      if (value !== undefined) env[key] = value;
    }
  }
  return env;
}

/**
 * `HOME` for git reading a local repository: `/dev/null` is not a folder, so no `.gitconfig`,
 * `.netrc` or `.config/git/*` can ever be found under it, and there is no temporary folder to
 * remove afterwards. (A clone gets an empty folder of its own, inside its temporary folder.)
 */
export const NO_HOME = '/dev/null';
