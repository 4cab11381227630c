import type { ProbotOctokit } from 'probot';

/** Permissions that may ask for a review: write access and above. */
const ALLOWED = new Set(['admin', 'maintain', 'write']);

/**
 * True when `username` has write, maintain or admin permission on the repository, asked of the
 * collaborator-permission API (`author_association` shows private org members as `CONTRIBUTOR`,
 * so it cannot decide). A user who is not a collaborator at all (404) may not.
 */
export async function canTriggerReview(octokit: ProbotOctokit, at: { owner: string; repo: string }, username: string): Promise<boolean> {
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner: at.owner, repo: at.repo, username });
    const role = (data as { role_name?: string }).role_name;
    return ALLOWED.has(data.permission) || (role !== undefined && ALLOWED.has(role));
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return false;
    throw error;
  }
}
