import type { ProbotOctokit } from 'probot';
import { NO_RETRY, createOnce } from './create-once.js';

/** The check run's name on every pull request head. */
export const CHECK_RUN_NAME = 'candidate-review';

export interface CheckRunAt {
  owner: string;
  repo: string;
  headSha: string;
}

/**
 * The id of this app's unfinished check run at the head SHA, or a new one created `in_progress`.
 * Looking first makes a redelivered webhook or a lost create response reuse the run instead of
 * adding a second one; a completed run is left as it is (a re-run gets a new one).
 */
export async function findOrCreateCheckRun(
  octokit: ProbotOctokit,
  at: CheckRunAt,
  options: { now: () => Date; wait?: (ms: number) => Promise<void> },
): Promise<number> {
  const find = () => findOpenCheckRun(octokit, at);
  const existing = await find();
  if (existing !== null) return existing;
  return createOnce({
    find,
    create: async () =>
      (
        await octokit.rest.checks.create({
          owner: at.owner,
          repo: at.repo,
          name: CHECK_RUN_NAME,
          head_sha: at.headSha,
          status: 'in_progress',
          started_at: options.now().toISOString(),
          request: NO_RETRY,
        })
      ).data.id,
    ...(options.wait && { wait: options.wait }),
  });
}

async function findOpenCheckRun(octokit: ProbotOctokit, at: CheckRunAt): Promise<number | null> {
  const { data } = await octokit.rest.checks.listForRef({
    owner: at.owner,
    repo: at.repo,
    ref: at.headSha,
    check_name: CHECK_RUN_NAME,
    status: 'in_progress',
    filter: 'latest',
    per_page: 10,
  });
  const open = data.check_runs.filter((run) => run.head_sha === at.headSha && run.status !== 'completed');
  return open.length ? Math.max(...open.map((run) => run.id)) : null;
}
