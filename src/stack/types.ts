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
  /** Pipeline orchestrators: airflow, prefect, dagster, kubeflow, luigi, argo-workflows. */
  orchestration: StackItem[];
  /** Inference engines something runs or calls: vllm, tgi, triton, ollama, llama-cpp-server, ray-serve, bentoml, torchserve, sglang. */
  servingEngines: StackItem[];
  /** prometheus, opentelemetry, langfuse, langsmith, phoenix, mlflow-tracking, wandb, sentry, grafana. */
  observability: StackItem[];
  /** dvc, lakefs, huggingface-datasets-hub. */
  dataVersioning: StackItem[];
  /** nemo-guardrails, guardrails-ai, llama-guard, openai-moderation, presidio, custom. */
  guardrails: StackItem[];
  /** bitsandbytes-4bit, bitsandbytes-8bit, gptq, awq, gguf, onnx, tensorrt. */
  quantization: StackItem[];
}

export interface TestCount {
  count: number;
}
