import { defineCheck } from '../../src/engine/define-check.js';
import { at, productCallsTo, shown, trainingConfigs } from '../../src/facts/queries/fine-tuning.js';
import { pythonCalls } from '../../src/facts/query.js';

const UNSLOTH_PEFT = ['unsloth.FastLanguageModel.get_peft_model', 'unsloth.FastVisionModel.get_peft_model', 'unsloth.FastModel.get_peft_model'];
const OTHER_METHODS: Record<string, string> = { 'prefix-tuning': 'prefix tuning', 'prompt-tuning': 'prompt tuning', ia3: 'IA³' };

export default defineCheck({
  id: 'fine-tuning/peft-configuration',
  docs: 'Reports the parameter-efficient fine-tuning method and its configuration: LoRA rank, alpha, dropout and target modules (PEFT, Unsloth or a training config), other PEFT methods, or full fine-tuning.',
  messages: {
    lora: 'LoRA adapter ({{via}}): r={{r}}, lora_alpha={{alpha}}, lora_dropout={{dropout}}, target_modules={{targets}}',
    defaultTargets: '`LoraConfig` leaves `target_modules` to PEFT\'s per-architecture default (for most decoder models only the attention query and value projections)',
    method: 'PEFT method: {{method}}',
    full: 'Full fine-tuning: {{trainer}} updates every weight, with no PEFT adapter',
  },
  questions: {
    defaultTargets: '`{{at}}` leaves `target_modules` to the library default. Which layers did your LoRA adapters attach to, and would adding the MLP projections have changed the result?',
    full: '`{{at}}` fine-tunes all weights of the model. Why full fine-tuning rather than LoRA here, and how much GPU memory did it need?',
  },
  *run({ facts, stack }) {
    for (const call of productCallsTo(facts, ['peft.LoraConfig'])) {
      const value = (name: string, fallback: string) => (call.kwargs[name] ? shown(call.kwargs[name]) : fallback);
      yield {
        kind: 'info', messageId: 'lora', evidence: [call.evidence],
        data: { via: 'PEFT `LoraConfig`', r: value('r', '8 (default)'), alpha: value('lora_alpha', '8 (default)'), dropout: value('lora_dropout', '0 (default)'), targets: value('target_modules', 'library default') },
      };
      if (!call.kwargs.target_modules) yield { kind: 'info', messageId: 'defaultTargets', evidence: [call.evidence], data: { at: at(call.evidence) } };
    }
    for (const call of productCallsTo(facts, UNSLOTH_PEFT)) {
      const value = (name: string, fallback: string) => (call.kwargs[name] ? shown(call.kwargs[name]) : fallback);
      yield {
        kind: 'info', messageId: 'lora', evidence: [call.evidence],
        data: { via: 'Unsloth `get_peft_model`', r: value('r', '16 (default)'), alpha: value('lora_alpha', '16 (default)'), dropout: value('lora_dropout', '0 (default)'), targets: value('target_modules', 'all attention and MLP projections (Unsloth default)') },
      };
    }
    // LoRA set in a training config (Axolotl, LLaMA-Factory): `stack.lora` reads it when no call does.
    const lora = stack.lora;
    const [first, ...rest] = lora?.evidence ?? [];
    if (lora && first && !/\.(py|ipynb)$/.test(first.path)) {
      const config = trainingConfigs(facts).find((c) => c.document.path === first.path);
      const allLinear = config?.value('lora_target_linear')?.value === true;
      const targets = Array.isArray(lora.targetModules) ? lora.targetModules.join(', ') : lora.targetModules ?? (allLinear ? 'all linear layers (lora_target_linear)' : 'not set');
      yield {
        kind: 'info', messageId: 'lora', evidence: [first, ...rest],
        data: { via: `\`${first.path}\``, r: String(lora.r ?? 'not set'), alpha: String(lora.alpha ?? 'not set'), dropout: String(lora.dropout ?? 'not set'), targets },
      };
    }
    for (const item of stack.fineTuning) {
      const [evidence, ...more] = item.evidence;
      if (!evidence || item.declaredOnly) continue;
      if (OTHER_METHODS[item.id]) yield { kind: 'info', messageId: 'method', evidence: [evidence, ...more], data: { method: OTHER_METHODS[item.id]! } };
      if (item.id === 'full') {
        const trainer = pythonCalls(facts).find((c) => c.evidence.path === evidence.path && c.evidence.line === evidence.line);
        yield { kind: 'info', messageId: 'full', evidence: [evidence], data: { trainer: trainer ? `\`${trainer.raw}\`` : 'the trainer', at: at(evidence) } };
      }
    }
  },
});
