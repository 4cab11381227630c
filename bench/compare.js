// Comparing one `npm run bench` with the runs before it: every run is appended to
// bench/out/history.jsonl, and each corpus's row is set against the last earlier run of the same
// corpus (same size), so a change's effect reads at a glance. Ratios, not times, are the figures
// to trust on a shared machine: the floor is measured in the same run.

/** One line per corpus that an earlier run also measured; empty when none did. */
export function describeChanges(history, current) {
  const lines = [];
  for (const row of current.results) {
    const before = [...history].reverse().find((run) => run.results.some((r) => sameCorpus(r, row)));
    if (!before) continue;
    const was = before.results.find((r) => sameCorpus(r, row));
    const at = `${before.commit ?? 'an uncommitted tree'}, ${before.date.slice(0, 10)}`;
    lines.push(
      `${row.corpus} vs ${at}: ratio ${was.ratio} → ${row.ratio} (${percent(was.ratio, row.ratio)}), ` +
        `review ${was.reviewMs} → ${row.reviewMs} ms, threads ${was.threadedMs} → ${row.threadedMs} ms, ` +
        `re-review ${was.reReviewMs} → ${row.reReviewMs} ms, peak RSS ${was.peakRssMb} → ${row.peakRssMb} MB`,
    );
  }
  return lines;
}

/** Reads a history file's runs (one JSON object per line), skipping lines that are not one. */
export function parseHistory(text) {
  const runs = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const run = JSON.parse(line);
      if (Array.isArray(run?.results) && typeof run.date === 'string') runs.push(run);
    } catch {
      // a line cut short by an interrupted run
    }
  }
  return runs;
}

const sameCorpus = (a, b) => a.corpus === b.corpus && a.files === b.files && a.pythonMegabytes === b.pythonMegabytes;

const percent = (from, to) => {
  const change = Math.round(((to - from) / from) * 100);
  return `${change > 0 ? '+' : ''}${change} %`;
};
