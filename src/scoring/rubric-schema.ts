import { z } from 'zod';

/** Parts of `stack` a rubric item can ask for; `rag.*` are the RAG stages. */
export const STACK_PARTS = [
  'libraries', 'fineTuning', 'vectorStores', 'models', 'apiFrameworks', 'testFrameworks', 'containers', 'ci',
  'orchestration', 'servingEngines', 'observability', 'dataVersioning', 'guardrails', 'quantization',
  'evaluation', 'rag.chunking', 'rag.embeddings', 'rag.retrieval', 'rag.reranking', 'rag.promptTemplate',
] as const;

const idPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const regexSource = z
  .string()
  .min(1)
  .max(200)
  .refine((source) => {
    try {
      new RegExp(source);
      return true;
    } catch {
      return false;
    }
  }, 'not a valid regular expression');

/**
 * What counts as evidence for a rubric item. Exactly one of:
 * - `stack`: a part of the detected stack, optionally only some canonical `ids` (declared-only items never count);
 * - `calls`: resolved call patterns (`chromadb.*.add`, `*.upsert`, `*.from_documents`);
 * - `check`: findings of a check (optionally one `kind` or `messageId`);
 * - `file`: files whose path matches a regular expression, optionally containing a pattern.
 */
export const DetectorSchema = z.union([
  z.strictObject({ stack: z.enum(STACK_PARTS), ids: z.array(z.string()).min(1).optional() }),
  z.strictObject({ calls: z.array(z.string().min(1)).min(1) }),
  z.strictObject({ check: z.string().regex(/^[a-z-]+\/[a-z0-9-]+$/), kind: z.enum(['strength', 'concern', 'info']).optional(), messageId: z.string().optional() }),
  z.strictObject({ file: regexSource, contains: regexSource.optional() }),
]);

export const RubricItemSchema = z.strictObject({
  id: z.string().regex(idPattern, 'kebab-case id'),
  title: z.string().min(1).max(200),
  /** Said when nothing counted: what would have. */
  lookedFor: z.string().min(1).max(500),
  /** Every one of these must find evidence for `met`. */
  met: z.array(DetectorSchema).min(1),
  /** Any of these finding evidence makes an item that is not met `partial`. */
  partial: z.array(DetectorSchema).default([]),
});

export const RubricSchema = z.strictObject({
  items: z.array(RubricItemSchema).min(1).max(50),
});

export type Detector = z.infer<typeof DetectorSchema>;
export type RubricItem = z.infer<typeof RubricItemSchema>;
export type Rubric = z.infer<typeof RubricSchema>;
