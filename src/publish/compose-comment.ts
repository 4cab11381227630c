import { MAX_COMMENT_CHARS } from './github-limits.js';

/** One report in a comment, in forms from the most to the least detailed. */
export interface CommentSection {
  /** One Markdown-safe line naming what the section is about (a repository), shown when collapsed. */
  heading: string;
  /** The full report, a budgeted summary, one line… The last form must be short. */
  forms: readonly [string, ...string[]];
}

export interface CommentParts {
  /** The hidden first line (see commentMarker). */
  marker: string;
  /** Lines above the reports: what was reviewed, configuration problems, links ignored. */
  lead: readonly string[];
  sections: readonly CommentSection[];
  /** Put each section in a collapsed `<details>` with its heading (for several reports). */
  collapse: boolean;
}

/**
 * The body of a report comment within GitHub's limit ({@link MAX_COMMENT_CHARS}, counted in bytes
 * to be safe): each section starts in its most detailed form, and while the body is too long the
 * longest section steps down to its next form. Text is never cut mid-way, so no fence or
 * `<details>` is left open; sections that still do not fit are counted in a last line.
 */
export function composeComment(parts: CommentParts, limit = MAX_COMMENT_CHARS): string {
  const level = parts.sections.map(() => 0);
  const rendered = (i: number) => renderSection(parts.sections[i]!, level[i]!, parts.collapse);
  let sizes = parts.sections.map((_, i) => bytes(rendered(i)));
  const head = [parts.marker, ...parts.lead].join('\n');
  const total = () => bytes(head) + sizes.reduce((sum, size) => sum + size + 2, 0);
  while (total() > limit) {
    let longest = -1;
    for (let i = 0; i < sizes.length; i++) {
      if (level[i]! < parts.sections[i]!.forms.length - 1 && (longest < 0 || sizes[i]! > sizes[longest]!)) longest = i;
    }
    if (longest < 0) break;
    level[longest]!++;
    sizes = sizes.map((size, i) => (i === longest ? bytes(rendered(i)) : size));
  }
  const shown: string[] = [];
  let used = bytes(head);
  for (let i = 0; i < parts.sections.length; i++) {
    const text = rendered(i);
    const rest = parts.sections.length - i;
    const reserve = rest > 1 ? 100 : 0; // room for the "more not shown" line
    if (used + bytes(text) + 2 + reserve > limit) {
      shown.push(`_${rest} more report${rest === 1 ? '' : 's'} not shown: the comment reached GitHub's size limit._`);
      break;
    }
    shown.push(text);
    used += bytes(text) + 2;
  }
  return [head, ...shown].join('\n\n').concat('\n');
}

function renderSection(section: CommentSection, level: number, collapse: boolean): string {
  const body = section.forms[Math.min(level, section.forms.length - 1)]!.trim();
  return collapse ? `<details><summary>${section.heading}</summary>\n\n${body}\n\n</details>` : body;
}

const bytes = (text: string) => Buffer.byteLength(text);
