import { defineCheck } from '../../src/engine/define-check.js';
import { at } from '../../src/facts/evidence.js';

export default defineCheck({
  id: 'security/committed-secret',
  docs: 'Reports each credential committed to the repository (API keys, tokens, private keys), with the value redacted.',
  messages: {
    committed: 'A {{kind}} is committed in `{{path}}`; it should be revoked and read from the environment instead',
  },
  questions: {
    committed: 'A {{kind}} is committed at `{{at}}`. How do you keep credentials out of a repository, and what would you do now that this one is public?',
  },
  *run({ facts }) {
    for (const hit of facts.secrets) {
      yield { kind: 'concern', messageId: 'committed', evidence: [hit.evidence], data: { kind: hit.kind, path: hit.evidence.path, at: at(hit.evidence) } };
    }
  },
});
