export interface CreateOnceSteps<T> {
  /** Looks for the object a lost create may have made (by head SHA and name, by hidden marker). */
  find(): Promise<T | null>;
  /** Creates it; must be sent without the client's own retries, or a retried POST could make two. */
  create(): Promise<T>;
  /** Creates tried at most. Default 3. */
  attempts?: number;
  /** Waits between attempts (tests pass an instant one). */
  wait?: (ms: number) => Promise<void>;
}

/** No retries by the Octokit retry plugin: a POST whose response was lost is found, not repeated. */
export const NO_RETRY = { retries: 0 } as const;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Creates a GitHub object at most once. When a create fails in a way that may still have written
 * (a 5xx, a dropped connection), looks for the object before trying again, so a 502 on a create
 * that actually succeeded leaves one check run or comment, not two. Client errors (4xx) are thrown
 * at once.
 */
export async function createOnce<T>(steps: CreateOnceSteps<T>): Promise<T> {
  const attempts = steps.attempts ?? 3;
  const wait = steps.wait ?? sleep;
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await steps.create();
    } catch (error) {
      if (!mayHaveWritten(error)) throw error;
      lastError = error;
    }
    const found = await steps.find();
    if (found !== null) return found;
    if (attempt < attempts) await wait(1_000 * attempt);
  }
  throw lastError;
}

/** A server error, or no answer at all (Octokit reports a failed fetch as 500): the write may or may not have happened. */
function mayHaveWritten(error: unknown): boolean {
  const status = (error as { status?: unknown })?.status;
  return typeof status === 'number' && status >= 500;
}
