// One measurement in a fresh Node process, so that peak RSS is this measurement's alone:
//   node bench/measure.js review <root>   → the review (all stages) and rendering it
//   node bench/measure.js floor <root>    → reading the same files and parsing them with the
//                                           same grammars (tree-sitter Python for modules and
//                                           notebook code, the TypeScript compiler for scripts)
// Prints one JSON line on stdout. Both time from after their modules are loaded, grammar
// loading included: the floor loads the TypeScript compiler when it meets the first script, as
// the review does. The review uses the facts cache and threads the environment asks for
// (CANDIDATE_REVIEW_CACHE*, CANDIDATE_REVIEW_THREADS), as the CLI does; thread start-up counts.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { review } from '../dist/src/review.js';
import { parseSource } from '../dist/src/source/parse-source.js';
import { pythonParser } from '../dist/src/facts/python/python-parser.js';
import { renderMarkdown } from '../dist/src/render/render-markdown.js';
import { renderJson } from '../dist/src/render/render-json.js';
import { openFactsServices } from '../dist/src/facts/open-facts-services.js';

const [mode, root] = process.argv.slice(2);

async function listFiles(dir, prefix = '') {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(join(dir, entry.name), `${rel}/`)));
    else out.push(rel);
  }
  return out;
}

const SCRIPT = /\.(ts|tsx|js|jsx|mjs|cjs)$/;

async function floor() {
  const parser = await pythonParser();
  let ts;
  for (const path of await listFiles(root)) {
    const text = await readFile(join(root, path), 'utf8');
    if (path.endsWith('.py') || path.endsWith('.pyi')) parser.parse(text)?.delete();
    else if (path.endsWith('.ipynb')) {
      const cells = JSON.parse(text).cells ?? [];
      const code = cells.filter((c) => c.cell_type === 'code').map((c) => (Array.isArray(c.source) ? c.source.join('') : String(c.source ?? ''))).join('\n');
      parser.parse(code)?.delete();
    } else if (SCRIPT.test(path)) {
      ts ??= (await import('ts-morph')).ts;
      ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false);
    }
  }
  return {};
}

async function reviewOnce() {
  const services = openFactsServices(process.env, (line) => process.stderr.write(`bench: ${line}\n`));
  const report = await review(parseSource(root, { cwd: root }), { facts: services });
  await services.close();
  const start = performance.now();
  renderMarkdown(report);
  renderJson(report);
  const stages = { ...report.target.timings, render: Math.round(performance.now() - start) };
  return { stages, findings: report.findings.length, analysedFiles: report.target.files ?? null, limitsReached: report.target.limitsReached };
}

const start = performance.now();
const extra = mode === 'floor' ? await floor() : await reviewOnce();
const ms = performance.now() - start;
process.stdout.write(`${JSON.stringify({ mode, ms: Math.round(ms), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), ...extra })}\n`);
