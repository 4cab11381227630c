import { defineCheck } from '../../src/engine/define-check.js';
import { isTestPath } from '../../src/facts/query.js';
import type { PyComment } from '../../src/facts/types.js';
import type { Evidence } from '../../src/types.js';

const MAX_EVIDENCE = 3;
/** Tool directives, never code: `type: ignore`, `noqa`, `pragma`, `pylint:`, `fmt:`, encodings, shebangs. */
const DIRECTIVE = /^(!|-\*-|type:|noqa|pragma|pylint:|fmt:|isort:|mypy:|ruff:|%%|%)/;
/**
 * A comment that reads as Python: a statement keyword, an import, an assignment or a call. Every
 * test is anchored and linear (one pass, no nested quantifiers): comments are the candidate's text.
 */
const STATEMENT = /^(import [\w.]+|from [\w.]+ import \w|def \w+\(|class \w+[(:]|return\b|raise \w|(el)?if .+:$|else:$|for \w[\w, ]* in .+:$|while .+:$|try:$|except\b.*:$|with .+:$|assert \w|del \w|yield\b|print\()/;
const ASSIGNMENT = /^[A-Za-z_][\w.]*(\[[^\]\n]{0,80}\])?\s?([+\-*/]?=)\s?[^=\s]/;
const CALL = /^[A-Za-z_][\w.]*\(/;

/** Whether a comment's text looks like a line of code that was commented out. */
export function looksLikeCode(text: string): boolean {
  if (!text || DIRECTIVE.test(text)) return false;
  if (STATEMENT.test(text)) return true;
  if (ASSIGNMENT.test(text)) return !/^\w+ = \w+ \w+ \w+/.test(text); // "x = a b c" is prose
  return CALL.test(text) && text.endsWith(')');
}

export default defineCheck({
  id: 'code-quality/commented-out-code',
  docs: 'Counts comment lines that read as Python code (imports, definitions, assignments, calls) left commented out, with the largest block.',
  messages: {
    commentedOut: '{{lines}} commented-out code line(s) in {{blocks}} block(s) across {{files}} file(s); the largest block is {{largest}} line(s) at `{{at}}`',
  },
  *run({ facts }) {
    const blocks: PyComment[][] = [];
    const files = new Set<string>();
    for (const module of facts.python) {
      if (isTestPath(module.path)) continue;
      let previous: PyComment | undefined;
      for (const comment of module.comments) {
        if (!looksLikeCode(comment.text)) {
          previous = undefined;
          continue;
        }
        files.add(module.path);
        const last = blocks[blocks.length - 1];
        if (previous && last && comment.evidence.line === previous.evidence.line + 1) last.push(comment);
        else blocks.push([comment]);
        previous = comment;
      }
    }
    if (!blocks.length) return;
    const largest = blocks.reduce((a, b) => (b.length > a.length ? b : a));
    const evidence = [largest, ...blocks.filter((b) => b !== largest)].slice(0, MAX_EVIDENCE).map((b) => b[0]!.evidence) as [Evidence, ...Evidence[]];
    yield {
      kind: 'info',
      messageId: 'commentedOut',
      evidence,
      data: { lines: blocks.reduce((sum, b) => sum + b.length, 0), blocks: blocks.length, files: files.size, largest: largest.length, at: `${evidence[0].path}:${evidence[0].line}` },
    };
  },
});
