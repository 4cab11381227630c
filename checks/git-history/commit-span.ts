import { defineCheck } from '../../src/engine/define-check.js';
import { duration, fileEvidence } from '../../src/facts/queries/git-history.js';

export default defineCheck({
  id: 'git-history/commit-span',
  docs: 'Reports how many commits the history holds and the time from the first to the last, as a duration; says when only the latest commit was fetched.',
  messages: {
    span: '{{count}} commits, {{span}} from the first to the latest{{truncated}}',
    single: 'The history holds a single commit',
    shallow: 'Only the latest commit was fetched (a shallow clone): the commit history was not reviewed',
  },
  *run({ facts }) {
    const history = facts.history;
    if (!history || !history.commits.length) return;
    const newest = history.commits[0]!;
    const evidence = fileEvidence(facts, newest.files);
    if (!evidence) return;
    if (history.shallow) {
      yield { kind: 'info', messageId: 'shallow', evidence: [evidence] };
      return;
    }
    if (history.commits.length === 1) {
      yield { kind: 'info', messageId: 'single', evidence: [evidence] };
      return;
    }
    const times = history.commits.map((c) => c.time);
    const span = duration(Math.max(...times) - Math.min(...times));
    const count = history.truncated ? `At least ${history.commits.length}` : String(history.commits.length);
    yield {
      kind: 'info',
      messageId: 'span',
      evidence: [evidence],
      data: { count, span, truncated: history.truncated ? ` (only the newest ${history.commits.length} were read)` : '' },
    };
  },
});
