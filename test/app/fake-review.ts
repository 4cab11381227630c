import type { ReviewFunction } from '../../src/app/app-deps.js';
import type { Report } from '../../src/report/build-report.js';
import type { ReviewOptions } from '../../src/review.js';
import type { Source } from '../../src/source/parse-source.js';

/**
 * A stand-in for the pipeline that returns a real report (reviewed once from a fixture) as if it
 * were of the commits listed in `commits`, one per call, and records what it was asked. `hold()`
 * keeps the next reviews running until `release()`.
 */
export function fakeReview(report: Report, commits: string[]) {
  const calls: { source: Source; options: ReviewOptions }[] = [];
  let gate: Promise<void> | null = null;
  let open: () => void = () => undefined;
  const review: ReviewFunction = async (source, options) => {
    calls.push({ source, options });
    const commit = commits[calls.length - 1] ?? commits.at(-1) ?? null;
    if (gate) await gate;
    return reportAt(report, source, commit, options.base ?? null);
  };
  return {
    review,
    calls,
    hold() {
      gate = new Promise<void>((resolve) => (open = resolve));
    },
    release() {
      gate = null;
      open();
    },
  };
}

/** The report as the review of `source` at `commit` (against `base`). */
export function reportAt(report: Report, source: Source, commit: string | null, base: string | null = null): Report {
  return { ...report, target: { ...report.target, source: source.display, commit, base } };
}

/** Waits until `check()` holds (a few event-loop turns at most). */
export async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}
