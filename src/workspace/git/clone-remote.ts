import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../errors.js';
import type { Source } from '../../source/parse-source.js';
import type { Limits } from '../../types.js';
import { hardenedGit } from './hardened-git.js';
import { ObjectDatabase, type GitRepo } from './git-repo.js';

export type RemoteSource = Extract<Source, { kind: 'remote' }>;

export interface CloneRemoteOptions {
  limits: Pick<Limits, 'cloneTimeoutMs' | 'cloneBlobLimitBytes'> & Partial<Pick<Limits, 'cloneHistoryDepth'>>;
  /** Clone every commit of the branch instead of the newest `cloneHistoryDepth` (default 1). */
  fullHistory?: boolean;
  /** Tests only: clone from a local http server (127.0.0.1) instead of `source.url`. */
  transport?: { cloneUrl: string; allowHttp: true };
  /**
   * A GitHub token (an installation token scoped to this one repository) for a private clone.
   * It reaches git only as an `Authorization` header through the environment: never in the URL,
   * the arguments, `.git/config`, an error or a log line.
   */
  auth?: { token: string };
  /**
   * Refs or commits to fetch besides the default branch (a pull request's head, `refs/pull/12/head`,
   * and its base commit), each as deep as the clone. A commit that no fetch brings stays missing:
   * the reader reports it, it is never guessed.
   */
  fetch?: readonly string[];
  signal?: AbortSignal;
}

export interface Clone {
  repo: GitRepo;
  /** Commits fetched at most (`--depth`), or null for the full history. */
  depth: number | null;
  /** Removes the temporary folder; safe to call more than once. */
  cleanup(): Promise<void>;
}

/** Limit per git command when reading the finished clone (it is local: no network). */
const READ_TIMEOUT_MS = 60_000;
const REBUILT_URL = /^https:\/\/[a-z0-9][a-z0-9.-]*\/[A-Za-z0-9][A-Za-z0-9-]{0,38}\/(?!\.\.?\.git$)[A-Za-z0-9._][A-Za-z0-9._-]{0,99}\.git$/;
const TEST_URL = /^http:\/\/127\.0\.0\.1:\d{1,5}\/[A-Za-z0-9._/-]+$/;
/** The variable that carries the `Authorization` header to git (`--config-env`), so argv never holds it. */
const AUTH_HEADER_ENV = 'CANDIDATE_REVIEW_HTTP_AUTHORIZATION';
/** What `fetch` may name: a pull request's head, a branch, or a full commit id. Never an option or a refspec. */
const FETCHABLE = /^(refs\/pull\/\d{1,9}\/head|refs\/heads\/(?!-)(?!.*\.\.)[A-Za-z0-9._/-]{1,200}|[0-9a-f]{40})$/;
/** Printable ASCII without spaces, bounded: a token can never add a header line of its own. */
const TOKEN = /^[\x21-\x7e]{1,1024}$/;

/**
 * Clones the default branch of a remote repository into a new temporary folder, without a
 * checkout, tags, submodules, hooks or templates, and without blobs larger than
 * `limits.cloneBlobLimitBytes` (a partial clone: they stay missing, never fetched later). The
 * clone is killed at `limits.cloneTimeoutMs`. On failure the folder is removed and an
 * {@link InputError} says why in a few safe words (never git's own output).
 */
export async function cloneRemote(source: RemoteSource, options: CloneRemoteOptions): Promise<Clone> {
  const url = cloneUrl(source, options.transport);
  const shown = `https://${source.host}/${source.owner}/${source.repo}`; // validated by cloneUrl
  const blobLimit = options.limits.cloneBlobLimitBytes;
  const depth = options.fullHistory ? null : Math.max(1, Math.floor(options.limits.cloneHistoryDepth ?? 1));
  if (!Number.isSafeInteger(blobLimit) || blobLimit < 0) throw new Error('cloneBlobLimitBytes must be a whole number');
  const authorization = options.auth ? authorizationHeader(options.auth.token) : null;
  const fetch = options.fetch ?? [];
  const unfetchable = fetch.find((ref) => !isFetchable(ref));
  if (unfetchable !== undefined) throw new InputError(`cannot fetch "${unfetchable.slice(0, 60)}": only refs/pull/N/head, refs/heads/… or a commit id`);

  const root = await mkdtemp(join(tmpdir(), 'candidate-review-'));
  let removed: Promise<void> | undefined;
  const cleanup = (): Promise<void> => (removed ??= rm(root, { recursive: true, force: true }));

  const home = join(root, 'home');
  const dir = join(root, 'repo');
  const { git, timedOut, done, killStrays } = hardenedGit({
    mode: 'clone',
    cwd: root,
    home,
    timeoutMs: options.limits.cloneTimeoutMs,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.transport ? { allowHttp: true } : {}),
    ...(authorization ? { extraEnv: { [AUTH_HEADER_ENV]: authorization } } : {}),
  });
  try {
    await mkdir(home);
    const args = [
      // A private repository's token: the header is in the git process's environment and argv
      // names only the variable. In the URL it would end up in .git/config and in error messages;
      // as `-c http.extraHeader=…` it would be readable by anyone who can list processes.
      ...(authorization ? [`--config-env=http.extraHeader=${AUTH_HEADER_ENV}`] : []),
      'clone',
      '--quiet',
      '--no-checkout',
      '--single-branch',
      '--no-tags',
      '--no-recurse-submodules',
      '--template=',
      `--filter=blob:limit=${blobLimit}`,
      ...(depth === null ? [] : [`--depth=${depth}`]),
      '--',
      url,
      dir,
    ];
    await git.raw(args);
    for (const ref of fetch) {
      // A ref lands under refs/candidate-review/ (a commit id needs no name); `+` because a pull
      // request's head is force-pushed freely.
      const refspec = ref.startsWith('refs/') ? `+${ref}:refs/candidate-review/${ref.slice('refs/'.length)}` : ref;
      await git.raw([
        ...(authorization ? [`--config-env=http.extraHeader=${AUTH_HEADER_ENV}`] : []),
        '-C', dir, 'fetch', '--quiet', '--no-tags', '--no-recurse-submodules', `--filter=blob:limit=${blobLimit}`,
        ...(depth === null ? [] : [`--depth=${depth}`]),
        'origin', refspec,
      ]);
    }
  } catch (error) {
    done();
    killStrays();
    await cleanup();
    const reason = timedOut.aborted
      ? `timed out after ${Math.max(1, Math.round(options.limits.cloneTimeoutMs / 1000))} s`
      : options.signal?.aborted
        ? 'cancelled'
        : cloneFailureReason(error);
    throw new InputError(`could not clone ${shown}: ${reason}`);
  }
  done();

  const repo = new ObjectDatabase({ dir, gitDir: join(dir, '.git'), home, timeoutMs: READ_TIMEOUT_MS });
  return { repo, depth, cleanup };
}

/** Whether {@link CloneRemoteOptions.fetch} accepts `ref`: `refs/pull/N/head`, a plain `refs/heads/…` name, or a commit id. */
export function isFetchable(ref: string): boolean {
  return FETCHABLE.test(ref);
}

function cloneUrl(source: RemoteSource, transport: CloneRemoteOptions['transport']): string {
  // `source` is a type, not a proof: check the rebuilt URL once more before git sees it.
  const rebuilt = `https://${source.host}/${source.owner}/${source.repo}.git`;
  if (!REBUILT_URL.test(rebuilt) || source.url !== rebuilt) {
    throw new InputError('unsupported source: not a URL rebuilt by parseSource');
  }
  if (transport) {
    if (!TEST_URL.test(transport.cloneUrl)) throw new Error('test transport must be http://127.0.0.1:<port>/…');
    return transport.cloneUrl;
  }
  return rebuilt;
}

/** `Authorization: Basic base64(x-access-token:<token>)`, as GitHub expects for an app's installation token. */
function authorizationHeader(token: string): string {
  if (!TOKEN.test(token)) throw new InputError('the clone token is not a valid GitHub token');
  return `Authorization: Basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
}

/** A few safe words from git's error, which itself is never shown (it may hold URLs). */
function cloneFailureReason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const known: [RegExp, string][] = [
    [/not found|returned error: 404|does not appear to be a git repository/i, 'repository not found (or private)'],
    [
      /authentication|could not read (username|password)|terminal prompts disabled|returned error: 40[13]/i,
      'repository is private or needs authentication',
    ],
    [/returned error: 30\d|redirect/i, 'the server answered with a redirect, which is not followed'],
    [/could not resolve (host|proxy)/i, 'could not resolve the host'],
    [/failed to connect|connection refused|couldn't connect/i, 'could not connect to the host'],
    [/timed out|timeout/i, 'the connection timed out'],
    [/transport '\w+' not allowed/i, 'transport not allowed'],
    [/filter|partial clone/i, 'the server does not support partial clones'],
    [/returned error: 5\d\d/i, 'the server answered with an error'],
    [/ssl|certificate|tls/i, 'TLS error'],
  ];
  for (const [pattern, reason] of known) if (pattern.test(text)) return reason;
  return 'git clone failed';
}
