import { calleeMatches, isTestPath, pythonCallsTo } from '../query.js';
import type { ConfigDocument, ConfigLeaf, Facts, Literal, PyCall, PyValue } from '../types.js';
import type { Evidence } from '../../types.js';

export type TrainerFamily = 'sft' | 'preference' | 'rl' | 'reward' | 'generic';

/** Trainer classes of Transformers and TRL, by the name an interviewer knows them by, and what they train for. */
export const TRAINER_CLASSES: readonly [pattern: string, label: string, family: TrainerFamily][] = [
  ['trl.SFTTrainer', 'TRL `SFTTrainer`', 'sft'],
  ['trl.DPOTrainer', 'TRL `DPOTrainer`', 'preference'],
  ['trl.ORPOTrainer', 'TRL `ORPOTrainer`', 'preference'],
  ['trl.KTOTrainer', 'TRL `KTOTrainer`', 'preference'],
  ['trl.CPOTrainer', 'TRL `CPOTrainer`', 'preference'],
  ['trl.GRPOTrainer', 'TRL `GRPOTrainer`', 'rl'],
  ['trl.PPOTrainer', 'TRL `PPOTrainer`', 'rl'],
  ['trl.RewardTrainer', 'TRL `RewardTrainer`', 'reward'],
  ['transformers.Trainer', 'Transformers `Trainer`', 'generic'],
  ['transformers.Seq2SeqTrainer', 'Transformers `Seq2SeqTrainer`', 'generic'],
];

/** `TrainingArguments` and the TRL configs that extend it. */
export const TRAINING_ARGUMENT_CLASSES = [
  'transformers.TrainingArguments',
  'transformers.Seq2SeqTrainingArguments',
  'trl.SFTConfig',
  'trl.DPOConfig',
  'trl.ORPOConfig',
  'trl.KTOConfig',
  'trl.CPOConfig',
  'trl.GRPOConfig',
  'trl.RewardConfig',
] as const;

/** Python calls of the submission outside its tests (a test that builds a `Trainer` is not a training run). */
export function productCallsTo(facts: Facts, patterns: readonly string[]): PyCall[] {
  return pythonCallsTo(facts, patterns).filter((call) => !isTestPath(call.evidence.path));
}

/** Calls that construct a trainer, each with its label and family. */
export function trainerCalls(facts: Facts): { call: PyCall; label: string; family: TrainerFamily }[] {
  const out: { call: PyCall; label: string; family: TrainerFamily }[] = [];
  for (const call of productCallsTo(facts, TRAINER_CLASSES.map(([p]) => p))) {
    const [, label, family] = TRAINER_CLASSES.find(([p]) => calleeMatches(call.callee, p))!;
    out.push({ call, label, family });
  }
  return out;
}

export function trainingArgumentCalls(facts: Facts): PyCall[] {
  return productCallsTo(facts, TRAINING_ARGUMENT_CLASSES);
}

/** `trainer.<method>()` on a trainer built in the submission (`trl.SFTTrainer().train`). */
export function trainerMethodCalls(facts: Facts, method: string): PyCall[] {
  const patterns = TRAINER_CLASSES.map(([p]) => p);
  return productCallsTo(facts, [`*.${method}`]).filter((call) => {
    const receiver = call.callee.slice(0, -(method.length + 1));
    return call.name === method && receiver.endsWith('()') && patterns.some((p) => calleeMatches(receiver.slice(0, -2), p));
  });
}

// ---------------------------------------------------------------- values

/** A value as the candidate wrote it; a constant's name with its value (`LORA_RANK=8`). */
export function shown(value: PyValue): string {
  if (value.kind === 'name' && value.literal !== undefined) return `${value.text}=${literalText(value.literal)}`;
  if (value.kind === 'list' && Array.isArray(value.literal)) return literalText(value.literal);
  return value.text;
}

export function literalText(value: Literal): string {
  if (Array.isArray(value)) return value.map((v) => literalText(v)).join(', ');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** `bf16=True` style listing of the keyword arguments a call sets, in the given order. */
export function setKwargs(call: PyCall, names: readonly string[]): string[] {
  return names.flatMap((name) => (call.kwargs[name] ? [`${name}=${shown(call.kwargs[name])}`] : []));
}

export { at } from '../evidence.js';

// ---------------------------------------------------------------- training configs (Axolotl, LLaMA-Factory)

export interface TrainingConfig {
  document: ConfigDocument;
  /** `Axolotl-style` or `LLaMA-Factory-style`. */
  style: string;
  /** Top-level keys, lower-cased, to their leaf (scalars only). */
  value(key: string): ConfigLeaf | undefined;
  /** The line that best identifies the config (its base model). */
  evidence: Evidence;
}

const AXOLOTL_KEYS = ['adapter', 'micro_batch_size', 'num_epochs', 'lora_r', 'sequence_len', 'val_set_size', 'datasets'];
const LLAMA_FACTORY_KEYS = ['finetuning_type', 'stage', 'lora_rank', 'per_device_train_batch_size'];

/** YAML/JSON training configs: a base model plus keys only a training run has. */
export function trainingConfigs(facts: Facts): TrainingConfig[] {
  const out: TrainingConfig[] = [];
  for (const document of facts.configs) {
    if (document.format !== 'yaml' && document.format !== 'json') continue;
    const data = document.data;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) continue;
    const keys = new Set(Object.keys(data).map((k) => k.toLowerCase()));
    const base = keys.has('base_model') ? 'base_model' : keys.has('model_name_or_path') ? 'model_name_or_path' : null;
    if (!base) continue;
    const style = AXOLOTL_KEYS.filter((k) => keys.has(k)).length >= 2 ? 'Axolotl-style' : LLAMA_FACTORY_KEYS.filter((k) => keys.has(k)).length >= 2 ? 'LLaMA-Factory-style' : null;
    if (!style) continue;
    const top = new Map<string, ConfigLeaf>();
    for (const leaf of document.leaves) {
      const [key] = leaf.key;
      if (leaf.key.length === 1 && typeof key === 'string') top.set(key.toLowerCase(), leaf);
    }
    const evidence = top.get(base)?.evidence ?? document.evidenceFor([base]);
    if (!evidence) continue;
    out.push({ document, style, value: (key) => top.get(key), evidence });
  }
  return out;
}

/** Whether the submission trains a model: it builds a trainer or has a training config. */
export function trainsAModel(facts: Facts): boolean {
  return trainerCalls(facts).length > 0 || trainingConfigs(facts).length > 0;
}
