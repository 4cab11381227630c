import { defineCheck } from '../../src/engine/define-check.js';
import { at, literalText, productCallsTo, trainerCalls, trainingConfigs } from '../../src/facts/queries/fine-tuning.js';

const UNSLOTH_LOADERS = ['unsloth.FastLanguageModel.from_pretrained', 'unsloth.FastVisionModel.from_pretrained', 'unsloth.FastModel.from_pretrained'];

export default defineCheck({
  id: 'fine-tuning/training-framework',
  docs: 'Reports what runs the fine-tuning: TRL trainers (SFT, DPO and other preference or RL trainers), the Transformers Trainer, Unsloth, or an Axolotl / LLaMA-Factory style training config.',
  messages: {
    sft: 'Supervised fine-tuning with {{trainer}}',
    preference: 'Preference tuning with {{trainer}}',
    rl: 'Reinforcement learning from a reward with {{trainer}}',
    reward: 'Trains a reward model with {{trainer}}',
    trainer: 'Trains with {{trainer}}',
    unsloth: 'Loads {{model}} through Unsloth `FastLanguageModel` (patched kernels for faster, lighter LoRA training)',
    config: '{{style}} training config `{{path}}`: base_model={{model}}{{details}}',
  },
  questions: {
    sft: 'How is each training example at `{{at}}` turned into a prompt (chat template, instruction format), and is the loss computed on the prompt tokens or only on the answers?',
    preference: '`{{at}}` trains on preference pairs. Where did the chosen and rejected answers come from, and what does `beta` control?',
    config: 'Walk me through `{{path}}`: which values did you change from the example config, and why?',
  },
  *run({ facts }) {
    for (const { call, label, family } of trainerCalls(facts)) {
      const messageId = family === 'generic' ? 'trainer' : family;
      yield { kind: 'info', messageId, evidence: [call.evidence], data: { trainer: label, at: at(call.evidence) } };
    }
    for (const call of productCallsTo(facts, UNSLOTH_LOADERS)) {
      const name = call.kwargs.model_name ?? call.args[0];
      yield { kind: 'info', messageId: 'unsloth', evidence: [call.evidence], data: { model: name ? `\`${typeof name.literal === 'string' ? name.literal : name.text}\`` : 'a model' } };
    }
    for (const config of trainingConfigs(facts)) {
      const value = (key: string) => config.value(key)?.value;
      const model = value('base_model') ?? value('model_name_or_path');
      const details = (['adapter', 'finetuning_type', 'stage', 'rl'] as const).flatMap((key) => {
        const v = value(key);
        return v === undefined || v === null ? [] : [`, ${key}=${literalText(v)}`];
      });
      yield {
        kind: 'info', messageId: 'config', evidence: [config.evidence],
        data: { style: config.style, path: config.document.path, model: model === undefined ? 'not set' : literalText(model), details: details.join('') },
      };
    }
  },
});
