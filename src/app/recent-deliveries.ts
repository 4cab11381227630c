/** Delivery ids remembered: GitHub redelivers by hand, within minutes, so a short memory is enough. */
const DEFAULT_CAPACITY = 1_000;

/**
 * The `X-GitHub-Delivery` ids seen lately (Probot does not de-duplicate deliveries): a redelivered
 * webhook is recognised and dropped before any work. Bounded: the oldest ids are forgotten first.
 */
export class RecentDeliveries {
  readonly #seen = new Set<string>();
  readonly #capacity: number;

  constructor(capacity = DEFAULT_CAPACITY) {
    this.#capacity = capacity;
  }

  /** True the first time an id is seen, false for a repeat. */
  first(id: string): boolean {
    if (this.#seen.has(id)) return false;
    this.#seen.add(id);
    if (this.#seen.size > this.#capacity) this.#seen.delete(this.#seen.values().next().value!);
    return true;
  }

  /** Forgets an id: its delivery failed, and GitHub's redelivery (same id) must be handled. */
  forget(id: string): void {
    this.#seen.delete(id);
  }
}
