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
import trainingFramework from './fine-tuning/training-framework.js';
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
  trainingFramework,
  committedSecret,
];
