import { lstat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InputError } from '../../errors.js';
import { CatFileBatchParser } from './cat-file-batch-parser.js';
import { hardenedGit, NO_HOME } from './hardened-git.js';
import { assertObjectId, isObjectId, validateRef } from './git-names.js';

/** One entry of a commit's tree. Mode `120000` is a symlink (its blob holds the target), `160000` a submodule. */
export interface TreeEntry {
  path: string;
  mode: string;
  type: 'blob' | 'commit' | 'tree';
  oid: string;
}

/**
 * Read-only access to a repository's object database. Nothing is ever checked out, no
 * transport is allowed (a partial clone never fetches a missing blob), and only validated
 * object ids and refs reach git.
 */
/** One commit of the history, as facts: no diff content, only which paths it touched. */
export interface Commit {
  sha: string;
  author: string;
  email: string;
  /** `Co-authored-by:` trailers, as written. */
  coAuthors: string[];
  /** Author date, seconds since the epoch. */
  time: number;
  subject: string;
  body: string;
  /** Paths added, modified or deleted. */
  files: string[];
}

export interface History {
  /** Newest first. */
  commits: Commit[];
  /** More commits exist than were read. */
  truncated: boolean;
  /** The clone is shallow: older commits exist but were not fetched. */
  shallow: boolean;
}

export interface GitRepo {
  /** The repository folder (the one holding `.git`). */
  readonly dir: string;
  /** Validates `ref` and resolves it to a commit id; an {@link InputError} for odd text or an unknown ref. */
  /** The commit at HEAD, or null for a repository without commits. */
  headCommit(): Promise<string | null>;
  resolveCommit(ref: string): Promise<string>;
  /** Every entry of the commit's tree, recursively (submodules as `commit` entries, not entered). */
  listTree(commit: string): Promise<TreeEntry[]>;
  /** Paths added, modified or changed in type from `base` to `head` (no rename detection). */
  changedPaths(base: string, head: string): Promise<Set<string>>;
  /** The newest `limit` commits reachable from `head`, with the paths each touched. */
  history(head: string, limit: number): Promise<History>;
  /** Size of each blob, or `null` when it is not present locally (left out by a partial clone). */
  blobSizes(oids: readonly string[]): Promise<Map<string, number | null>>;
  /** Contents of the blobs present locally; missing ones are left out of the map. */
  readBlobs(oids: readonly string[]): Promise<Map<string, Buffer>>;
}

export interface OpenGitRepoOptions {
  /** Limit per git command (default 60 s). */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;
/** How much blob content one `cat-file --batch` process returns at most (a larger blob goes alone). */
const BATCH_BYTES = 16 * 1024 * 1024;
const BATCH_OBJECTS = 2_000;

/**
 * Opens the repository in `dir`, or returns `null` when `dir/.git` is not a real directory
 * (missing, a file such as a worktree's `gitdir:` pointer, or a symlink) or not a repository:
 * the caller then reads `dir` as a plain folder.
 */
export async function openGitRepo(dir: string, options: OpenGitRepoOptions = {}): Promise<GitRepo | null> {
  const root = resolve(dir);
  const gitDir = join(root, '.git');
  try {
    if (!(await lstat(gitDir)).isDirectory()) return null;
  } catch {
    return null;
  }
  const repo = new ObjectDatabase({
    dir: root,
    gitDir,
    home: NO_HOME,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  });
  return (await repo.isRepository()) ? repo : null;
}

export interface ObjectDatabaseOptions {
  dir: string;
  gitDir: string;
  /** Empty folder for git's `HOME`, or {@link NO_HOME}. */
  home: string;
  timeoutMs: number;
}

/** The {@link GitRepo} implementation; `cloneRemote` makes one over its fresh clone. */
export class ObjectDatabase implements GitRepo {
  readonly dir: string;
  private partial: Promise<boolean> | undefined;

  constructor(private readonly options: ObjectDatabaseOptions) {
    this.dir = options.dir;
  }

  async isRepository(): Promise<boolean> {
    try {
      await this.raw(['rev-parse', '--git-dir']);
      return true;
    } catch {
      return false;
    }
  }

  async headCommit(): Promise<string | null> {
    const sha = await this.revParse('HEAD');
    return isObjectId(sha) ? sha : null;
  }

  async resolveCommit(ref: string): Promise<string> {
    validateRef(ref);
    const sha = await this.revParse(ref);
    if (!isObjectId(sha)) {
      throw new InputError(
        ref === 'HEAD' ? 'the repository has no commit at HEAD (is it empty?)' : `unknown ref "${ref}"`,
      );
    }
    return sha;
  }

  /** `rev-parse --verify` of a validated ref; '' when it names no commit. */
  private async revParse(ref: string): Promise<string> {
    let out = '';
    try {
      out = await this.raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
    } catch {
      out = '';
    }
    return out.trim();
  }

  async listTree(commit: string): Promise<TreeEntry[]> {
    assertObjectId(commit);
    const out = await this.raw(['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', commit]);
    const entries: TreeEntry[] = [];
    for (const record of out.split('\0')) {
      if (record === '') continue;
      // <mode> SP <type> SP <oid> TAB <path>
      const tab = record.indexOf('\t');
      const [mode, type, oid] = record.slice(0, tab).split(' ');
      if (tab < 0 || mode === undefined || oid === undefined || !isObjectId(oid)) {
        throw new Error('unexpected ls-tree output');
      }
      if (type !== 'blob' && type !== 'commit' && type !== 'tree') throw new Error('unexpected ls-tree output');
      entries.push({ path: record.slice(tab + 1), mode, type, oid });
    }
    return entries;
  }

  async history(head: string, limit: number): Promise<History> {
    assertObjectId(head);
    const max = Math.max(1, Math.min(Math.floor(limit), 10_000));
    // Trees only (`--name-only`, no line counts): never needs a blob, so a partial clone stays offline.
    const out = await this.raw([
      // `--ignore-submodules`: otherwise git reads the candidate's .gitmodules, and one bad line there is fatal.
      'log', '--no-color', '--no-renames', '--no-ext-diff', '--no-textconv', '--ignore-submodules', '--name-only',
      `--max-count=${max + 1}`, `--format=${RECORD}%H${FIELD}%an${FIELD}%ae${FIELD}%at${FIELD}%s${FIELD}%b${FIELD}`,
      '--end-of-options', head,
    ]);
    const commits = parseLog(out);
    const shallow = (await this.raw(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
    return { commits: commits.slice(0, max), truncated: commits.length > max, shallow };
  }

  async changedPaths(base: string, head: string): Promise<Set<string>> {
    assertObjectId(base);
    assertObjectId(head);
    let out: string;
    try {
      out = await this.raw([
        'diff-tree',
        '-r',
        '-z',
        '--no-renames',
        '--no-ext-diff',
        '--no-textconv',
        '--ignore-submodules',
        '--name-only',
        '--diff-filter=AMT',
        '--end-of-options',
        base,
        head,
      ]);
    } catch {
      throw new InputError(`could not compare ${base.slice(0, 12)} with ${head.slice(0, 12)} (is the history there?)`);
    }
    return new Set(out.split('\0').filter((path) => path !== ''));
  }

  async blobSizes(oids: readonly string[]): Promise<Map<string, number | null>> {
    const wanted = unique(oids);
    const sizes = new Map<string, number | null>(wanted.map((oid) => [oid, null]));
    if (wanted.length === 0) return sizes;

    if (!(await this.isPartial())) {
      try {
        await this.batch(wanted, false, (oid, type, size) => {
          if (type === 'blob' && sizes.has(oid)) sizes.set(oid, size);
        });
        return sizes;
      } catch {
        // A promisor remote this check did not see: fall back to the listing that never fetches.
      }
    }
    // Lists what is in the local object database only, so nothing is fetched lazily.
    await this.batch([], false, (oid, type, size) => {
      if (type === 'blob' && sizes.has(oid)) sizes.set(oid, size);
    });
    return sizes;
  }

  async readBlobs(oids: readonly string[]): Promise<Map<string, Buffer>> {
    const sizes = await this.blobSizes(oids);
    const blobs = new Map<string, Buffer>();
    let batch: string[] = [];
    let batchBytes = 0;
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      const current = batch;
      batch = [];
      batchBytes = 0;
      await this.batch(current, true, (oid, type, _size, content) => {
        if (type === 'blob' && content) blobs.set(oid, content);
      });
    };
    for (const [oid, size] of sizes) {
      if (size === null) continue;
      if (batch.length > 0 && (batchBytes + size > BATCH_BYTES || batch.length >= BATCH_OBJECTS)) await flush();
      batch.push(oid);
      batchBytes += size;
    }
    await flush();
    return blobs;
  }

  /** Whether the repository names a promisor remote, i.e. may be missing objects on purpose. */
  private isPartial(): Promise<boolean> {
    this.partial ??= this.raw(['config', '--get-regexp', '^(extensions\\.partialclone|remote\\..*\\.promisor)$'])
      .then((out) => out.trim() !== '')
      .catch(() => true);
    return this.partial;
  }

  /**
   * Streams object ids to one `cat-file --batch` (or `--batch-check`) process and parses its
   * output as it arrives. An empty list means every object present locally (`--batch-all-objects`).
   */
  private async batch(
    oids: readonly string[],
    withContents: boolean,
    onObject: (oid: string, type: string, size: number, content: Buffer | null) => void,
  ): Promise<void> {
    const args = ['cat-file', withContents ? '--batch' : '--batch-check=%(objectname) %(objecttype) %(objectsize)'];
    if (oids.length === 0) args.push('--batch-all-objects', '--unordered');
    for (const oid of oids) assertObjectId(oid);

    const parser = new CatFileBatchParser({ object: onObject, missing: () => undefined }, withContents);
    let parseError: unknown;
    const { git, done, killStrays } = this.git(oids.length > 0 ? `${oids.join('\n')}\n` : undefined);
    git.outputHandler((_command, stdout) => {
      stdout.on('data', (chunk: Buffer) => {
        if (parseError !== undefined) return;
        try {
          parser.push(chunk);
        } catch (error) {
          parseError = error;
        }
      });
    });
    try {
      // `binaryCatFile` keeps the bytes binary; its own copy of the output is not used.
      await git.binaryCatFile(args.slice(1));
    } catch (error) {
      killStrays();
      throw error;
    } finally {
      done();
    }
    if (parseError !== undefined) throw parseError;
    parser.end();
  }

  private async raw(args: string[]): Promise<string> {
    const { git, done, killStrays } = this.git();
    try {
      return await git.raw(args);
    } catch (error) {
      killStrays();
      throw error;
    } finally {
      done();
    }
  }

  private git(input?: string) {
    return hardenedGit({
      mode: 'read',
      cwd: this.options.gitDir,
      gitDir: this.options.gitDir,
      home: this.options.home,
      safeDirectories: [this.options.dir, this.options.gitDir],
      timeoutMs: this.options.timeoutMs,
      ...(input !== undefined ? { input } : {}),
    });
  }
}

function unique(oids: readonly string[]): string[] {
  const seen = [...new Set(oids)];
  for (const oid of seen) assertObjectId(oid);
  return seen;
}

const RECORD = '%x1e';
const FIELD = '%x1f';

/** Parses `git log` records: fields split by U+001F, records by U+001E, then the `--name-only` paths. */
export function parseLog(out: string): Commit[] {
  const commits: Commit[] = [];
  for (const record of out.split('\x1e')) {
    if (!record.trim()) continue;
    const fields = record.split('\x1f');
    if (fields.length < 7) continue;
    const [sha, author, email, time, subject, body, rest] = fields as [string, string, string, string, string, string, string];
    commits.push({
      sha,
      author,
      email,
      coAuthors: [...body.matchAll(/^co-authored-by:[ \t]*([^\n]{1,200})$/gim)].map((m) => m[1]!.trim()),
      time: Number(time),
      subject,
      body: body.trim().slice(0, 2000),
      files: rest.split('\n').map((l) => l.trim()).filter(Boolean),
    });
  }
  return commits;
}
