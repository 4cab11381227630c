/** How often a long stage says how far it has got. */
export const PROGRESS_EVERY_MS = 5_000;

/**
 * A stage's progress reporter: the returned function passes its line on at most once every
 * {@link PROGRESS_EVERY_MS}, so a long stage says how far it has got and a quick one says nothing.
 * The line is only built when it is passed on.
 */
export function throttledProgress(progress: ((line: string) => void) | undefined, now: () => number): (line: () => string) => void {
  if (!progress) return () => undefined;
  let reportedAt = now();
  return (line) => {
    if (now() - reportedAt < PROGRESS_EVERY_MS) return;
    reportedAt = now();
    progress(line());
  };
}
