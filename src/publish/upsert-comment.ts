import type { ProbotOctokit } from 'probot';
import { NO_RETRY, createOnce } from './create-once.js';

export interface CommentAt {
  owner: string;
  repo: string;
  /** The issue or pull request number. */
  issueNumber: number;
}

export interface UpsertedComment {
  id: number;
  url: string;
  created: boolean;
}

/** Comments read when looking for our own (100 a page): a long thread is not read to the end. */
const MAX_PAGES = 10;

/**
 * Writes `body` (which starts with `marker`) as the app's one comment on an issue or pull request:
 * the existing comment by a bot that starts with the marker is updated, otherwise one is created,
 * and a create whose response was lost is found rather than repeated.
 */
export async function upsertComment(octokit: ProbotOctokit, at: CommentAt, marker: string, body: string, wait?: (ms: number) => Promise<void>): Promise<UpsertedComment> {
  if (!body.startsWith(marker)) throw new Error('a comment body must start with its marker');
  const find = () => findComment(octokit, at, marker);
  const existing = await find();
  if (existing) {
    const { data } = await octokit.rest.issues.updateComment({ owner: at.owner, repo: at.repo, comment_id: existing.id, body });
    return { id: data.id, url: data.html_url, created: false };
  }
  return createOnce({
    find,
    create: async () => {
      const { data } = await octokit.rest.issues.createComment({ owner: at.owner, repo: at.repo, issue_number: at.issueNumber, body, request: NO_RETRY });
      return { id: data.id, url: data.html_url, created: true };
    },
    ...(wait && { wait }),
  });
}

async function findComment(octokit: ProbotOctokit, at: CommentAt, marker: string): Promise<UpsertedComment | null> {
  let page = 0;
  for await (const { data } of octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: at.owner,
    repo: at.repo,
    issue_number: at.issueNumber,
    per_page: 100,
  })) {
    const ours = data.find((comment) => comment.user?.type === 'Bot' && comment.body?.startsWith(marker));
    if (ours) return { id: ours.id, url: ours.html_url, created: false };
    if (++page >= MAX_PAGES) break;
  }
  return null;
}
