// `npm run bench`: reviews generated corpora and prints stage timings next to the floor — the time
// to read the same files and parse them with the same grammars and nothing else. The ratio
// review/floor is the figure to compare across commits on a noisy machine.
//
//   BENCH_SIZES=take-home,mid (default) | large | all | name:files[:pythonBytes],…
//   BENCH_RUNS=3 (default; 1 for the large corpus unless set): medians over this many runs
//   BENCH_HEAP_MB=1200: each review's heap limit (--max-old-space-size); the facts stage stops
//                       parsing at half of it, and the row says how partial the review was
//
// Each measurement runs in its own Node process (bench/measure.js), so peak RSS is its own.
import { execFileSync, spawn } from 'node:child_process';
import { appendFile, mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { availableParallelism, devNull, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeChanges, parseHistory } from './compare.js';
import { makeCorpus, SIZES as PRESETS } from './make-corpus.js';

const requested = (process.env.BENCH_SIZES ?? 'take-home,mid').trim();
const names = requested === 'all' ? Object.keys(PRESETS) : requested.split(',').map((s) => s.trim()).filter(Boolean);
const SIZES = names.map((spec) => {
  const [name, files, pythonBytes] = spec.split(':');
  const preset = PRESETS[name];
  if (!preset && !files) throw new Error(`unknown corpus size "${name}": use ${Object.keys(PRESETS).join(', ')}, all, or name:files`);
  return { name, files: Number(files ?? preset.files), pythonBytes: Number(pythonBytes ?? preset?.pythonBytes ?? Number(files) * 2500) };
});

const measureScript = fileURLToPath(new URL('./measure.js', import.meta.url));

/** One thread, no cache: the review as it was before either existed, the figure the ratio is of. */
const PLAIN = { CANDIDATE_REVIEW_THREADS: '1', CANDIDATE_REVIEW_CACHE: 'off' };
/** Threads on every core, no cache. */
const THREADED = { CANDIDATE_REVIEW_THREADS: String(availableParallelism()), CANDIDATE_REVIEW_CACHE: 'off' };

/** Runs bench/measure.js once; resolves with its JSON line. */
function measure(mode, root, env = PLAIN) {
  return new Promise((resolve, reject) => {
    const heap = process.env.BENCH_HEAP_MB ? [`--max-old-space-size=${Number(process.env.BENCH_HEAP_MB)}`] : [];
    const child = spawn(process.execPath, [...heap, measureScript, mode, root], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`bench/measure.js ${mode} exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop()));
    });
  });
}

/** The first Python file of a corpus, in a stable order. */
async function onePythonFile(root) {
  const entries = await readdir(root, { recursive: true });
  return entries.filter((p) => p.endsWith('.py')).sort()[0];
}

const cliScript = fileURLToPath(new URL('../bin/candidate-review.js', import.meta.url));

/** The real CLI end to end (Node start-up, module loading, the review, rendering Markdown), in ms. */
function cli(root) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [cliScript, 'review', root, '--out', devNull], { stdio: 'ignore', env: { ...process.env, ...PLAIN } });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Math.round(performance.now() - start)) : reject(new Error(`the CLI exited with ${code}`))));
  });
}

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
};

const STAGES = ['workspace', 'facts', 'stack', 'checks', 'scoring', 'claims', 'render'];
const columns = [
  ['corpus', 10], ['files', 6], ['MB', 6], ...STAGES.map((s) => [s, Math.max(6, s.length)]),
  ['review', 7], ['cli', 7], ['files/s', 7], ['MB/s', 6], ['RSS MB', 6], ['floor', 6], ['ratio', 5],
  ['threads', 7], ['re-review', 9],
];
const line = (cells) => cells.map((cell, i) => String(cell).padStart(columns[i][1])).join(' ');

const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
})();

console.log(`bench: ${SIZES.map((s) => s.name).join(', ')} — times in ms, medians of BENCH_RUNS runs; review/floor ratio last`);
console.log(line(columns.map(([name]) => name)));
const results = [];
for (const { name, files, pythonBytes } of SIZES) {
  const runs = Number(process.env.BENCH_RUNS ?? (name === 'large' ? 1 : 3));
  const root = await mkdtemp(join(tmpdir(), `cr-bench-${name}-`));
  try {
    const corpus = await makeCorpus(root, files, pythonBytes);
    await measure('floor', root); // warms the page cache once, for both
    const reviews = [];
    const floors = [];
    const threaded = [];
    const clis = [];
    for (let run = 0; run < runs; run++) {
      floors.push(await measure('floor', root));
      reviews.push(await measure('review', root));
      threaded.push(await measure('review', root, THREADED));
      clis.push(await cli(root));
    }
    // A push to an open pull request: one Python file changed since the review that filled the cache.
    const cache = { ...THREADED, CANDIDATE_REVIEW_CACHE: 'disk', CANDIDATE_REVIEW_CACHE_DIR: join(root, '..', `${root.split('/').pop()}-cache`), CANDIDATE_REVIEW_CACHE_MB: '8192' };
    await measure('review', root, cache);
    const rereviews = [];
    for (let run = 0; run < runs; run++) {
      await appendFile(join(root, await onePythonFile(root)), `\nPUSH_${run} = ${run}\n`);
      rereviews.push(await measure('review', root, cache));
    }
    await rm(cache.CANDIDATE_REVIEW_CACHE_DIR, { recursive: true, force: true });
    const reviewMs = median(reviews.map((r) => r.ms));
    const floorMs = median(floors.map((r) => r.ms));
    const megabytes = corpus.bytes / 1e6;
    const row = {
      corpus: name,
      files: corpus.files,
      megabytes: +megabytes.toFixed(2),
      pythonMegabytes: +(corpus.pythonBytes / 1e6).toFixed(2),
      runs,
      reviewMs,
      cliMs: median(clis),
      stages: Object.fromEntries(STAGES.map((stage) => [stage, median(reviews.map((r) => r.stages[stage] ?? 0))])),
      filesPerSecond: Math.round(corpus.files / (reviewMs / 1000)),
      megabytesPerSecond: +(megabytes / (reviewMs / 1000)).toFixed(2),
      peakRssMb: Math.max(...reviews.map((r) => r.peakRssMb)),
      floorMs,
      floorPeakRssMb: Math.max(...floors.map((r) => r.peakRssMb)),
      ratio: +(reviewMs / floorMs).toFixed(2),
      findings: reviews[0]?.findings ?? null,
      limitsReached: reviews[0]?.limitsReached ?? [],
      threadedMs: median(threaded.map((r) => r.ms)),
      threadedPeakRssMb: Math.max(...threaded.map((r) => r.peakRssMb)),
      reReviewMs: median(rereviews.map((r) => r.ms)),
      reReviewStages: Object.fromEntries(STAGES.map((stage) => [stage, median(rereviews.map((r) => r.stages[stage] ?? 0))])),
      raw: { review: reviews.map((r) => r.ms), floor: floors.map((r) => r.ms), threaded: threaded.map((r) => r.ms), reReview: rereviews.map((r) => r.ms) },
    };
    results.push(row);
    console.log(line([name, row.files, row.megabytes, ...STAGES.map((s) => row.stages[s]), row.reviewMs, row.cliMs, row.filesPerSecond, row.megabytesPerSecond, row.peakRssMb, row.floorMs, row.ratio, row.threadedMs, row.reReviewMs]));
    for (const note of row.limitsReached) console.log(`  ${name}: ${note}`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
console.log('review = the review in-process on one thread, no cache (all stages + render); cli = `candidate-review review <corpus>` end to end (Node start-up, module loading, Markdown), one thread, no cache; floor = read + parse only;');
console.log(`threads = the review with ${availableParallelism()} parsing threads (start-up included); re-review = after one file changed, with the facts cache the previous review filled`);
const run = { date: new Date().toISOString(), node: process.version, commit, results };
const historyFile = new URL('./out/history.jsonl', import.meta.url);
const history = parseHistory(await readFile(historyFile, 'utf8').catch(() => ''));
for (const change of describeChanges(history, run)) console.log(change);
await mkdir(new URL('./out/', import.meta.url), { recursive: true });
await writeFile(new URL('./out/results.json', import.meta.url), `${JSON.stringify(run, null, 2)}\n`);
await appendFile(historyFile, `${JSON.stringify(run)}\n`);
