import type { ProbotOctokit } from 'probot';

/** What the clone of a private repository needs: a token, passed to git through the environment. */
export interface CloneAuth {
  token: string;
}

/** Gets clone credentials for one private repository of the installation. */
export type CloneAuthProvider = (octokit: ProbotOctokit, at: { installationId: number; repositoryId: number }) => Promise<CloneAuth>;

/**
 * An installation token scoped to one repository and `contents: read` only, for cloning a private
 * take-home: even a leaked token could read nothing else and write nothing. Never logged.
 */
export const scopedCloneToken: CloneAuthProvider = async (octokit, at) => {
  const { data } = await octokit.rest.apps.createInstallationAccessToken({
    installation_id: at.installationId,
    repository_ids: [at.repositoryId],
    permissions: { contents: 'read' },
  });
  return { token: data.token };
};
