import { defineCheck } from '../../src/engine/define-check.js';
import type { Evidence } from '../../src/types.js';

const MAX_EVIDENCE = 5;
/** Markers written in capitals, as tools and editors highlight them. */
const MARKER = /\b(TODO|FIXME|XXX|HACK)\b/;

export default defineCheck({
  id: 'code-quality/todo-comments',
  docs: 'Counts TODO, FIXME, XXX and HACK comments in the Python code and quotes the first ones.',
  messages: {
    todos: '{{count}} TODO/FIXME comment(s), e.g. "{{first}}"',
  },
  questions: {
    todos: 'Your code has {{count}} TODO/FIXME notes, e.g. "{{first}}" at `{{at}}`. Which of these would you finish first with another day, and why?',
  },
  *run({ facts }) {
    const hits = facts.python.flatMap((m) => m.comments.filter((c) => MARKER.test(c.text)));
    const [first] = hits;
    if (!first) return;
    const evidence: [Evidence, ...Evidence[]] = [first.evidence, ...hits.slice(1, MAX_EVIDENCE).map((c) => c.evidence)];
    yield { kind: 'info', messageId: 'todos', evidence, data: { count: hits.length, first: first.text.slice(0, 100), at: `${first.evidence.path}:${first.evidence.line}` } };
  },
});
