import { defineCheck } from '../../src/engine/define-check.js';
import type { CheckReport } from '../../src/engine/types.js';
import { at, literalText, productCallsTo, trainerMethodCalls, trainingConfigs, trainsAModel } from '../../src/facts/queries/fine-tuning.js';
import type { PyCall } from '../../src/facts/types.js';
import type { Evidence } from '../../src/types.js';

const ADAPTER_CALLS = ['peft.get_peft_model', 'peft.LoraConfig', 'unsloth.FastLanguageModel.get_peft_model', 'unsloth.FastModel.get_peft_model'];
const FOUR_BIT = ['transformers.BitsAndBytesConfig', '*.from_pretrained'];
const SAVES = new Set(['save_pretrained', 'save_model', 'save_pretrained_merged']);
const PUSHES = new Set(['push_to_hub', 'push_to_hub_merged', 'push_to_hub_gguf']);

/** A tokenizer or processor saved next to the model is not the model. */
const isTokenizer = (call: PyCall) => /tokeni[sz]er|processor/i.test(call.callee) || /tokeni[sz]er|processor/i.test(call.raw);

type Id = 'saved' | 'merged' | 'mergedFourBit' | 'gguf' | 'pushed' | 'notSaved';

export default defineCheck({
  id: 'fine-tuning/adapter-saving',
  docs: 'Reports how a fine-tuned model or adapter is kept: `save_pretrained` / `save_model`, merging the adapter with `merge_and_unload`, GGUF export, `push_to_hub`, and a training run whose result is never saved.',
  messages: {
    saved: 'Saves the trained {{what}}: `{{how}}`',
    merged: 'Merges the adapter into the base weights (`{{how}}`) for standalone serving',
    mergedFourBit: 'Merges the adapter into the base weights (`{{how}}`) in a run that loaded the base in 4-bit',
    gguf: 'Exports the model to GGUF (`{{how}}`) for llama.cpp or Ollama',
    pushed: 'Publishes the trained model to the Hugging Face Hub (`{{how}}`)',
    notSaved: '`{{how}}` is never followed by `save_model`, `save_pretrained` or `push_to_hub`; the result is kept only if Trainer checkpoints happen to be written',
  },
  questions: {
    mergedFourBit: '`{{at}}` merges the LoRA adapter after training on a 4-bit base. Was the base reloaded in 16-bit before merging, and did you compare outputs before and after the merge?',
    notSaved: 'The training at `{{at}}` never saves its result. How would you load this fine-tuned model to evaluate or serve it?',
  },
  *run({ facts }) {
    const adapters = productCallsTo(facts, ADAPTER_CALLS);
    if (!trainsAModel(facts) && !adapters.length) return;
    const fourBit = productCallsTo(facts, FOUR_BIT).some((call) => call.kwargs.load_in_4bit?.literal === true);
    const found = new Map<Id, Evidence[]>();
    const data = new Map<Id, { how: string; at: string }>();
    const add = (id: Id, call: PyCall) => {
      if (!found.has(id)) {
        found.set(id, []);
        data.set(id, { how: `${call.raw}(…)`, at: at(call.evidence) });
      }
      found.get(id)!.push(call.evidence);
    };
    for (const call of productCallsTo(facts, ['*.save_pretrained', '*.save_model', '*.save_pretrained_merged', '*.save_pretrained_gguf', '*.merge_and_unload', '*.push_to_hub', '*.push_to_hub_merged', '*.push_to_hub_gguf'])) {
      if (isTokenizer(call)) continue;
      if (call.name === 'merge_and_unload') add(fourBit ? 'mergedFourBit' : 'merged', call);
      else if (call.name === 'save_pretrained_gguf' || call.name === 'push_to_hub_gguf') add('gguf', call);
      else if (PUSHES.has(call.name)) add('pushed', call);
      else if (SAVES.has(call.name)) add('saved', call);
      if (call.name === 'save_pretrained_merged' && !found.has('merged')) add('merged', call);
    }
    const what = adapters.length ? 'LoRA adapter' : 'model';
    for (const [id, evidence] of found) {
      const [first, ...rest] = evidence;
      const report: CheckReport<Id> = { kind: 'info', messageId: id, evidence: [first!, ...rest], data: { ...data.get(id)!, what } };
      yield report;
    }
    for (const config of trainingConfigs(facts)) {
      const hub = config.value('hub_model_id');
      if (hub && !found.has('pushed')) yield { kind: 'info', messageId: 'pushed', evidence: [hub.evidence], data: { how: `hub_model_id: ${literalText(hub.value)}` } };
    }
    const train = trainerMethodCalls(facts, 'train')[0];
    if (train && !found.has('saved') && !found.has('pushed') && !found.has('merged') && !found.has('gguf') && !found.has('mergedFourBit')) {
      yield { kind: 'concern', messageId: 'notSaved', evidence: [train.evidence], data: { how: `${train.raw}()`, at: at(train.evidence) } };
    }
  },
});
