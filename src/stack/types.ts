import type { Evidence } from '../types.js';

/** One detected technology: a canonical id of the JSON contract and the lines that prove it. */
export interface StackItem {
  id: string;
  evidence: Evidence[];
  /** Declared in a manifest (or a notebook's `!pip install`) but never imported or used. */
  declaredOnly?: true;
}

export interface LoraParameters {
  r: number | null;
  alpha: number | null;
  targetModules: string[] | string | null;
  dropout: number | null;
  evidence: Evidence[];
}

export interface RagStages {
  chunking: Evidence[];
  embeddings: Evidence[];
  retrieval: Evidence[];
  reranking: Evidence[];
  promptTemplate: Evidence[];
}

/** `stack` of the JSON report (schemaVersion 1). */
export interface Stack {
  libraries: StackItem[];
  fineTuning: StackItem[];
  vectorStores: StackItem[];
  models: StackItem[];
  apiFrameworks: StackItem[];
  testFrameworks: StackItem[];
  containers: StackItem[];
  ci: StackItem[];
  lora: LoraParameters | null;
  rag: RagStages | null;
  evaluation: Evidence[];
  secrets: Evidence[];
}

export interface TestCount {
  count: number;
}
