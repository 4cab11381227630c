import { defineCheck } from '../../src/engine/define-check.js';
import { at, fileEvidence, shortSha } from '../../src/facts/queries/git-history.js';

/** Fewer changed files than this and the interviewer is asked what was built on the template. */
const FEW_FILES = 3;

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export default defineCheck({
  id: 'git-history/changes-against-template',
  docs: 'When the review has a base (`--base`), says how many files the candidate changed against the template and how many template files were left out unchanged.',
  messages: {
    changed: '{{changed}} changed against the template `{{base}}`, {{unchanged}} unchanged and left out',
    fewChanged: '{{changed}} changed against the template `{{base}}`, {{unchanged}} unchanged and left out',
  },
  questions: {
    fewChanged: 'Only {{changed}} changed against the template `{{base}}` (starting at `{{at}}`). Walk me through what you added on top of the template, and what you decided to keep as it was.',
  },
  *run({ facts, target }) {
    if (target.base === null) return;
    const paths = facts.files.map((f) => f.path).sort();
    const evidence = paths.length ? fileEvidence(facts, paths) : undefined;
    if (!evidence) return;
    const base = /^[0-9a-f]{40}$/i.test(target.base) ? shortSha(target.base) : target.base;
    yield {
      kind: 'info',
      messageId: target.files < FEW_FILES ? 'fewChanged' : 'changed',
      evidence: [evidence],
      data: { changed: count(target.files, 'file'), unchanged: count(target.unchanged, 'template file'), base, at: at(evidence) },
    };
  },
});
