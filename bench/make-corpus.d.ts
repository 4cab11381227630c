/** Types of make-corpus.js, for the tests that use the generated corpus. */
export declare const SIZES: Record<'take-home' | 'mid' | 'large', { files: number; pythonBytes: number }>;
export declare function random(seed: number): () => number;
export declare function corpusFiles(files: number, pythonBytes: number, seed?: number): Map<string, string>;
export declare function makeCorpus(root: string, files: number, pythonBytes?: number, seed?: number): Promise<{ files: number; bytes: number; pythonBytes: number }>;
