import { isSafeHref, type Escaper } from './escaper.js';
import { visibleLine } from './markdown-safe.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Entity-escapes everything markup could read (`& < > " ' \``), after making invisible characters visible. */
export function escapeHtml(text: string): string {
  return visibleLine(text).replace(/[&<>"'`]/g, (c) => ENTITIES[c]!);
}

/** HTML: every string entity-escaped; the only links are https permalinks we built. */
export const htmlEscaper: Escaper = {
  text: escapeHtml,
  code: (value) => `<code>${escapeHtml(value)}</code>`,
  message: (value) => {
    const parts = value.split('`');
    if (parts.length % 2 === 0) return escapeHtml(value);
    return parts.map((part, i) => (i % 2 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part))).join('');
  },
  link: (label, href) =>
    isSafeHref(href) ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${escapeHtml(label)}</a>` : `<code>${escapeHtml(label)}</code>`,
  cell: (markup) => markup,
};
