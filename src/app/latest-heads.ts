/** Pull requests remembered; the oldest are forgotten first. */
const DEFAULT_CAPACITY = 10_000;

/**
 * The newest head each pull request was seen at, ordered by the payload's `pull_request.updated_at`
 * (GitHub sets it on every push). A delivery that arrives after a newer push — a redelivery, a
 * duplicated or late event — is recognised as stale, so it neither supersedes the newer head's
 * review nor adds a check run to an old commit. Bounded: the oldest pull requests are forgotten first.
 */
export class LatestHeads {
  readonly #seen = new Map<string, { at: number; sha: string }>();
  readonly #capacity: number;

  constructor(capacity = DEFAULT_CAPACITY) {
    this.#capacity = capacity;
  }

  /**
   * False when a different head of `pullRequest` was seen with a later `updatedAt`; otherwise
   * remembers this head (when it is the newest) and returns true. No usable time: true.
   */
  current(pullRequest: string, headSha: string, updatedAt: string | null | undefined): boolean {
    const at = typeof updatedAt === 'string' ? Date.parse(updatedAt) : Number.NaN;
    if (Number.isNaN(at)) return true;
    const seen = this.#seen.get(pullRequest);
    if (seen && seen.at > at && seen.sha !== headSha) return false;
    if (!seen || at >= seen.at) {
      this.#seen.delete(pullRequest);
      this.#seen.set(pullRequest, { at, sha: headSha });
      if (this.#seen.size > this.#capacity) this.#seen.delete(this.#seen.keys().next().value!);
    }
    return true;
  }
}
