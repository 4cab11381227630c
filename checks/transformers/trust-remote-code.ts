import { defineCheck } from '../../src/engine/define-check.js';
import { argument, isTestPath } from '../../src/facts/query.js';

export default defineCheck({
  id: 'transformers/trust-remote-code',
  docs: 'Reports every `trust_remote_code=True` (in code or a training config): loading that model runs Python code downloaded from its Hub repository.',
  messages: {
    inCode: '`{{call}}` sets `trust_remote_code=True` for `{{model}}` ({{revision}}): loading it runs Python code from the model\'s Hub repository',
    inConfig: '`{{key}}: true` in `{{path}}`: loading the model runs Python code from its Hub repository',
  },
  questions: {
    inCode: '{{at}} sets `trust_remote_code=True` for `{{model}}` — why was it needed, did you read the code it runs, and how would you pin it?',
    inConfig: '{{at}} enables `trust_remote_code` — why was it needed, and what would you check before running it on a shared GPU box?',
  },
  *run({ facts }) {
    for (const m of facts.python) {
      if (isTestPath(m.path)) continue;
      for (const call of m.calls) {
        if (call.kwargs['trust_remote_code']?.literal !== true) continue;
        const id = argument(call, 'pretrained_model_name_or_path', 0) ?? argument(call, 'model') ?? argument(call, 'model_name');
        const model = typeof id?.literal === 'string' ? id.literal : (id?.text ?? 'the model');
        const revision = argument(call, 'revision');
        yield {
          kind: 'concern',
          messageId: 'inCode',
          evidence: [call.evidence],
          data: { call: `${call.raw}(…)`, model, revision: revision ? `revision=${revision.text}` : 'revision not pinned', at: `${call.evidence.path}:${call.evidence.line}` },
        };
      }
    }
    for (const doc of facts.configs) {
      for (const leaf of doc.leaves) {
        const key = leaf.key[leaf.key.length - 1];
        if (String(key).toLowerCase() !== 'trust_remote_code' || (leaf.value !== true && leaf.value !== 'true' && leaf.value !== 'True')) continue;
        yield { kind: 'concern', messageId: 'inConfig', evidence: [leaf.evidence], data: { key: String(key), path: doc.path, at: `${leaf.evidence.path}:${leaf.evidence.line}` } };
      }
    }
  },
});
