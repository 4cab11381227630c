/**
 * Builds small git repositories at test time, so tests read like the repository they describe.
 *
 * ```ts
 * const repo = await makeGitRepo({ 'README.md': '# hi\n', 'leak': { symlink: '/etc/passwd' } });
 * repo.dir        // a work tree with the files on disk and a real .git folder
 * repo.commits    // [sha of the one commit]
 * await repo.cleanup();
 *
 * // several commits: each one's files are applied on top of the previous commit; null deletes
 * const history = await makeGitRepo([
 *   { files: { 'a.py': 'x = 1\n', 'b.py': 'y\n' } },
 *   { files: { 'a.py': 'x = 2\n', 'b.py': null, 'c.py': 'new\n' }, message: 'second' },
 * ]);
 * history.commits // [first sha, second sha]; HEAD is the last, on branch `main`
 * ```
 *
 * A value is a file's content (string or Buffer), `{ symlink: target }`, `{ executable: content }`
 * (mode 100755), `{ submodule: '<40-hex commit id>' }` (a gitlink, mode 160000) or `null` (delete).
 * Commits are made with a fixed author and date (or the commit's own `author` and ISO `date`); git
 * runs with no user or system config.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export type RepoFile = string | Buffer | { symlink: string } | { executable: string | Buffer } | { submodule: string };

export type RepoFiles = Record<string, RepoFile | null>;

export interface RepoCommit {
  files: RepoFiles;
  message?: string;
  /** Author and committer date, ISO 8601 (`2024-05-01T10:00:00Z`); by default one hour after the previous commit. */
  date?: string;
  /** `Name <email>`; by default `Candidate <candidate@example.com>`. */
  author?: string;
}

export interface GitRepoFixture {
  /** The work tree; `.git` inside it. */
  dir: string;
  /** Commit ids, oldest first. */
  commits: string[];
  /** Runs git in the fixture (for the odd test that needs more); returns trimmed stdout. */
  git(...args: string[]): string;
  cleanup(): Promise<void>;
}

const ENV = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: tmpdir(),
  LC_ALL: 'C',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Candidate',
  GIT_AUTHOR_EMAIL: 'candidate@example.com',
  GIT_COMMITTER_NAME: 'Candidate',
  GIT_COMMITTER_EMAIL: 'candidate@example.com',
};

/** Makes a repository from one set of files (one commit) or a list of commits. */
export async function makeGitRepo(spec: RepoFiles | RepoCommit[]): Promise<GitRepoFixture> {
  const commits = Array.isArray(spec) ? spec : [{ files: spec }];
  const dir = mkdtempSync(join(tmpdir(), 'git-fixture-'));
  const git = (...args: string[]): string =>
    execFileSync('git', args, { cwd: dir, env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

  git('init', '--quiet', '--initial-branch=main', '--template=');
  const shas: string[] = [];
  commits.forEach((commit, index) => {
    const added: string[] = [];
    for (const [path, value] of Object.entries(commit.files)) {
      if (writeEntry(dir, git, path, value)) added.push(path);
    }
    for (let i = 0; i < added.length; i += 500) git('add', '--', ...added.slice(i, i + 500));
    const date = commit.date ? `${Math.floor(Date.parse(commit.date) / 1000)} +0000` : `${1_700_000_000 + index * 3600} +0000`;
    const author = commit.author ? /^(.*?)\s*<([^>]*)>$/.exec(commit.author) : null;
    const who = author ? { GIT_AUTHOR_NAME: author[1]!, GIT_AUTHOR_EMAIL: author[2]! } : {};
    execFileSync('git', ['commit', '--quiet', '--allow-empty', '--allow-empty-message', '--no-verify', '-m', commit.message ?? `commit ${index + 1}`], {
      cwd: dir,
      env: { ...ENV, ...who, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      stdio: 'ignore',
    });
    shas.push(git('rev-parse', 'HEAD'));
  });

  return { dir, commits: shas, git, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes one entry to the work tree; true when it still needs `git add`. */
function writeEntry(dir: string, git: (...args: string[]) => string, path: string, value: RepoFile | null): boolean {
  const file = join(dir, path);
  rmSync(file, { recursive: true, force: true });
  if (value === null) {
    git('rm', '--quiet', '-r', '--cached', '--ignore-unmatch', '--', path);
    return false;
  }
  mkdirSync(dirname(file), { recursive: true });
  if (typeof value === 'string' || Buffer.isBuffer(value)) {
    writeFileSync(file, value);
  } else if ('symlink' in value) {
    symlinkSync(value.symlink, file);
  } else if ('executable' in value) {
    writeFileSync(file, value.executable, { mode: 0o755 });
  } else {
    git('update-index', '--add', '--cacheinfo', `160000,${value.submodule},${path}`);
    return false;
  }
  return true;
}

/**
 * Turns a fixture of commits into a pull request as GitHub stores it: the default branch stays at
 * the first commit (the template) and the last one is reachable only as `refs/pull/<number>/head`.
 */
export function asPullRequest(fixture: GitRepoFixture, number: number, baseBranch = 'main'): { base: string; head: string } {
  const base = fixture.commits[0]!;
  const head = fixture.commits.at(-1)!;
  fixture.git('update-ref', `refs/pull/${number}/head`, head);
  fixture.git('update-ref', `refs/heads/${baseBranch}`, base);
  fixture.git('symbolic-ref', 'HEAD', `refs/heads/${baseBranch}`);
  if (baseBranch !== 'main') fixture.git('update-ref', '-d', 'refs/heads/main');
  return { base, head };
}
