/**
 * `pending`, or a rejection with `message` once `ms` have passed without it settling. A late
 * failure of `pending` is nobody's to hear and is dropped; the timer never holds the process open.
 */
export async function withTimeLimit<T>(pending: Promise<T>, ms: number, message: string): Promise<T> {
  pending.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([pending, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
