import { isSafeHref, type Escaper } from './escaper.js';
import { codeSpan, messageMarkdown, plainText, tableCell } from './markdown-safe.js';

/** GitHub-flavoured Markdown: code spans that cannot close early, mentions and references defused, cells escaped. */
export const markdownEscaper: Escaper = {
  text: plainText,
  code: codeSpan,
  message: messageMarkdown,
  link: (label, href) => (isSafeHref(href) ? `[${plainText(label)}](${href})` : codeSpan(label)),
  cell: tableCell,
};
