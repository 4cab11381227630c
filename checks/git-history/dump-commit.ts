import { defineCheck } from '../../src/engine/define-check.js';
import { fileEvidence, isMerge, readableHistory, shortSha, shownSubject } from '../../src/facts/queries/git-history.js';

/** Share of the files one commit must add to hold "most of the code". */
const DUMP_SHARE = 0.6;
/** Largest share a commit may add for the history to read as steady work. */
const STEADY_SHARE = 0.5;
const STEADY_COMMITS = 5;
const MIN_FILES = 3;

export default defineCheck({
  id: 'git-history/dump-commit',
  docs: 'Reports whether one commit added most of the files the review read (a single "dump") or the files arrived over several commits.',
  messages: {
    dump: 'Commit `{{sha}}` ("{{subject}}") added {{added}} of the {{total}} files ({{share}} %); the other {{others}} commit(s) added {{rest}}',
    onlyCommit: 'All {{total}} files arrived in a single commit, `{{sha}}` ("{{subject}}")',
    steady: 'The files arrived over {{count}} commits: the largest, `{{sha}}`, added {{added}} of the {{total}}',
  },
  questions: {
    dump: 'Commit `{{sha}}` added most of the project at once — how did the solution evolve before it, and what did you try that did not make it in?',
    onlyCommit: 'The whole project arrived in one commit (`{{sha}}`) — how did the solution evolve before it, and what did you try that did not make it in?',
  },
  *run({ facts }) {
    const history = readableHistory(facts);
    // Without the oldest commits, the oldest one read would seem to add every file it touched.
    if (!history || history.truncated) return;
    const current = new Set(facts.files.map((f) => f.path));
    // Who added each file: the oldest commit that touched it (commits are newest first).
    const addedBy = new Map<string, string>();
    for (const commit of history.commits) {
      for (const path of commit.files) if (current.has(path)) addedBy.set(path, commit.sha);
    }
    const total = addedBy.size;
    if (total < MIN_FILES) return;
    const counts = new Map<string, number>();
    for (const sha of addedBy.values()) counts.set(sha, (counts.get(sha) ?? 0) + 1);
    const [sha, added] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    const commit = history.commits.find((c) => c.sha === sha)!;
    const share = added / total;
    const commits = history.commits.filter((c) => !isMerge(c));
    if (share >= DUMP_SHARE) {
      const evidence = fileEvidence(facts, commit.files.filter((p) => addedBy.get(p) === sha));
      if (!evidence) return;
      yield {
        kind: 'concern',
        messageId: history.commits.length === 1 ? 'onlyCommit' : 'dump',
        evidence: [evidence],
        data: { sha: shortSha(sha), subject: shownSubject(commit.subject), added, total, share: Math.round(share * 100), others: history.commits.length - 1, rest: total - added },
      };
    } else if (share <= STEADY_SHARE && commits.length >= STEADY_COMMITS) {
      const evidence = fileEvidence(facts, history.commits[0]!.files);
      if (!evidence) return;
      yield { kind: 'strength', messageId: 'steady', evidence: [evidence], data: { count: commits.length, sha: shortSha(sha), added, total } };
    }
  },
});
