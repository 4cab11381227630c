/**
 * How the view model turns text into one output format's markup. Every string that reaches a
 * template has gone through one of these; templates never escape (Handlebars runs with `noEscape`).
 */
export interface Escaper {
  /** Prose (candidate text, labels): inert, one line. */
  text(value: string): string;
  /** One line as code: a Markdown code span, an HTML `<code>`. */
  code(value: string): string;
  /** A check's message or question: its own `code` parts as code, the rest as text. */
  message(value: string): string;
  /** `label` linked to `href` when `href` is an https URL we built, else `label` as code. */
  link(label: string, href: string | null): string;
  /** Markup from this escaper made safe inside a table cell. */
  cell(markup: string): string;
}

/** True for the only links a report prints: https URLs built by the renderer (permalinks), nothing a candidate wrote. */
export function isSafeHref(href: string | null): href is string {
  return href !== null && /^https:\/\/[A-Za-z0-9.-]+\/[A-Za-z0-9\-._~%/#]*$/.test(href);
}
