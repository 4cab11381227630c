import { judgeEvidence } from '../facts/queries/evaluation.js';
import { trainerCalls, trainingConfigs } from '../facts/queries/fine-tuning.js';
import { calleeMatches, pythonCalls, pythonCallsTo } from '../facts/query.js';
import type { ConfigLeaf, Facts, PyCall } from '../facts/types.js';
import type { Evidence } from '../types.js';
import { deploymentLines, importLines, itemEvidence } from './code-lines.js';
import { searched, type Verdict, type VerificationContext, type Verifier } from './verification-context.js';

const supported = (evidence: Evidence[], lookedFor: string): Verdict => ({ status: 'supported', evidence, lookedFor });
const contradicted = (evidence: Evidence[], lookedFor: string): Verdict => ({ status: 'contradicted', evidence, lookedFor });
/** Supported by whatever was found; contradicted (with no evidence) when nothing was. */
const present = (evidence: Evidence[], lookedFor: string): Verdict => (evidence.length ? supported(evidence, lookedFor) : contradicted([], lookedFor));

const CODE_AND_CONFIG = ['python', 'notebooks', 'configs'] as const;
const DEPLOYMENT = ['dockerfiles', 'configs', 'python', 'scripts'] as const;

// ---------------------------------------------------------------- quantisation

const kwargTrue = (call: PyCall, name: string) => call.kwargs[name]?.literal === true;
const leafKey = (leaf: ConfigLeaf) => String(leaf.key[leaf.key.length - 1]).toLowerCase();
const configFlags = (facts: Facts, key: string) => facts.configs.flatMap((d) => d.leaves).filter((l) => leafKey(l) === key && l.value === true).map((l) => l.evidence);
const modelIds = (context: VerificationContext, pattern: RegExp) => context.stack.models.filter((m) => pattern.test(m.id)).flatMap((m) => m.evidence.slice(0, 1));
/** `stack.quantization` items (bitsandbytes-4bit, gptq, awq, gguf, onnx, tensorrt…). */
const quantised = ({ stack }: VerificationContext, ids?: readonly string[]) => itemEvidence(stack.quantization ?? [], ids ?? (stack.quantization ?? []).map((q) => q.id));
/** `stack.servingEngines` items that run or call an engine. */
const engine = ({ stack }: VerificationContext, id: string) => itemEvidence(stack.servingEngines ?? [], [id]);

function fourBit(context: VerificationContext): Evidence[] {
  const { facts } = context;
  const calls = pythonCalls(facts).filter((c) => kwargTrue(c, 'load_in_4bit') || c.kwargs.bnb_4bit_quant_type || c.kwargs.bnb_4bit_compute_dtype);
  return [...quantised(context, ['bitsandbytes-4bit']), ...calls.map((c) => c.evidence), ...configFlags(facts, 'load_in_4bit')];
}
function eightBit(context: VerificationContext): Evidence[] {
  const { facts } = context;
  return [...quantised(context, ['bitsandbytes-8bit']), ...pythonCalls(facts).filter((c) => kwargTrue(c, 'load_in_8bit')).map((c) => c.evidence), ...configFlags(facts, 'load_in_8bit')];
}
function gptq(context: VerificationContext): Evidence[] {
  const { facts } = context;
  return [...quantised(context, ['gptq']), ...pythonCallsTo(facts, ['transformers.GPTQConfig']).map((c) => c.evidence), ...importLines(facts, ['auto_gptq', 'gptqmodel', 'optimum.gptq']), ...modelIds(context, /gptq/i)];
}
function awq(context: VerificationContext): Evidence[] {
  const { facts } = context;
  return [...quantised(context, ['awq']), ...pythonCallsTo(facts, ['transformers.AwqConfig']).map((c) => c.evidence), ...importLines(facts, ['awq']), ...modelIds(context, /awq/i)];
}
function gguf(context: VerificationContext): Evidence[] {
  return [...quantised(context, ['gguf']), ...modelIds(context, /gguf/i), ...deploymentLines(context.facts, /\.gguf\b|\bgguf\b/i)];
}
function otherQuantisation(context: VerificationContext): Evidence[] {
  const { facts } = context;
  const calls = pythonCalls(facts).filter((c) => /^torch\.(?:ao\.)?quantization\./.test(c.callee) || calleeMatches(c.callee, '*.quantize_dynamic') || calleeMatches(c.callee, 'optimum.onnxruntime.ORTQuantizer'));
  return [...quantised(context), ...calls.map((c) => c.evidence), ...importLines(facts, ['bitsandbytes'])];
}

const QUANT_SCOPE = (context: VerificationContext) => searched(context.scope, ['python', 'notebooks', 'configs', 'dockerfiles']);

// ---------------------------------------------------------------- fine-tuning

function fineTuningEvidence({ facts, stack }: VerificationContext): Evidence[] {
  return [...stack.fineTuning.flatMap((item) => item.evidence), ...trainerCalls(facts).map((t) => t.call.evidence), ...trainingConfigs(facts).map((c) => c.evidence)];
}

const FINE_TUNING_LOOKED_FOR = 'a trainer (Transformers `Trainer`, TRL `SFTTrainer`/`DPOTrainer`), a PEFT adapter (`LoraConfig`, `get_peft_model`) or a training config (Axolotl, LLaMA-Factory)';

function methodVerifier(id: string, what: string): Verifier {
  return (_claim, context) => {
    const lookedFor = `${what}, ${searched(context.scope, CODE_AND_CONFIG)}`;
    const evidence = itemEvidence(context.stack.fineTuning, [id]);
    if (evidence.length) return supported(evidence, lookedFor);
    const other = context.stack.fineTuning.map((item) => item.id);
    return contradicted(fineTuningEvidence(context), other.length ? `${lookedFor}; found ${other.join(', ')} fine-tuning instead` : `${lookedFor}; found no fine-tuning at all`);
  };
}

// ---------------------------------------------------------------- the table

/** One verifier per technique subject of the vocabulary (claim-vocabulary.ts `TECHNIQUES`). */
export const TECHNIQUE_VERIFIERS: Record<string, Verifier> = {
  qlora: (_claim, context) => {
    const lookedFor = `a LoRA adapter on a 4-bit quantised base: \`BitsAndBytesConfig(load_in_4bit=True)\` or \`load_in_4bit=True\` on the base model (or \`load_in_4bit: true\` in a training config), ${searched(context.scope, CODE_AND_CONFIG)}`;
    const qlora = itemEvidence(context.stack.fineTuning, ['qlora']);
    if (qlora.length) return supported(qlora, lookedFor);
    const lora = itemEvidence(context.stack.fineTuning, ['lora']);
    if (lora.length) return contradicted(lora, `${lookedFor}; found a LoRA adapter on a base model that is not loaded in 4-bit`);
    const other = fineTuningEvidence(context);
    return contradicted(other, other.length ? `${lookedFor}; found fine-tuning without LoRA` : `${lookedFor}; found no fine-tuning at all`);
  },
  lora: methodVerifier('lora', 'a LoRA adapter: peft `LoraConfig`/`get_peft_model`, Unsloth `get_peft_model`, or `lora_r`/`adapter: lora` in a training config'),
  full: methodVerifier('full', 'full fine-tuning: a Transformers or TRL trainer over the whole model, with no PEFT adapter'),
  sft: methodVerifier('sft', 'supervised fine-tuning: TRL `SFTTrainer`/`SFTConfig`'),
  dpo: methodVerifier('dpo', 'preference tuning: TRL `DPOTrainer`/`DPOConfig` or `rl: dpo` in a training config'),
  'fine-tuning': (_claim, context) => present(fineTuningEvidence(context), `${FINE_TUNING_LOOKED_FOR}, ${searched(context.scope, CODE_AND_CONFIG)}`),

  rag: (_claim, { stack, scope }) => {
    const rag = stack.rag;
    const evidence = rag ? [rag.retrieval[0], rag.promptTemplate[0], rag.embeddings[0]].filter((e): e is Evidence => e !== undefined) : [];
    return present(evidence, `a retrieval step (similarity search, a retriever, a vector-store query) feeding a prompt, ${searched(scope)}`);
  },
  reranking: (_claim, { stack, scope }) => {
    const lookedFor = `a reranking step (a cross-encoder, a \`*Rerank*\` class or a \`rerank\` call) after retrieval, ${searched(scope)}`;
    if (stack.rag?.reranking.length) return supported(stack.rag.reranking, lookedFor);
    if (stack.rag) return contradicted(stack.rag.retrieval.slice(0, 1), `${lookedFor}; retrieval returns its results without reranking`);
    return contradicted([], `${lookedFor}; found no retrieval at all`);
  },
  'vector-database': (_claim, { stack, scope }) =>
    present(itemEvidence(stack.vectorStores, stack.vectorStores.map((v) => v.id)), `a vector store client or integration (Chroma, FAISS, Qdrant, pgvector…) or hand-rolled similarity search, ${searched(scope)}`),
  'llm-judge': (_claim, { facts, scope }) => present(judgeEvidence(facts), `a grading prompt sent to a model ("you are a judge", "grade the answer") or deepeval \`GEval\`, ${searched(scope)}`),

  vllm: (_claim, context) => {
    const lookedFor = `vLLM imported (\`from vllm import LLM\`) or run as a server (\`vllm serve\`, the \`vllm/vllm-openai\` image), ${searched(context.scope, DEPLOYMENT)}`;
    const used = [...engine(context, 'vllm'), ...itemEvidence(context.stack.libraries, ['vllm']), ...deploymentLines(context.facts, /\bvllm\b/i)];
    if (used.length) return supported(used, lookedFor);
    const declared = context.stack.libraries.find((l) => l.id === 'vllm' && l.declaredOnly);
    return declared ? contradicted(declared.evidence, `${lookedFor}; vllm is declared but never imported or run`) : contradicted([], lookedFor);
  },
  tgi: (_claim, context) =>
    present(
      [...engine(context, 'tgi'), ...deploymentLines(context.facts, /text-generation-inference|text-generation-launcher/i)],
      `Text Generation Inference run as a server (the \`ghcr.io/huggingface/text-generation-inference\` image or \`text-generation-launcher\`), ${searched(context.scope, DEPLOYMENT)}`,
    ),

  '4-bit': (_claim, context) => present([...fourBit(context), ...modelIds(context, /4bit|int4|q4_/i)], `\`load_in_4bit=True\` (or \`BitsAndBytesConfig\` 4-bit settings), a 4-bit checkpoint id, or \`load_in_4bit: true\` in a config, ${QUANT_SCOPE(context)}`),
  '8-bit': (_claim, context) => present([...eightBit(context), ...modelIds(context, /8bit|int8/i)], `\`load_in_8bit=True\`, an 8-bit checkpoint id, or \`load_in_8bit: true\` in a config, ${QUANT_SCOPE(context)}`),
  gptq: (_claim, context) => present(gptq(context), `\`GPTQConfig\`, an AutoGPTQ/GPTQModel import or a GPTQ checkpoint id, ${QUANT_SCOPE(context)}`),
  awq: (_claim, context) => present(awq(context), `\`AwqConfig\`, an AutoAWQ import or an AWQ checkpoint id, ${QUANT_SCOPE(context)}`),
  gguf: (_claim, context) => present(gguf(context), `a \`.gguf\` model file or GGUF checkpoint id in code, configs or launch files, ${QUANT_SCOPE(context)}`),
  quantization: (_claim, context) =>
    present(
      [...fourBit(context), ...eightBit(context), ...gptq(context), ...awq(context), ...gguf(context), ...otherQuantisation(context)],
      `quantised weights: bitsandbytes 4/8-bit loading, GPTQ, AWQ, GGUF, or PyTorch/ONNX quantisation calls, ${QUANT_SCOPE(context)}`,
    ),

  docker: (_claim, { stack, scope }) => present(itemEvidence(stack.containers, ['dockerfile', 'docker-compose']), `a Dockerfile (or Containerfile) or a compose file, ${searched(scope, ['dockerfiles', 'configs'])}`),
  kubernetes: (_claim, { stack, scope }) => present(itemEvidence(stack.containers, ['kubernetes', 'helm']), `Kubernetes manifests (a Deployment, Service…) or a Helm chart, ${searched(scope, ['configs'])}`),
  helm: (_claim, { stack, scope }) => {
    const lookedFor = `a Helm chart (\`Chart.yaml\` with templates), ${searched(scope, ['configs'])}`;
    const helm = itemEvidence(stack.containers, ['helm']);
    if (helm.length) return supported(helm, lookedFor);
    const kubernetes = itemEvidence(stack.containers, ['kubernetes']);
    return contradicted(kubernetes, kubernetes.length ? `${lookedFor}; found plain Kubernetes manifests instead` : lookedFor);
  },
  ci: (_claim, { stack, facts }) =>
    present(stack.ci.flatMap((item) => item.evidence), `a CI pipeline file (\`.github/workflows/*.yml\`, \`.gitlab-ci.yml\`, CircleCI, Jenkins…) among ${facts.files.length} files`),
};
