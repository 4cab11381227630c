import { defineCheck } from '../../src/engine/define-check.js';
import { at, productCallsTo, shown, trainingConfigs } from '../../src/facts/queries/fine-tuning.js';
import type { PyCall } from '../../src/facts/types.js';

const UNSLOTH_LOADERS = ['unsloth.FastLanguageModel.from_pretrained', 'unsloth.FastVisionModel.from_pretrained', 'unsloth.FastModel.from_pretrained'];
const PEFT_ADAPTERS = ['peft.LoraConfig', 'peft.get_peft_model'];
/** TRL trainers that call `prepare_model_for_kbit_training` themselves when given `peft_config`. */
const PREPARING_TRAINERS = ['trl.SFTTrainer', 'trl.DPOTrainer', 'trl.ORPOTrainer', 'trl.KTOTrainer', 'trl.CPOTrainer', 'trl.GRPOTrainer', 'trl.RewardTrainer'];

const isTrue = (call: PyCall, name: string) => call.kwargs[name]?.literal === true;

export default defineCheck({
  id: 'fine-tuning/four-bit-base-model',
  docs: 'Reports a base model loaded in 4-bit for QLoRA (bitsandbytes quantisation type, double quantisation, compute dtype; Unsloth; a training config) and a 4-bit LoRA base never passed through `prepare_model_for_kbit_training`.',
  messages: {
    bitsAndBytes: '4-bit base model via `BitsAndBytesConfig`: bnb_4bit_quant_type={{quantType}}, double quantisation {{doubleQuant}}, compute dtype {{computeDtype}}',
    eightBit: '8-bit base model via `BitsAndBytesConfig(load_in_8bit=True)`',
    loadFlag: 'Loads the base model in 4-bit with `load_in_4bit=True` ({{via}})',
    config: '4-bit base model set in `{{path}}` (`load_in_4bit: true`{{adapter}})',
    unprepared: 'The 4-bit base at `{{at}}` gets LoRA adapters but never goes through `prepare_model_for_kbit_training` (nor a TRL trainer given `peft_config`, which would call it)',
  },
  questions: {
    bitsAndBytes: 'Your base model is quantised at `{{at}}` ({{quantType}}). What does QLoRA keep in 4-bit and what in higher precision, and what did it save you in GPU memory?',
    unprepared: '`{{at}}` trains LoRA adapters on a 4-bit base without `prepare_model_for_kbit_training`. What does that function do, and did you see unstable loss or errors with gradient checkpointing?',
  },
  *run({ facts }) {
    const fourBit: PyCall[] = [];
    for (const call of productCallsTo(facts, ['transformers.BitsAndBytesConfig'])) {
      if (isTrue(call, 'load_in_4bit')) {
        fourBit.push(call);
        const quant = call.kwargs.bnb_4bit_quant_type;
        const dtype = call.kwargs.bnb_4bit_compute_dtype;
        const data = {
          quantType: quant ? shown(quant) : 'fp4 (default)',
          doubleQuant: isTrue(call, 'bnb_4bit_use_double_quant') ? 'on' : 'off',
          computeDtype: dtype ? shown(dtype) : 'float32 (default)',
          at: at(call.evidence),
        };
        yield { kind: 'info', messageId: 'bitsAndBytes', evidence: [call.evidence], data };
      } else if (isTrue(call, 'load_in_8bit')) {
        yield { kind: 'info', messageId: 'eightBit', evidence: [call.evidence] };
      }
    }
    const unsloth = new Set(productCallsTo(facts, UNSLOTH_LOADERS).filter((call) => isTrue(call, 'load_in_4bit')));
    const flagged = productCallsTo(facts, ['*.from_pretrained']).filter((call) => isTrue(call, 'load_in_4bit'));
    for (const call of flagged) {
      const via = unsloth.has(call) ? 'Unsloth `FastLanguageModel`' : `\`${call.raw}\``;
      yield { kind: 'info', messageId: 'loadFlag', evidence: [call.evidence], data: { via } };
      if (!unsloth.has(call)) fourBit.push(call);
    }
    for (const config of trainingConfigs(facts)) {
      const leaf = config.value('load_in_4bit');
      if (leaf?.value !== true) continue;
      const adapter = config.value('adapter')?.value;
      yield { kind: 'info', messageId: 'config', evidence: [leaf.evidence], data: { path: config.document.path, adapter: typeof adapter === 'string' ? `, \`adapter: ${adapter}\`` : '' } };
    }

    // Unsloth prepares its own 4-bit models; PEFT + Transformers leave it to the candidate (or TRL).
    const base = fourBit[0];
    if (!base || !productCallsTo(facts, PEFT_ADAPTERS).length) return;
    if (productCallsTo(facts, ['peft.prepare_model_for_kbit_training', 'peft.prepare_model_for_int8_training']).length) return;
    if (productCallsTo(facts, PREPARING_TRAINERS).some((call) => call.kwargs.peft_config)) return;
    yield { kind: 'concern', messageId: 'unprepared', evidence: [base.evidence], data: { at: at(base.evidence) } };
  },
});
