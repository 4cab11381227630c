import { callsInPackages, commandLines, lineContaining, optionValue } from '../facts/queries/production.js';
import { codeStrings, plainCallee, pythonCalls } from '../facts/query.js';
import type { Facts, Literal } from '../facts/types.js';
import { EvidenceMap } from './evidence-map.js';
import { productionItems } from './production-items.js';
import { QUANTIZATION } from './signals.js';
import type { StackItem } from './types.js';

/** `quantization=`/`quantize=` values in code, configs and vLLM's `--quantization`. */
const METHODS: Record<string, string> = {
  awq: 'awq', awq_marlin: 'awq', gptq: 'gptq', gptq_marlin: 'gptq', marlin: 'gptq', bitsandbytes: 'bitsandbytes-4bit',
  bnb: 'bitsandbytes-4bit', 'bitsandbytes-nf4': 'bitsandbytes-4bit', 'bitsandbytes-fp4': 'bitsandbytes-4bit', nf4: 'bitsandbytes-4bit',
  gguf: 'gguf', onnx: 'onnx', tensorrt: 'tensorrt',
};
/** TGI's `--quantize`: plain `bitsandbytes` is its 8-bit mode. */
const TGI_METHODS: Record<string, string> = { ...METHODS, bitsandbytes: 'bitsandbytes-8bit' };
const METHOD_KEYS = new Set(['quantization', 'quantize', 'quantization_method', 'quant_method']);
const PYTHON_CALLS: readonly [string, RegExp][] = [
  ['bitsandbytes-4bit', /^bitsandbytes\.nn\.(Linear4bit|Params4bit|LinearNF4|LinearFP4)$/],
  ['bitsandbytes-8bit', /^bitsandbytes\.nn\.(Linear8bitLt|Int8Params)$/],
  ['gptq', /^(transformers\.GPTQConfig|auto_gptq\.|gptqmodel\.|optimum\.gptq\.)/],
  ['awq', /^(transformers\.AwqConfig|awq\.)/],
  ['onnx', /^(torch\.onnx\.(export|dynamo_export)|onnxruntime\.|optimum\.onnxruntime\.|optimum\.exporters\.onnx\.)/],
  ['tensorrt', /^(tensorrt|torch_tensorrt|tensorrt_llm)\./],
];
const PACKAGES = ['bitsandbytes', 'transformers', 'auto_gptq', 'gptqmodel', 'optimum', 'awq', 'torch', 'onnxruntime', 'tensorrt', 'torch_tensorrt', 'tensorrt_llm'];
const SCRIPT_CALLS: readonly [string, RegExp][] = [['onnx', /^onnxruntime-(node|web|common)\./]];
const COMMANDS: readonly [string, RegExp][] = [
  ['bitsandbytes-4bit', /--load[-_]in[-_]4bit\b/],
  ['bitsandbytes-8bit', /--load[-_]in[-_]8bit\b/],
  ['onnx', /\boptimum-cli\s+export\s+onnx\b|\btf2onnx\b/],
  ['tensorrt', /(^|[\s/])(trtexec|trtllm-build)(\s|$)/],
];
/** A model id that is itself a quantised checkpoint (`TheBloke/…-AWQ`, `unsloth/…-bnb-4bit`, `…-GGUF`). */
const QUANTIZED_ID: readonly [string, RegExp][] = [
  ['gptq', /gptq/i],
  ['awq', /(^|[^a-z])awq([^a-z]|$)/i],
  ['gguf', /gguf/i],
  ['bitsandbytes-4bit', /bnb-4bit/i],
];
const GGUF_PATH = /\.gguf$/i;

/**
 * `stack.quantization`: bitsandbytes 4-/8-bit loading, GPTQ and AWQ (configs, toolkits, serving
 * flags, quantised checkpoints), GGUF files referenced by path or model id, ONNX export or
 * ONNX Runtime inference, TensorRT. `models` are the ids already found, read for quantised checkpoints.
 */
export function detectQuantization(facts: Facts, models: readonly StackItem[]): StackItem[] {
  const found = new EvidenceMap();
  const addMethod = (table: Record<string, string>, value: Literal | undefined, evidence: Parameters<EvidenceMap['add']>[1]) => {
    const id = typeof value === 'string' ? table[value.toLowerCase()] : undefined;
    if (id) found.add(id, evidence);
  };
  for (const call of pythonCalls(facts)) {
    if (call.kwargs['load_in_4bit']?.literal === true) found.add('bitsandbytes-4bit', call.evidence);
    if (call.kwargs['load_in_8bit']?.literal === true) found.add('bitsandbytes-8bit', call.evidence);
    for (const key of METHOD_KEYS) if (call.kwargs[key]) addMethod(METHODS, call.kwargs[key].literal, call.evidence);
    if (call.name === 'save_pretrained_gguf' || call.name === 'push_to_hub_gguf') found.add('gguf', call.evidence);
  }
  for (const call of callsInPackages(facts, PACKAGES)) {
    const plain = plainCallee(call.callee);
    for (const [id, pattern] of PYTHON_CALLS) if (pattern.test(plain)) found.add(id, call.evidence);
  }
  for (const call of facts.scripts.flatMap((m) => m.calls)) {
    for (const [id, pattern] of SCRIPT_CALLS) if (pattern.test(plainCallee(call.callee))) found.add(id, call.evidence);
  }
  for (const { value, evidence } of codeStrings(facts)) if (GGUF_PATH.test(value)) found.add('gguf', evidence);
  for (const doc of facts.configs) {
    for (const leaf of doc.leaves) {
      const key = leaf.key.filter((k): k is string => typeof k === 'string').at(-1)?.toLowerCase() ?? '';
      if (key === 'load_in_4bit' && leaf.value === true) found.add('bitsandbytes-4bit', leaf.evidence);
      else if (key === 'load_in_8bit' && leaf.value === true) found.add('bitsandbytes-8bit', leaf.evidence);
      else if (METHOD_KEYS.has(key)) addMethod(METHODS, leaf.value, leaf.evidence);
      else if (typeof leaf.value === 'string' && GGUF_PATH.test(leaf.value)) found.add('gguf', leaf.evidence);
    }
  }
  for (const { command, evidence } of commandLines(facts)) {
    for (const [option, table] of [['--quantize', TGI_METHODS], ['--quantization', METHODS]] as const) {
      if (command.includes(option)) addMethod(table, optionValue(command, option), lineContaining(facts, evidence, option));
    }
    for (const [id, pattern] of COMMANDS) if (pattern.test(command)) found.add(id, evidence);
    if (command.includes('.gguf') && command.split(/\s+/).some((word) => GGUF_PATH.test(withoutClosers(word)))) found.add('gguf', evidence);
  }
  for (const file of facts.files) {
    // An Ollama Modelfile built on a local GGUF file: `FROM ./model.Q4_K_M.gguf`.
    if (!/(^|\/)Modelfile$/.test(file.path)) continue;
    file.text.split('\n', 200).forEach((line, i) => {
      if (/^\s*FROM\s+\S+\.gguf\s*$/i.test(line)) found.add('gguf', { path: file.path, line: i + 1, snippet: line.trim().slice(0, 200) });
    });
  }
  // Weaker: a checkpoint whose name says it is quantised.
  const checkpoints = new EvidenceMap();
  for (const model of models) {
    for (const [id, pattern] of QUANTIZED_ID) if (pattern.test(model.id)) for (const e of model.evidence) checkpoints.add(id, e);
  }
  return productionItems(facts, [found, checkpoints], QUANTIZATION, { declared: false });
}

/** A word without the quotes, commas and brackets closing it (`"m.gguf",` → `m.gguf`); a loop, not a backtracking regex. */
function withoutClosers(word: string): string {
  let end = word.length;
  while (end > 0 && `"',]`.includes(word[end - 1]!)) end--;
  return word.slice(0, end);
}
