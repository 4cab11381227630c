import type { Facts } from '../facts/types.js';
import { detectApiFrameworks } from './detect-api-frameworks.js';
import { detectDataVersioning } from './detect-data-versioning.js';
import { detectCi, detectContainers } from './detect-deployment.js';
import { detectEvaluation } from './detect-evaluation.js';
import { detectFineTuning } from './detect-fine-tuning.js';
import { detectGuardrails } from './detect-guardrails.js';
import { detectLibraries } from './detect-libraries.js';
import { detectModels } from './detect-models.js';
import { detectObservability } from './detect-observability.js';
import { detectOrchestration } from './detect-orchestration.js';
import { detectQuantization } from './detect-quantization.js';
import { detectRag } from './detect-rag.js';
import { detectServingEngines } from './detect-serving-engines.js';
import { detectTests } from './detect-tests.js';
import { detectVectorStores } from './detect-vector-stores.js';
import type { Stack, TestCount } from './types.js';

/** Facts → the `stack` and `tests` sections of the report, every item with evidence. */
export function detectStack(facts: Facts): { stack: Stack; tests: TestCount } {
  const { fineTuning, lora } = detectFineTuning(facts);
  const { testFrameworks, tests } = detectTests(facts);
  const models = detectModels(facts);
  const stack: Stack = {
    libraries: detectLibraries(facts),
    fineTuning,
    vectorStores: detectVectorStores(facts),
    models,
    apiFrameworks: detectApiFrameworks(facts),
    testFrameworks,
    containers: detectContainers(facts),
    ci: detectCi(facts),
    lora,
    rag: detectRag(facts),
    evaluation: detectEvaluation(facts),
    secrets: facts.secrets.map((hit) => hit.evidence),
    orchestration: detectOrchestration(facts),
    servingEngines: detectServingEngines(facts),
    observability: detectObservability(facts),
    dataVersioning: detectDataVersioning(facts),
    guardrails: detectGuardrails(facts, models),
    quantization: detectQuantization(facts, models),
  };
  return { stack, tests };
}
