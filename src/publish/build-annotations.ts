import { visibleLine } from '../render/markdown-safe.js';
import type { Finding } from '../engine/types.js';
import type { Evidence } from '../types.js';
import { MAX_CHECK_RUN_TITLE_CHARS } from './github-limits.js';

/** One check-run annotation as the API takes it. */
export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'warning' | 'notice';
  title: string;
  message: string;
}

/** Characters of an annotation message kept (GitHub accepts 64 KB; a finding's message is a sentence or two). */
const MAX_MESSAGE_CHARS = 4_000;
const KIND_ORDER = { concern: 0, strength: 1, info: 2 } as const;

/**
 * Findings → annotations at their first evidence line: concerns as `warning`, strengths and info as
 * `notice`, concerns first (so a cap keeps them). Notebook evidence counts lines through the code
 * cells, not the `.ipynb` file, so it is annotated at line 1 of the notebook with the cell and
 * line in the message; evidence with an unusable path or line is skipped.
 */
export function buildAnnotations(findings: readonly Finding[]): Annotation[] {
  const annotations: { order: number; annotation: Annotation }[] = [];
  for (const finding of findings) {
    const evidence = finding.evidence[0];
    if (!usable(evidence)) continue;
    const notebook = evidence.cell !== undefined;
    const where = notebook ? `cell ${evidence.cell}, line ${evidence.line}: ` : '';
    // Candidate text (file names, snippets in messages) without direction overrides or line breaks of its own.
    const question = finding.question ? `\n\nAsk: ${visibleLine(finding.question)}` : '';
    const line = notebook ? 1 : evidence.line;
    annotations.push({
      order: KIND_ORDER[finding.kind],
      annotation: {
        path: evidence.path,
        start_line: line,
        end_line: line,
        annotation_level: finding.kind === 'concern' ? 'warning' : 'notice',
        title: cut(`${finding.kind}: ${finding.check}`, MAX_CHECK_RUN_TITLE_CHARS),
        message: cut(`${where}${visibleLine(finding.message)}${question}`, MAX_MESSAGE_CHARS),
      },
    });
  }
  return annotations.sort((a, b) => a.order - b.order).map((entry) => entry.annotation);
}

/** A repository-relative path (no leading `/`, no `..`, no control characters) and a whole line ≥ 1. */
function usable(evidence: Evidence | undefined): evidence is Evidence {
  if (!evidence || !Number.isSafeInteger(evidence.line) || evidence.line < 1) return false;
  if (evidence.cell !== undefined && (!Number.isSafeInteger(evidence.cell) || evidence.cell < 1)) return false;
  const { path } = evidence;
  return (
    path.length > 0 &&
    path.length <= 1_024 &&
    !path.startsWith('/') &&
    !path.split('/').some((part) => part === '' || part === '.' || part === '..') &&
    !/[\u0000-\u001f\u007f]/.test(path)
  );
}

/** Cut on a character boundary (never half a surrogate pair), with an ellipsis. */
function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
