/** Types of compare.js, for its test. */
export interface BenchRow {
  corpus: string;
  files: number;
  pythonMegabytes: number;
  ratio: number;
  reviewMs: number;
  threadedMs: number;
  reReviewMs: number;
  peakRssMb: number;
}
export interface BenchRun {
  date: string;
  commit: string | null;
  results: BenchRow[];
}
export declare function describeChanges(history: readonly BenchRun[], current: BenchRun): string[];
export declare function parseHistory(text: string): BenchRun[];
