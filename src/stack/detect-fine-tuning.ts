import { argument, pythonCallsTo } from '../facts/query.js';
import type { ConfigLeaf, Facts, Literal, PyCall } from '../facts/types.js';
import type { Evidence } from '../types.js';
import { EvidenceMap, sortedEvidence } from './evidence-map.js';
import type { LoraParameters, StackItem } from './types.js';

const LORA_CALLS = ['peft.LoraConfig', 'unsloth.FastLanguageModel.get_peft_model', 'unsloth.FastVisionModel.get_peft_model'];
const METHOD_CALLS: readonly [string, readonly string[]][] = [
  ['prefix-tuning', ['peft.PrefixTuningConfig']],
  ['prompt-tuning', ['peft.PromptTuningConfig', 'peft.PromptEncoderConfig']],
  ['ia3', ['peft.IA3Config']],
  ['sft', ['trl.SFTTrainer', 'trl.SFTConfig']],
  ['dpo', ['trl.DPOTrainer', 'trl.DPOConfig']],
];
const TRAINER_CALLS = ['transformers.Trainer', 'transformers.Seq2SeqTrainer', 'trl.SFTTrainer', 'trl.DPOTrainer'];
const FOUR_BIT_CALLS = ['transformers.BitsAndBytesConfig', '*.from_pretrained'];

/** Keys of training configs (Axolotl, LLaMA-Factory, PEFT's adapter_config.json, hand-written YAML). */
const TARGET_KEYS = new Set(['target_modules', 'lora_target_modules', 'lora_target']);
const CONFIG_METHOD_KEYS = new Set(['adapter', 'finetuning_type', 'peft_type', 'training_type', 'method', 'peft_method']);
const CONFIG_METHODS: Record<string, string> = {
  lora: 'lora', qlora: 'qlora', 'prefix_tuning': 'prefix-tuning', prefix: 'prefix-tuning', prompt_tuning: 'prompt-tuning',
  ia3: 'ia3', full: 'full', freeze: 'full', sft: 'sft', dpo: 'dpo',
};

export interface FineTuningResult {
  fineTuning: StackItem[];
  lora: LoraParameters | null;
}

/** `stack.fineTuning` and `stack.lora` from PEFT/TRL/Unsloth calls and training configs. */
export function detectFineTuning(facts: Facts): FineTuningResult {
  const found = new EvidenceMap();
  const loraCalls = pythonCallsTo(facts, LORA_CALLS);
  for (const call of loraCalls) found.add('lora', call.evidence);
  for (const [id, patterns] of METHOD_CALLS) for (const call of pythonCallsTo(facts, patterns)) found.add(id, call.evidence);

  const fourBit = pythonCallsTo(facts, FOUR_BIT_CALLS).filter((call) => call.kwargs.load_in_4bit?.literal === true);
  const configLeaves = facts.configs.flatMap((doc) => doc.leaves);
  for (const leaf of configLeaves) {
    const key = lastKey(leaf);
    if (CONFIG_METHOD_KEYS.has(key) && typeof leaf.value === 'string') {
      const method = CONFIG_METHODS[leaf.value.toLowerCase()];
      if (method) found.add(method, leaf.evidence);
    } else if (/^lora_(r|rank|alpha)$/.test(key) && typeof leaf.value === 'number') {
      found.add('lora', leaf.evidence);
    } else if (key === 'rl' && typeof leaf.value === 'string' && leaf.value.toLowerCase() === 'dpo') {
      found.add('dpo', leaf.evidence);
    } else if (key === 'load_in_4bit' && leaf.value === true && found.has('lora')) {
      found.add('qlora', leaf.evidence);
    }
  }
  if (found.has('lora') && fourBit.length) {
    for (const e of found.get('lora')) found.add('qlora', e);
    for (const call of fourBit) found.add('qlora', call.evidence);
  }
  const peftMethods = ['lora', 'qlora', 'prefix-tuning', 'prompt-tuning', 'ia3'];
  if (!peftMethods.some((m) => found.has(m))) {
    for (const call of pythonCallsTo(facts, TRAINER_CALLS)) found.add('full', call.evidence);
  }
  return { fineTuning: found.toItems(), lora: loraParameters(loraCalls, configLeaves) };
}

function loraParameters(calls: PyCall[], leaves: ConfigLeaf[]): LoraParameters | null {
  const call = calls[0];
  if (call) {
    return {
      r: numberOf(argument(call, 'r')?.literal),
      alpha: numberOf(argument(call, 'lora_alpha')?.literal),
      targetModules: targetsOf(argument(call, 'target_modules')?.literal),
      dropout: numberOf(argument(call, 'lora_dropout')?.literal),
      evidence: [call.evidence],
    };
  }
  // A LoRA set in a training config: keys named lora_* or under a `lora` section.
  const loraLeaves = leaves.filter((leaf) => leaf.key.some((k) => typeof k === 'string' && /^(lora|peft)(_|$)/i.test(k)));
  if (!loraLeaves.length) return null;
  const pick = (names: string[]) => loraLeaves.find((leaf) => names.includes(lastKey(leaf)) || names.includes(parentKey(leaf)));
  const r = pick(['r', 'lora_r', 'rank', 'lora_rank']);
  const alpha = pick(['alpha', 'lora_alpha']);
  const dropout = pick(['dropout', 'lora_dropout']);
  const listed = loraLeaves.filter((leaf) => typeof leaf.key[leaf.key.length - 1] === 'number' && TARGET_KEYS.has(parentKey(leaf)));
  const single = loraLeaves.find((leaf) => TARGET_KEYS.has(lastKey(leaf)) && typeof leaf.value === 'string');
  const evidence: Evidence[] = [r, alpha, dropout, single, ...listed].flatMap((leaf) => (leaf ? [leaf.evidence] : []));
  if (!r && !alpha) return null;
  return {
    r: numberOf(r?.value),
    alpha: numberOf(alpha?.value),
    // `lora_target: q_proj,v_proj` (LLaMA-Factory) or a list; `all-linear` stays a string.
    targetModules: listed.length
      ? listed.map((leaf) => String(leaf.value))
      : typeof single?.value === 'string'
        ? single.value.includes(',') ? single.value.split(',').map((t) => t.trim()) : single.value
        : null,
    dropout: numberOf(dropout?.value),
    evidence: sortedEvidence(evidence),
  };
}

function lastKey(leaf: ConfigLeaf): string {
  const last = leaf.key[leaf.key.length - 1];
  return typeof last === 'string' ? last.toLowerCase() : parentKey(leaf);
}

function parentKey(leaf: ConfigLeaf): string {
  const named = leaf.key.filter((k): k is string => typeof k === 'string');
  const parent = typeof leaf.key[leaf.key.length - 1] === 'number' ? named[named.length - 1] : named[named.length - 2];
  return (parent ?? '').toLowerCase();
}

function numberOf(value: Literal | undefined): number | null {
  return typeof value === 'number' ? value : null;
}

function targetsOf(value: Literal | undefined): string[] | string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return null;
}
