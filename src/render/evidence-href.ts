import type { Evidence } from '../types.js';
import { isSafeHref } from './escaper.js';

/** Percent-encodes a path segment, including the characters `encodeURIComponent` leaves (`!'()*`), so no link can end early. */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The permalink of a line at the reviewed commit (`<base><path>#L<line>`; notebooks link the file),
 * or null when there is no https base to build it on.
 */
export function evidenceHref(permalinkBase: string | null, evidence: Evidence): string | null {
  if (!isSafeHref(permalinkBase) || !permalinkBase.endsWith('/')) return null;
  const path = evidence.path.split('/').map(encodeSegment).join('/');
  const href = `${permalinkBase}${path}${evidence.cell ? '' : `#L${evidence.line}`}`;
  return isSafeHref(href) ? href : null;
}
