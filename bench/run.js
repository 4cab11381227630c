// `npm run bench`: reviews generated corpora and prints stage timings next to the floor — the time
// to read the same files and parse the Python in them with the same grammar and nothing else.
// The ratio review/floor is the figure to compare across commits on a noisy machine.
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { review } from '../dist/src/review.js';
import { parseSource } from '../dist/src/source/parse-source.js';
import { pythonParser } from '../dist/src/facts/python/python-parser.js';
import { makeCorpus } from './make-corpus.js';

const SIZES = (process.env.BENCH_SIZES ?? 'take-home:50,mid:1000').split(',').map((s) => {
  const [name, files] = s.split(':');
  return { name, files: Number(files) };
});

async function listFiles(dir, prefix = '') {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(join(dir, entry.name), `${rel}/`)));
    else out.push(rel);
  }
  return out;
}

async function floor(root) {
  const start = performance.now();
  const parser = await pythonParser();
  for (const path of await listFiles(root)) {
    const text = await readFile(join(root, path), 'utf8');
    if (path.endsWith('.py')) parser.parse(text)?.delete();
  }
  return performance.now() - start;
}

const results = [];
for (const { name, files } of SIZES) {
  const root = await mkdtemp(join(tmpdir(), `cr-bench-${name}-`));
  try {
    const corpus = await makeCorpus(root, files);
    await floor(root); // warm the grammar and the page cache once
    const floorMs = await floor(root);
    const start = performance.now();
    const report = await review(parseSource(root, { cwd: root }));
    const totalMs = performance.now() - start;
    const row = {
      corpus: name,
      files: corpus.files,
      megabytes: +(corpus.bytes / 1e6).toFixed(2),
      totalMs: Math.round(totalMs),
      stages: report.target.timings,
      floorMs: Math.round(floorMs),
      ratio: +(totalMs / floorMs).toFixed(2),
      filesPerSecond: Math.round(corpus.files / (totalMs / 1000)),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    results.push(row);
    console.log(`${name.padEnd(10)} ${String(row.files).padStart(6)} files ${String(row.megabytes).padStart(7)} MB  review ${String(row.totalMs).padStart(6)} ms  floor ${String(row.floorMs).padStart(6)} ms  ratio ${row.ratio}  ${JSON.stringify(row.stages)}`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
await mkdir(new URL('./out/', import.meta.url), { recursive: true });
await writeFile(new URL('./out/results.json', import.meta.url), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2)}\n`);
