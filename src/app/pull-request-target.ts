/** A pull request to review, as plain data (from a webhook payload or `pulls.get`). */
export interface PullRequestTarget {
  installationId: number;
  owner: string;
  repo: string;
  repositoryId: number;
  /** A private repository is cloned with a token scoped to it; a public one anonymously. */
  private: boolean;
  number: number;
  headSha: string;
  baseSha: string;
  /** The base branch (`main`): fetched so the base commit is in the clone whatever the default branch. */
  baseRef: string;
  /** The description, read for claims. */
  body: string;
}

/** The parts of a payload's `repository` it needs: the pull request's base repository. */
export interface RepositoryLike {
  id: number;
  name: string;
  private: boolean;
  owner: { login: string };
}

/** The parts of a payload's `pull_request` (or a `pulls.get` answer) it needs. */
export interface PullRequestLike {
  number: number;
  body?: string | null;
  head: { sha: string };
  base: { sha: string; ref: string };
}

/**
 * The review target of a pull request in `repository` (the event's repository, the PR's base).
 * The base repository is cloned: it serves the head of a pull request from a fork too.
 */
export function pullRequestTarget(installationId: number, repository: RepositoryLike, pr: PullRequestLike): PullRequestTarget {
  return {
    installationId,
    owner: repository.owner.login,
    repo: repository.name,
    repositoryId: repository.id,
    private: repository.private,
    number: pr.number,
    headSha: pr.head.sha,
    baseSha: pr.base.sha,
    baseRef: pr.base.ref,
    body: pr.body ?? '',
  };
}

/** One job per pull request head: `owner/repo#12@<sha>`. */
export const pullRequestKey = (t: PullRequestTarget) => `${pullRequestGroup(t)}@${t.headSha}`;
/** Heads of one pull request supersede each other. */
export const pullRequestGroup = (t: Pick<PullRequestTarget, 'owner' | 'repo' | 'number'>) => `${t.owner}/${t.repo}#${t.number}`.toLowerCase();
