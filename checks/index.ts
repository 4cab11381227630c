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
import committedSecret from './security/committed-secret.js';

/** Every check, explicitly, by area; a test keeps this list and the files under checks/ in step. */
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
  committedSecret,
];
