import { lineContaining } from '../facts/queries/production.js';
import { memoised } from '../memoised.js';
import { codeStrings } from '../facts/query.js';
import type { Facts, Literal, PyValue, ScriptValue } from '../facts/types.js';
import type { Evidence } from '../types.js';
import { EvidenceMap } from './evidence-map.js';
import type { StackItem } from './types.js';

/**
 * Keys and parameters whose value names a model (`model`, `model_name_or_path`, `LLM_MODEL`,
 * `embeddingModel`). Memoised: every call's keywords are asked about, and a repository repeats a
 * few hundred of them.
 */
export const isModelKey = memoised((key: string): boolean => {
  const snake = key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  return (
    /^(pretrained_model_name_or_path|model_name_or_path|repo_id|checkpoint|model_checkpoint)$/.test(snake) ||
    /^([a-z0-9]+_){0,2}(model|llm)(_name|_id|_repo)?$/.test(snake)
  );
}, 10_000);

/** Config keys holding a container's start command (compose, Kubernetes, Argo). */
const COMMAND_KEYS = new Set(['command', 'args', 'entrypoint']);
/** Calls whose first positional argument is a model id. */
const MODEL_FIRST_ARG = new Set(['from_pretrained', 'SentenceTransformer', 'CrossEncoder', 'LLM', 'AutoModel', 'pull', 'snapshot_download']);
/** Calls whose string arguments are dataset ids, never models. */
const DATASET_CALLS = new Set(['load_dataset', 'Dataset', 'hf_hub_download_dataset']);
/** Well-known model families, for ids that appear in code without a telling key. */
const FAMILY = /(^|[^a-z])(llama|mistral|mixtral|gemma|qwen|phi-?\d|falcon|gpt-?[234o]|gpt2|claude|command-r|deepseek|bert|roberta|minilm|mpnet|bge-|e5-|gte-|nomic-embed|text-embedding|t5|bart|whisper|starcoder|codellama|tinyllama|smollm|olmo|vicuna|zephyr|opt-\d)/i;
const ID_SHAPE = /^[A-Za-z0-9][\w.-]{0,80}(\/[\w.-]{1,96})?(:[\w.-]{1,40})?$/;
const LOCAL_FILE = /\.(gguf|bin|pt|pth|safetensors|onnx|json|ya?ml|txt|csv|jsonl|py|pkl|h5|ckpt|md|html|pdf)$/i;

/** A string that reads as a model identifier: no spaces, no local path, not a URL. */
export function looksLikeModelId(value: string): boolean {
  return (
    ID_SHAPE.test(value) &&
    /[A-Za-z]/.test(value) &&
    !LOCAL_FILE.test(value) &&
    !/^[A-Z][A-Z0-9_]*$/.test(value) && // an environment variable's name
    !/^(true|false|none|null|auto|default|cpu|cuda|mps)$/i.test(value)
  );
}

/**
 * `stack.models`: model ids as written in code, notebooks, configs, `.env` files and launch
 * scripts — under a model-ish key or parameter, as the first argument of a loader, or as a known
 * family name. Evidence is where the string appears. Comments, prose, datasets and paths are not models.
 */
export function detectModels(facts: Facts): StackItem[] {
  const found = new EvidenceMap();
  const add = (value: Literal | undefined, evidence: Evidence) => {
    if (typeof value === 'string' && looksLikeModelId(value)) found.add(value, evidence);
  };

  for (const m of facts.python) {
    /** Where the string itself appears: the constant's definition when passed by name. */
    const whereWritten = (value: PyValue) => value.definedAt ?? value.evidence;
    for (const a of m.assignments) if (isModelKey(a.target.slice(a.target.lastIndexOf('.') + 1))) add(a.value.literal, a.value.evidence);
    for (const p of m.pairs) if (isModelKey(p.key)) add(p.value.literal, whereWritten(p.value));
    for (const call of m.calls) {
      if (DATASET_CALLS.has(call.name)) continue;
      for (const key in call.kwargs) if (isModelKey(key)) add(call.kwargs[key]!.literal, whereWritten(call.kwargs[key]!));
      const first = call.args[0];
      if (first && MODEL_FIRST_ARG.has(call.name)) add(first.literal, whereWritten(first));
    }
  }
  for (const m of facts.scripts) {
    for (const call of m.calls) for (const arg of call.args) scanScriptValue(arg, call.evidence, add);
  }
  for (const doc of facts.configs) {
    let previous: Literal | undefined;
    for (const leaf of doc.leaves) {
      const key = [...leaf.key].reverse().find((k): k is string => typeof k === 'string');
      if (key && isModelKey(key)) add(leaf.value, leaf.evidence);
      else if (key && COMMAND_KEYS.has(key) && typeof leaf.value === 'string') {
        // A container's command: `command: --model-id X` as one string, or `args: [--model, X]` item by item.
        const inList = typeof leaf.key[leaf.key.length - 1] === 'number';
        const words = inList && typeof previous === 'string' ? `${previous} ${leaf.value}` : leaf.value;
        for (const id of modelsInCommand(words)) {
          if (!inList || id === leaf.value || leaf.value.endsWith(`=${id}`)) add(id, inList ? leaf.evidence : lineContaining(facts, leaf.evidence, id));
        }
      }
      previous = leaf.value;
    }
  }
  for (const { value, evidence } of codeStrings(facts)) if (FAMILY.test(value) && !value.includes('/api/')) add(value, evidence);
  for (const file of facts.files) {
    if (!file.path.endsWith('.sh')) continue;
    file.text.split('\n').forEach((line, i) => {
      for (const id of modelsInCommand(line)) add(id, { path: file.path, line: i + 1, snippet: line.trim().slice(0, 200) });
    });
  }
  for (const dockerfile of facts.dockerfiles) {
    for (const instruction of dockerfile.instructions) {
      if (['RUN', 'CMD', 'ENTRYPOINT', 'ENV', 'ARG'].includes(instruction.keyword)) {
        for (const id of modelsInCommand(instruction.args)) add(id, instruction.evidence);
      }
    }
  }
  return found.toItems();
}

function scanScriptValue(value: ScriptValue, evidence: Evidence, add: (v: Literal | undefined, e: Evidence) => void): void {
  const visit = (literal: Literal | undefined, depth: number) => {
    if (depth > 6 || literal === null || typeof literal !== 'object') return;
    if (Array.isArray(literal)) return literal.forEach((item) => visit(item, depth + 1));
    for (const [key, inner] of Object.entries(literal)) {
      if (isModelKey(key)) add(inner, evidence);
      else visit(inner, depth + 1);
    }
  };
  visit(value.literal, 0);
}

/** Model ids in a shell command: `--model X`, `--model_name_or_path=X`, `vllm serve X`, `ollama pull X`. */
export function modelsInCommand(command: string): string[] {
  const tokens = command.replace(/["'\[\],]/g, ' ').split(/\s+/).filter(Boolean);
  const out: string[] = [];
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    const eq = /^--?([\w-]+)=(.+)$/.exec(token);
    if (eq && isModelKey(eq[1]!.replace(/-/g, '_'))) out.push(eq[2]!);
    else if (/^--?[\w-]+$/.test(token) && isModelKey(token.replace(/^-+/, '').replace(/-/g, '_')) && next) out.push(next);
    else if (next && ((token === 'serve' && tokens[i - 1] === 'vllm') || (['pull', 'run'].includes(token) && tokens[i - 1] === 'ollama'))) out.push(next);
    else {
      const env = /^([A-Z][A-Z0-9_]*)=(.+)$/.exec(token);
      if (env && isModelKey(env[1]!)) out.push(env[2]!);
    }
  });
  return out.filter(looksLikeModelId);
}
