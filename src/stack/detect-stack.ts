import type { Facts } from '../facts/types.js';
import { detectApiFrameworks } from './detect-api-frameworks.js';
import { detectCi, detectContainers } from './detect-deployment.js';
import { detectEvaluation } from './detect-evaluation.js';
import { detectFineTuning } from './detect-fine-tuning.js';
import { detectLibraries } from './detect-libraries.js';
import { detectModels } from './detect-models.js';
import { detectRag } from './detect-rag.js';
import { detectTests } from './detect-tests.js';
import { detectVectorStores } from './detect-vector-stores.js';
import type { Stack, TestCount } from './types.js';

/** Facts → the `stack` and `tests` sections of the report, every item with evidence. */
export function detectStack(facts: Facts): { stack: Stack; tests: TestCount } {
  const { fineTuning, lora } = detectFineTuning(facts);
  const { testFrameworks, tests } = detectTests(facts);
  const stack: Stack = {
    libraries: detectLibraries(facts),
    fineTuning,
    vectorStores: detectVectorStores(facts),
    models: detectModels(facts),
    apiFrameworks: detectApiFrameworks(facts),
    testFrameworks,
    containers: detectContainers(facts),
    ci: detectCi(facts),
    lora,
    rag: detectRag(facts),
    evaluation: detectEvaluation(facts),
    secrets: facts.secrets.map((hit) => hit.evidence),
  };
  return { stack, tests };
}
