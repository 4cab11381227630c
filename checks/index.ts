import type { Check } from '../src/engine/types.js';
import dtypeAndDevice from './transformers/dtype-and-device.js';
import generationSettings from './transformers/generation-settings.js';
import inferenceWithoutNoGrad from './transformers/inference-without-no-grad.js';
import modelLoadedPerRequest from './transformers/model-loaded-per-request.js';
import modelLoading from './transformers/model-loading.js';
import trustRemoteCode from './transformers/trust-remote-code.js';
import unbatchedInference from './transformers/unbatched-inference.js';
import adapterSaving from './fine-tuning/adapter-saving.js';
import fourBitBaseModel from './fine-tuning/four-bit-base-model.js';
import heldOutEvaluation from './fine-tuning/held-out-evaluation.js';
import peftConfiguration from './fine-tuning/peft-configuration.js';
import trainingArguments from './fine-tuning/training-arguments.js';
import trainingDataInEvaluation from './fine-tuning/training-data-in-evaluation.js';
import trainingFramework from './fine-tuning/training-framework.js';
import chunkSettings from './rag/chunk-settings.js';
import chunkingWithoutOverlap from './rag/chunking-without-overlap.js';
import documentsEmbeddedWhole from './rag/documents-embedded-whole.js';
import embeddingModel from './rag/embedding-model.js';
import generatorModel from './rag/generator-model.js';
import promptGrounding from './rag/prompt-grounding.js';
import retrievalSettings from './rag/retrieval-settings.js';
import sourcesReturned from './rag/sources-returned.js';
import splitterNeverCalled from './rag/splitter-never-called.js';
import vectorStorePersistence from './rag/vector-store-persistence.js';
import apiEndpoints from './serving/api-endpoints.js';
import blockingCallInAsyncHandler from './serving/blocking-call-in-async-handler.js';
import modelCallErrorHandling from './serving/model-call-error-handling.js';
import requestBodyValidation from './serving/request-body-validation.js';
import streamingResponse from './serving/streaming-response.js';
import hardCodedAnswers from './evaluation/hard-coded-answers.js';
import qualityMetric from './evaluation/quality-metric.js';
import reportedResults from './evaluation/reported-results.js';
import testQuestionsInIndex from './evaluation/test-questions-in-index.js';
import hostedApiOnly from './prompt-only/hosted-api-only.js';
import baseImageTag from './docker/base-image-tag.js';
import composeServices from './docker/compose-services.js';
import containerUser from './docker/container-user.js';
import dependencyLayerOrder from './docker/dependency-layer-order.js';
import dockerignore from './docker/dockerignore.js';
import exposedPort from './docker/exposed-port.js';
import healthcheck from './docker/healthcheck.js';
import kubernetesWorkloads from './docker/kubernetes-workloads.js';
import modelWeightsInImage from './docker/model-weights-in-image.js';
import multiStageBuild from './docker/multi-stage-build.js';
import packageCacheInLayers from './docker/package-cache-in-layers.js';
import secretInBuildEnv from './docker/secret-in-build-env.js';
import startCommand from './docker/start-command.js';
import commentedOutCode from './code-quality/commented-out-code.js';
import complexFunctions from './code-quality/complex-functions.js';
import configurationFromEnvironment from './code-quality/configuration-from-environment.js';
import dependencyPinning from './code-quality/dependency-pinning.js';
import duplicatedBlocks from './code-quality/duplicated-blocks.js';
import hardCodedPaths from './code-quality/hard-coded-paths.js';
import notebookOutputs from './code-quality/notebook-outputs.js';
import printDebugging from './code-quality/print-debugging.js';
import projectStructure from './code-quality/project-structure.js';
import readmeSections from './code-quality/readme-sections.js';
import swallowedExceptions from './code-quality/swallowed-exceptions.js';
import todoComments from './code-quality/todo-comments.js';
import typeHintsAndDocstrings from './code-quality/type-hints-and-docstrings.js';
import undeclaredImports from './code-quality/undeclared-imports.js';
import unusedDependencies from './code-quality/unused-dependencies.js';
import ciPipeline from './tests/ci-pipeline.js';
import evaluationHarness from './tests/evaluation-harness.js';
import fixturesAndParametrize from './tests/fixtures-and-parametrize.js';
import modelCallsInTests from './tests/model-calls-in-tests.js';
import ownCodeUnderTest from './tests/own-code-under-test.js';
import testSuite from './tests/test-suite.js';
import testsWithoutAssertions from './tests/tests-without-assertions.js';
import committedEnvFile from './security/committed-env-file.js';
import committedSecret from './security/committed-secret.js';
import evalOrExec from './security/eval-or-exec.js';
import largeBinaries from './security/large-binaries.js';
import promptInjectionExposure from './security/prompt-injection-exposure.js';
import sqlStringFormatting from './security/sql-string-formatting.js';
import unsafeDeserialization from './security/unsafe-deserialization.js';
import authors from './git-history/authors.js';
import changesAgainstTemplate from './git-history/changes-against-template.js';
import commitMessages from './git-history/commit-messages.js';
import commitSpan from './git-history/commit-span.js';
import dumpCommit from './git-history/dump-commit.js';
import outsideTakeHomeWindow from './git-history/outside-take-home-window.js';

/** Every check, explicitly, by area; a test keeps this list and the files under checks/ in step. */
import ciDeliverySteps from './ops/ci-delivery-steps.js';
import horizontalAutoscaling from './ops/horizontal-autoscaling.js';
import metricsAndTracing from './ops/metrics-and-tracing.js';
import modelCallCaching from './ops/model-call-caching.js';
import modelCallTimeoutsAndRetries from './ops/model-call-timeouts-and-retries.js';
import orchestratedPipeline from './ops/orchestrated-pipeline.js';
import progressiveDelivery from './ops/progressive-delivery.js';
import servingEngineConfiguration from './ops/serving-engine-configuration.js';
import tokenUsageRecorded from './ops/token-usage-recorded.js';
import corpusLoadedIntoMemory from './data/corpus-loaded-into-memory.js';
import datasetVersioning from './data/dataset-versioning.js';
import deduplicationAndCleaning from './data/deduplication-and-cleaning.js';
import documentParsers from './data/document-parsers.js';
import reindexStrategy from './data/reindex-strategy.js';
import fewShotExamples from './prompting/few-shot-examples.js';
import promptTemplates from './prompting/prompt-templates.js';
import refusalPath from './prompting/refusal-path.js';
import structuredOutputValidation from './prompting/structured-output-validation.js';
import userTextDelimited from './prompting/user-text-delimited.js';
export const checks: readonly Check[] = [
  dtypeAndDevice,
  generationSettings,
  inferenceWithoutNoGrad,
  modelLoadedPerRequest,
  modelLoading,
  trustRemoteCode,
  unbatchedInference,
  adapterSaving,
  fourBitBaseModel,
  heldOutEvaluation,
  peftConfiguration,
  trainingArguments,
  trainingDataInEvaluation,
  trainingFramework,
  chunkSettings,
  chunkingWithoutOverlap,
  documentsEmbeddedWhole,
  embeddingModel,
  generatorModel,
  promptGrounding,
  retrievalSettings,
  sourcesReturned,
  splitterNeverCalled,
  vectorStorePersistence,
  apiEndpoints,
  blockingCallInAsyncHandler,
  modelCallErrorHandling,
  requestBodyValidation,
  streamingResponse,
  hardCodedAnswers,
  qualityMetric,
  reportedResults,
  testQuestionsInIndex,
  hostedApiOnly,
  baseImageTag,
  composeServices,
  containerUser,
  dependencyLayerOrder,
  dockerignore,
  exposedPort,
  healthcheck,
  kubernetesWorkloads,
  modelWeightsInImage,
  multiStageBuild,
  packageCacheInLayers,
  secretInBuildEnv,
  startCommand,
  commentedOutCode,
  complexFunctions,
  configurationFromEnvironment,
  dependencyPinning,
  duplicatedBlocks,
  hardCodedPaths,
  notebookOutputs,
  printDebugging,
  projectStructure,
  readmeSections,
  swallowedExceptions,
  todoComments,
  typeHintsAndDocstrings,
  undeclaredImports,
  unusedDependencies,
  ciPipeline,
  evaluationHarness,
  fixturesAndParametrize,
  modelCallsInTests,
  ownCodeUnderTest,
  testSuite,
  testsWithoutAssertions,
  committedEnvFile,
  committedSecret,
  evalOrExec,
  largeBinaries,
  promptInjectionExposure,
  sqlStringFormatting,
  unsafeDeserialization,
  authors,
  changesAgainstTemplate,
  commitMessages,
  commitSpan,
  dumpCommit,
  outsideTakeHomeWindow,
  ciDeliverySteps, horizontalAutoscaling, metricsAndTracing, modelCallCaching, modelCallTimeoutsAndRetries,
  orchestratedPipeline, progressiveDelivery, servingEngineConfiguration, tokenUsageRecorded,
  corpusLoadedIntoMemory, datasetVersioning, deduplicationAndCleaning, documentParsers, reindexStrategy,
  fewShotExamples, promptTemplates, refusalPath, structuredOutputValidation, userTextDelimited,
];
