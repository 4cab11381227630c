import { defineCheck } from '../../src/engine/define-check.js';
import { at } from '../../src/facts/evidence.js';
import { argument } from '../../src/facts/query.js';
import { loadedUse, loaderCalls } from '../../src/facts/queries/transformers.js';

const PLACEMENT_KWARGS = ['torch_dtype', 'dtype', 'device_map', 'device', 'quantization_config', 'load_in_4bit', 'load_in_8bit'];
const GENERATIVE = /CausalLM|Seq2SeqLM|ForConditionalGeneration/;
const GENERATIVE_TASKS = /^(text-generation|text2text-generation|summarization|translation.*|question-answering)$/;

export default defineCheck({
  id: 'transformers/dtype-and-device',
  docs: 'Reports the dtype, device placement and quantisation chosen when loading transformers models (`torch_dtype`, `device_map`, `.to("cuda")`), and generative models loaded with library defaults.',
  messages: {
    placed: '`{{loader}}` loads `{{model}}` with {{settings}}',
    moved: '`{{call}}` places the loaded model on `{{target}}`',
    defaults: '`{{loader}}` loads `{{model}}` with no dtype or device settings: full-precision weights on the CPU unless moved elsewhere',
  },
  questions: {
    defaults: '{{at}} loads `{{model}}` with default dtype and device — how long did one answer take on your machine, and what would you change to serve it on a GPU?',
  },
  *run({ facts }) {
    const moved = new Set<string>();
    for (const m of facts.python) {
      // A Trainer or accelerate places the model itself: the module's loads are not "defaults on the CPU".
      if (m.calls.some((c) => /Trainer$|^prepare$/.test(c.name))) moved.add(`${m.path}\0*`);
      for (const call of m.calls) {
        const use = loadedUse(call.callee);
        if (!use || use.kind !== 'model' || !['to', 'cuda', 'half', 'bfloat16'].includes(use.method ?? '')) continue;
        moved.add(`${m.path}\0${use.loader}`);
        const first = call.args[0] ?? Object.values(call.kwargs)[0];
        const target = use.method === 'to' ? (typeof first?.literal === 'string' ? first.literal : (first?.text ?? 'unknown')) : use.method === 'cuda' ? 'cuda' : `torch.${use.method === 'half' ? 'float16' : 'bfloat16'}`;
        const receiver = call.raw.slice(0, call.raw.lastIndexOf('.'));
        const shown = `${receiver.includes('(') ? '' : receiver}.${use.method}(${call.args.map((a) => a.text).join(', ')})`;
        yield { kind: 'info', messageId: 'moved', evidence: [call.evidence], data: { call: shown, target } };
      }
    }
    for (const l of loaderCalls(facts)) {
      if (l.kind === 'tokenizer') continue;
      const settings = PLACEMENT_KWARGS.flatMap((k) => {
        const v = argument(l.call, k);
        return v ? [`${k}=${v.text}`] : [];
      });
      if (settings.length) {
        const fullPrecisionOnly = settings.every((s) => /float32|device=-1|device="cpu"|device='cpu'/.test(s));
        yield { kind: fullPrecisionOnly ? 'info' : 'strength', messageId: 'placed', evidence: [l.call.evidence], data: { loader: l.label, model: l.model, settings: settings.join(', ') } };
        continue;
      }
      const generative = l.kind === 'pipeline' ? GENERATIVE_TASKS.test(l.task ?? '') : GENERATIVE.test(l.label);
      const movedLater = moved.has(`${l.call.evidence.path}\0${l.call.callee}`) || moved.has(`${l.call.evidence.path}\0*`);
      if (generative && !movedLater) {
        yield { kind: 'info', messageId: 'defaults', evidence: [l.call.evidence], data: { loader: l.label, model: l.model, at: at(l.call.evidence) } };
      }
    }
  },
});
