import type { ProbotOctokit } from 'probot';
import { NO_RETRY, createOnce } from './create-once.js';

export interface UpsertedIssue {
  number: number;
  url: string;
  created: boolean;
}

/** Issues read when looking for our own (100 a page, newest first). */
const MAX_PAGES = 5;

/**
 * Writes a report as one issue in a (private hiring) repository: the issue opened by a bot whose
 * body starts with `marker` is updated, otherwise one is created; a lost create is found, not repeated.
 */
export async function upsertIssue(
  octokit: ProbotOctokit,
  at: { owner: string; repo: string },
  marker: string,
  issue: { title: string; body: string },
  wait?: (ms: number) => Promise<void>,
): Promise<UpsertedIssue> {
  if (!issue.body.startsWith(marker)) throw new Error('an issue body must start with its marker');
  const find = () => findIssue(octokit, at, marker);
  const existing = await find();
  if (existing) {
    const { data } = await octokit.rest.issues.update({ owner: at.owner, repo: at.repo, issue_number: existing.number, title: issue.title, body: issue.body });
    return { number: data.number, url: data.html_url, created: false };
  }
  return createOnce({
    find,
    create: async () => {
      const { data } = await octokit.rest.issues.create({ owner: at.owner, repo: at.repo, title: issue.title, body: issue.body, request: NO_RETRY });
      return { number: data.number, url: data.html_url, created: true };
    },
    ...(wait && { wait }),
  });
}

async function findIssue(octokit: ProbotOctokit, at: { owner: string; repo: string }, marker: string): Promise<UpsertedIssue | null> {
  let page = 0;
  for await (const { data } of octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
    owner: at.owner,
    repo: at.repo,
    state: 'all',
    sort: 'created',
    direction: 'desc',
    per_page: 100,
  })) {
    const ours = data.find((issue) => !issue.pull_request && issue.user?.type === 'Bot' && issue.body?.startsWith(marker));
    if (ours) return { number: ours.number, url: ours.html_url, created: false };
    if (++page >= MAX_PAGES) break;
  }
  return null;
}
