import corpusLoadedIntoMemory from '../../../checks/data/corpus-loaded-into-memory.js';
import datasetVersioning from '../../../checks/data/dataset-versioning.js';
import deduplicationAndCleaning from '../../../checks/data/deduplication-and-cleaning.js';
import documentParsers from '../../../checks/data/document-parsers.js';
import reindexStrategy from '../../../checks/data/reindex-strategy.js';
import ciDeliverySteps from '../../../checks/ops/ci-delivery-steps.js';
import horizontalAutoscaling from '../../../checks/ops/horizontal-autoscaling.js';
import metricsAndTracing from '../../../checks/ops/metrics-and-tracing.js';
import modelCallCaching from '../../../checks/ops/model-call-caching.js';
import modelCallTimeoutsAndRetries from '../../../checks/ops/model-call-timeouts-and-retries.js';
import orchestratedPipeline from '../../../checks/ops/orchestrated-pipeline.js';
import progressiveDelivery from '../../../checks/ops/progressive-delivery.js';
import servingEngineConfiguration from '../../../checks/ops/serving-engine-configuration.js';
import tokenUsageRecorded from '../../../checks/ops/token-usage-recorded.js';
import fewShotExamples from '../../../checks/prompting/few-shot-examples.js';
import promptTemplates from '../../../checks/prompting/prompt-templates.js';
import refusalPath from '../../../checks/prompting/refusal-path.js';
import structuredOutputValidation from '../../../checks/prompting/structured-output-validation.js';
import userTextDelimited from '../../../checks/prompting/user-text-delimited.js';

/** The checks of the production areas, for the fixture tests (they run before and apart from the registry). */
export const OPS_CHECKS = [
  ciDeliverySteps, horizontalAutoscaling, metricsAndTracing, modelCallCaching, modelCallTimeoutsAndRetries,
  orchestratedPipeline, progressiveDelivery, servingEngineConfiguration, tokenUsageRecorded,
];
export const DATA_CHECKS = [corpusLoadedIntoMemory, datasetVersioning, deduplicationAndCleaning, documentParsers, reindexStrategy];
export const PROMPTING_CHECKS = [fewShotExamples, promptTemplates, refusalPath, structuredOutputValidation, userTextDelimited];
