import { snippetOf } from '../facts/evidence.js';
import type { SourceFile } from '../types.js';
import type { Evidence } from '../types.js';
import type { MetricMention } from './metric-mention.js';

/** Committed results: data files under results/, outputs/, eval…/ or metrics/, or named results…, metrics…, eval…, scores…. */
const RESULTS_FOLDER = /(?:^|\/)(?:results?|outputs?|eval[^/]*|evaluation[^/]*|metrics?|runs?|scores?)\/(?:[^/]+\/){0,3}[^/]+\.(?:json|jsonl|csv|tsv|md|txt|ya?ml|log)$/i;
const RESULTS_NAME = /(?:^|\/)(?:results?|metrics?|eval[^/]*|evaluation[^/]*|scores?)[^/]*\.(?:json|jsonl|csv|tsv|md|txt|ya?ml|log)$/i;
/** Results files read at most, and how much of each. */
const MAX_RESULTS_FILES = 20;
const MAX_RESULTS_CHARS = 256 * 1024;
const MAX_LINE = 2000;
const NUMBER = /(?<![\w.])\d{1,6}(?:\.\d{1,10})?(?![\w])/g;

/** The committed results files of a submission, the prose documents claims were read from left out. */
export function resultsFiles(files: readonly SourceFile[], documents: ReadonlySet<string>): SourceFile[] {
  return files.filter((f) => !documents.has(f.path) && (RESULTS_FOLDER.test(f.path) || RESULTS_NAME.test(f.path))).slice(0, MAX_RESULTS_FILES);
}

/**
 * The line of a results file that holds the claimed value for the claimed metric: the metric's
 * name and the number on one line (`"accuracy": 0.95`, `accuracy: 95%`), or the number in the
 * metric's column of a CSV/TSV. `0.95` and `95` both match `95%`, within the claim's precision.
 */
export function findResult(files: readonly SourceFile[], metric: MetricMention, name: RegExp): Evidence | null {
  if (metric.score === null) return null;
  for (const file of files) {
    const lines = file.text.slice(0, MAX_RESULTS_CHARS).split('\n');
    const column = /\.(?:csv|tsv)$/i.test(file.path) ? metricColumn(lines[0] ?? '', name) : -1;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!.slice(0, MAX_LINE);
      const hit = column >= 0 && i > 0 ? matches(cells(line)[column] ?? '', metric) : name.test(line) && matches(line, metric);
      if (hit) return { path: file.path, line: i + 1, snippet: snippetOf(lines[i]) };
    }
  }
  return null;
}

function cells(line: string): string[] {
  return line.split(line.includes('\t') ? '\t' : ',').map((c) => c.trim().replace(/^"|"$/g, ''));
}

function metricColumn(header: string, name: RegExp): number {
  return cells(header.slice(0, MAX_LINE)).findIndex((cell) => name.test(cell));
}

/** Whether a number in `text` is the claimed score, on either scale (0.92 / 92). */
function matches(text: string, metric: MetricMention): boolean {
  const score = metric.score!;
  const tolerance = metric.tolerance + 1e-9;
  for (const match of text.matchAll(NUMBER)) {
    const n = Number(match[0]);
    if (Math.abs(n - score) <= tolerance) return true;
    if (metric.percent && Math.abs(n * 100 - score) <= tolerance) return true;
    if (!metric.percent && metric.metric !== 'perplexity' && score <= 1 && Math.abs(n / 100 - score) <= tolerance) return true;
  }
  return false;
}
