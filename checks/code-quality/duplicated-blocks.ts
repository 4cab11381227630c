import { defineCheck } from '../../src/engine/define-check.js';
import { at } from '../../src/facts/evidence.js';

const MAX_FINDINGS = 5;

export default defineCheck({
  id: 'code-quality/duplicated-blocks',
  docs: 'Names the largest blocks of six or more code lines (Python, TypeScript/JavaScript; tests left out) written twice, with both places.',
  messages: {
    duplicated: 'The same {{lines}} lines of code are at `{{a}}` and `{{b}}`',
  },
  questions: {
    duplicated: 'The {{lines}} lines at `{{a}}` are repeated at `{{b}}`. If that logic had to change, how would you keep both copies in step, and what would a shared version look like?',
  },
  *run({ facts }) {
    const largest = [...facts.duplicates].sort((x, y) => y.lines - x.lines).slice(0, MAX_FINDINGS);
    for (const { a, b, lines } of largest) {
      yield { kind: 'concern', messageId: 'duplicated', evidence: [a, b], data: { lines, a: at(a), b: at(b) } };
    }
  },
});
