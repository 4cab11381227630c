import type { Role } from '../config/config-schema.js';

/**
 * How much each role weighs each area, 0 (not weighed) to 3 (core to the role): PRODUCT.md's roles.
 * ML engineer: fundamentals, fine-tuning, RAG quality, evaluation. MLOps: containers, serving, CI,
 * fault tolerance (`ops`). Data engineer for AI: pipelines for unstructured data (`data`), vector DBs, large text.
 * Full-stack moving into LLM work: API design, tests, TypeScript/JavaScript LLM apps.
 * `prompt-only` (a repository that only sends prompts to a hosted API) is weighed by none: it shows
 * only when flagged. Configuration overrides any of these (`weights:` in candidate-review.yml).
 */
export const ROLE_WEIGHTS: Record<Role, Readonly<Record<string, number>>> = {
  'ml-engineer': {
    transformers: 3, 'fine-tuning': 3, rag: 3, evaluation: 3,
    tests: 2, 'code-quality': 2, prompting: 2,
    serving: 1, docker: 1, security: 1, 'git-history': 1, ops: 1, data: 1,
  },
  'mlops-engineer': {
    docker: 3, serving: 3, ops: 3,
    tests: 2, 'code-quality': 2, security: 2, data: 2,
    transformers: 1, 'fine-tuning': 1, rag: 1, evaluation: 1, 'git-history': 1, prompting: 1,
  },
  'data-engineer-ai': {
    rag: 3, data: 3,
    tests: 2, 'code-quality': 2, ops: 2,
    transformers: 1, evaluation: 1, serving: 1, docker: 1, security: 1, 'git-history': 1, prompting: 1,
  },
  'fullstack-llm': {
    serving: 3, tests: 3,
    rag: 2, 'code-quality': 2, security: 2, prompting: 2,
    transformers: 1, evaluation: 1, docker: 1, 'git-history': 1, ops: 1, data: 1,
  },
};

/** Areas whose checks only ever flag problems: finding nothing there is "nothing flagged", not a gap. */
export const FLAG_ONLY_AREAS: readonly string[] = ['security', 'prompt-only'];
