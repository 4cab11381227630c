import { join } from 'node:path';
import { InputError } from '../errors.js';
import type { Source } from '../source/parse-source.js';
import { mapLimited } from '../map-limited.js';
import type { Limits, Skipped, SourceFile, Workspace } from '../types.js';
import { buildInventory, type Entry } from './build-inventory.js';
import { decodeText } from './decode-text.js';
import { cloneRemote } from './git/clone-remote.js';
import { openGitRepo, type GitRepo } from './git/git-repo.js';
import { readRegularFile, walkFolder } from './walk-folder.js';

export interface LoadOptions {
  limits: Limits;
  /** Review only files changed since this ref (a take-home against its template). */
  base?: string;
  /** Tests only: clone from a loopback server instead of the rebuilt https URL. */
  transport?: { cloneUrl: string; allowHttp: true };
  /** A token for a private repository, passed to git as a header through the environment (see cloneRemote). */
  cloneAuth?: { token: string };
  /**
   * The commit to review instead of HEAD (a pull request's head), and what a remote clone must
   * fetch to hold it (`refs/pull/12/head`, the base commit).
   */
  head?: { commit: string; fetch: readonly string[] };
  /** Aborts a remote clone. */
  signal?: AbortSignal;
}

export interface LoadedWorkspace {
  workspace: Workspace;
  /** Removes every temporary file; safe to call twice. */
  cleanup(): Promise<void>;
}

/**
 * Source → workspace. Git sources are read from the object database (no checkout, so a committed
 * symlink can never point the reader outside the tree); folders are walked with `lstat`.
 */
export async function loadWorkspace(source: Source, options: LoadOptions): Promise<LoadedWorkspace> {
  if (source.kind === 'remote') {
    const clone = await cloneRemote(source, {
      limits: options.limits,
      fullHistory: options.base !== undefined,
      ...(options.transport ? { transport: options.transport } : {}),
      ...(options.cloneAuth ? { auth: options.cloneAuth } : {}),
      ...(options.head ? { fetch: options.head.fetch } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    try {
      const workspace = await readGitWorkspace(clone.repo, source.display, options, clone.depth);
      return { workspace, cleanup: clone.cleanup };
    } catch (error) {
      await clone.cleanup();
      throw error;
    }
  }
  const repo = await openGitRepo(source.path, { timeoutMs: options.limits.cloneTimeoutMs });
  const workspace = repo
    ? await readGitWorkspace(repo, source.display, options)
    : await readFolderWorkspace(source.path, source.display, options);
  return { workspace, cleanup: async () => {} };
}

/** `cloneDepth`: commits a shallow clone fetched, so its history reads as truncated, not missing. */
async function readGitWorkspace(repo: GitRepo, display: string, options: LoadOptions, cloneDepth: number | null = null): Promise<Workspace> {
  const commit = options.head ? await headCommitOf(repo, options.head.commit) : await repo.headCommit();
  if (!commit) {
    const empty = emptyWorkspace(display, null, null);
    empty.limitsReached.push('the repository has no commits: there is nothing to review');
    return empty;
  }
  const base = options.base === undefined ? null : await repo.resolveCommit(options.base);
  const tree = await repo.listTree(commit);
  const changed = base ? await repo.changedPaths(base, commit) : null;
  const inScope = changed ? tree.filter((entry) => changed.has(entry.path)) : tree;
  const sizes = await repo.blobSizes(inScope.filter((e) => e.type === 'blob' && e.mode !== '120000').map((e) => e.oid));
  const entries: Entry[] = inScope.map((entry) => ({
    path: entry.path,
    kind: entry.mode === '120000' ? 'symlink' : entry.type === 'commit' ? 'submodule' : entry.type === 'blob' ? 'file' : 'other',
    size: entry.type === 'blob' ? (sizes.get(entry.oid) ?? null) : 0,
  }));
  const inventory = buildInventory(entries, options.limits);
  const oidByPath = new Map(inScope.map((entry) => [entry.path, entry.oid]));
  const blobs = await repo.readBlobs(inventory.read.map((entry) => oidByPath.get(entry.path)!));
  const workspace = emptyWorkspace(display, commit, options.base ?? null);
  const history = await repo.history(commit, options.limits.maxCommits);
  workspace.history =
    cloneDepth !== null && cloneDepth > 1 && history.shallow
      ? { ...history, shallow: false, truncated: history.truncated || history.commits.length >= cloneDepth }
      : history;
  workspace.unchanged = tree.length - inScope.length;
  workspace.skipped.push(...inventory.skipped);
  workspace.limitsReached.push(...inventory.limitsReached);
  for (const entry of inventory.read) {
    const bytes = blobs.get(oidByPath.get(entry.path)!);
    add(workspace, bytes ? decoded(entry.path, bytes) : { path: entry.path, reason: 'missing-blob', detail: 'not in the clone' });
  }
  return workspace;
}

async function headCommitOf(repo: GitRepo, commit: string): Promise<string> {
  try {
    return await repo.resolveCommit(commit);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`the commit to review (${commit.slice(0, 12)}) is not in the clone`);
    throw error;
  }
}

/** Files of a folder being read at once. */
const READS_IN_FLIGHT = 16;

async function readFolderWorkspace(root: string, display: string, options: LoadOptions): Promise<Workspace> {
  if (options.base !== undefined) throw new InputError(`--base needs a git repository, and ${display} is a plain folder`);
  const listing = await walkFolder(root, options.limits.maxFiles * 4);
  const inventory = buildInventory(listing.entries, options.limits);
  const workspace = emptyWorkspace(display, null, null);
  workspace.skipped.push(...listing.skipped, ...inventory.skipped);
  workspace.limitsReached.push(...inventory.limitsReached);
  if (listing.truncated) workspace.limitsReached.push(`stopped listing the folder after ${options.limits.maxFiles * 4} entries`);
  const outcomes = await mapLimited(inventory.read, READS_IN_FLIGHT, async (entry): Promise<FileOutcome> => {
    const cap = entry.path.endsWith('.ipynb') ? options.limits.maxNotebookBytes : options.limits.maxFileBytes;
    try {
      const bytes = await readRegularFile(join(root, entry.path), cap);
      return bytes ? decoded(entry.path, bytes) : { path: entry.path, reason: 'unreadable', detail: 'changed while reading' };
    } catch (error) {
      return { path: entry.path, reason: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? 'read failed' };
    }
  });
  for (const outcome of outcomes) add(workspace, outcome);
  return workspace;
}

function emptyWorkspace(source: string, commit: string | null, base: string | null): Workspace {
  return { source, commit, base, files: [], skipped: [], unchanged: 0, limitsReached: [], history: null };
}

/** A file read for the workspace, or why it is left out. */
type FileOutcome = SourceFile | Skipped;

function add(workspace: Workspace, outcome: FileOutcome): void {
  if ('text' in outcome) workspace.files.push(outcome);
  else workspace.skipped.push(outcome);
}

function decoded(path: string, bytes: Buffer): FileOutcome {
  const text = decodeText(bytes);
  return text === null ? { path, reason: 'binary', detail: 'binary content' } : { path, text, bytes: bytes.length };
}
