/** An issue whose body lists a candidate's repositories, as plain data. */
export interface IssueTarget {
  installationId: number;
  owner: string;
  repo: string;
  number: number;
  body: string;
}

/** One job per issue: `owner/repo#7:issue`. */
export const issueKey = (t: Pick<IssueTarget, 'owner' | 'repo' | 'number'>) => `${t.owner}/${t.repo}#${t.number}:issue`.toLowerCase();
