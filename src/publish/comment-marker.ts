/**
 * The hidden first line of every comment or issue the app writes, naming what it reports on
 * (`issue`, `pull-request`, `report:owner/repo#12`), so a re-run finds and updates its own text.
 * Characters outside names are dropped and `--` runs shortened, so the marker can never end early.
 */
export function commentMarker(subject: string): string {
  return `<!-- candidate-review:${subject.replace(/[^A-Za-z0-9._/#:-]/g, '').replace(/-{2,}/g, '-')} -->`;
}
