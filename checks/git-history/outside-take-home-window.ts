import { defineCheck } from '../../src/engine/define-check.js';
import { duration, fileEvidence, isMerge, readableHistory, shortSha } from '../../src/facts/queries/git-history.js';

export default defineCheck({
  id: 'git-history/outside-take-home-window',
  docs: 'When a take-home window is configured, states how many commits are dated before it opened or after it closed, as durations — a fact for the conversation, never a judgement.',
  messages: {
    before: '{{count}} of {{total}} commits are dated before the take-home window opened, the earliest {{by}} before ({{sha}})',
    after: '{{count}} of {{total}} commits are dated after the take-home window closed, the latest {{by}} after ({{sha}})',
    within: 'All {{total}} commits are dated within the take-home window',
  },
  questions: {
    before: 'Some of this work is dated before the assignment was sent. Was it started from earlier code of your own, and which parts were written for this assignment?',
  },
  *run({ facts, takeHomeWindow }) {
    const history = readableHistory(facts);
    if (!takeHomeWindow || !history) return;
    const commits = history.commits.filter((c) => !isMerge(c));
    if (!commits.length) return;
    const before = commits.filter((c) => c.time < takeHomeWindow.start).sort((a, b) => a.time - b.time);
    const after = commits.filter((c) => c.time > takeHomeWindow.end).sort((a, b) => b.time - a.time);
    const total = commits.length;
    const earliest = before[0];
    if (earliest) {
      const evidence = fileEvidence(facts, earliest.files);
      if (evidence) yield { kind: 'info', messageId: 'before', evidence: [evidence], data: { count: before.length, total, by: duration(takeHomeWindow.start - earliest.time), sha: shortSha(earliest.sha) } };
    }
    const latest = after[0];
    if (latest) {
      const evidence = fileEvidence(facts, latest.files);
      if (evidence) yield { kind: 'info', messageId: 'after', evidence: [evidence], data: { count: after.length, total, by: duration(latest.time - takeHomeWindow.end), sha: shortSha(latest.sha) } };
    }
    if (!earliest && !latest) {
      const evidence = fileEvidence(facts, commits[0]!.files);
      if (evidence) yield { kind: 'info', messageId: 'within', evidence: [evidence], data: { total } };
    }
  },
});
