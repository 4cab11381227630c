import { defineCheck } from '../../src/engine/define-check.js';
import { fileEvidence, isMerge, readableHistory, shownSubject } from '../../src/facts/queries/git-history.js';

/** Subjects that say nothing about the change: `wip`, `fix`, `update`, `changes`, `commit 3`, `.`. */
const VAGUE = /^(wip|fix(es|ed)?|bug ?fix|update[sd]?|changes?|change|minor( changes| fixes)?|stuff|misc|tmp|temp|tests?|asdf\w*|commit|save|saving|done|edits?|more|final|small fix(es)?|some changes|updates|upload|add files via upload|initial|init|first)( ?\d+)?[.!]*$/i;
const CONCERN_SHARE = 0.5;
const MIN_COMMITS = 3;
const EXAMPLES = 4;

/** Whether a subject tells a reader nothing: empty, one word, or a stock phrase. */
function isVague(subject: string): boolean {
  const s = subject.trim();
  return s === '' || !/\s/.test(s) || VAGUE.test(s) || /^[\W\d_]+$/.test(s);
}

export default defineCheck({
  id: 'git-history/commit-messages',
  docs: 'Reports the share of commit messages that say nothing about the change (empty, one word, "wip", "fix", "update"), with examples.',
  messages: {
    vague: '{{vague}} of {{count}} commit messages say little about the change ({{examples}})',
    mostlyVague: '{{vague}} of {{count}} commit messages say little about the change ({{examples}})',
    descriptive: 'All {{count}} commit messages describe the change (e.g. {{examples}})',
  },
  questions: {
    mostlyVague: 'Most commit messages are like {{first}} — pick one of those commits and tell me what it changed and why.',
  },
  *run({ facts }) {
    const history = readableHistory(facts);
    if (!history) return;
    const commits = history.commits.filter((c) => !isMerge(c));
    if (commits.length < MIN_COMMITS) return;
    const vague = commits.filter((c) => isVague(c.subject));
    const examples = (list: typeof commits) =>
      [...new Set(list.map((c) => shownSubject(c.subject)))].slice(0, EXAMPLES).map((s) => (s ? `"${s}"` : 'an empty message'));
    if (!vague.length) {
      const evidence = fileEvidence(facts, commits[0]!.files);
      if (evidence) yield { kind: 'info', messageId: 'descriptive', evidence: [evidence], data: { count: commits.length, examples: examples(commits).slice(0, 2).join(', ') } };
      return;
    }
    const evidence = fileEvidence(facts, vague[0]!.files);
    if (!evidence) return;
    const shown = examples(vague);
    const mostly = vague.length / commits.length >= CONCERN_SHARE;
    yield {
      kind: mostly ? 'concern' : 'info',
      messageId: mostly ? 'mostlyVague' : 'vague',
      evidence: [evidence],
      data: { vague: vague.length, count: commits.length, examples: shown.join(', '), first: shown[0]! },
    };
  },
});
