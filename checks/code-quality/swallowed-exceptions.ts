import { defineCheck } from '../../src/engine/define-check.js';
import { at } from '../../src/facts/queries/code-quality.js';
import { isTestPath } from '../../src/facts/query.js';

const MAX_FINDINGS = 8;
/** Handlers that are ignored on purpose: optional imports, Ctrl-C. */
const DELIBERATE = /^\(?\s*(ImportError|ModuleNotFoundError|KeyboardInterrupt)\b(\s+as\s+\w+)?\s*\)?$/;

export default defineCheck({
  id: 'code-quality/swallowed-exceptions',
  docs: 'Reports bare `except:` clauses and handlers that silently discard the error (`pass`, `...`, `continue`).',
  messages: {
    bareSwallowed: 'A bare `except:` in {{where}} silently discards every error, including `KeyboardInterrupt`',
    bare: 'A bare `except:` in {{where}} catches every exception, including `KeyboardInterrupt` and `SystemExit`',
    swallowed: '`except {{types}}` in {{where}} silently discards the error',
  },
  questions: {
    bareSwallowed: '`{{at}}` catches everything and does nothing. What failure were you guarding against, and how would you find out it happened?',
    swallowed: '`{{at}}` discards `{{types}}` without a trace. If this fails in production, how would you notice?',
  },
  *run({ facts }) {
    let count = 0;
    for (const module of facts.python) {
      if (isTestPath(module.path)) continue;
      for (const handler of module.excepts) {
        if (!handler.bare && (!handler.swallowed || DELIBERATE.test(handler.types))) continue;
        if (count++ >= MAX_FINDINGS) return;
        const where = handler.scope ? `\`${handler.scope}\`` : `\`${module.path}\``;
        const messageId = handler.bare ? (handler.swallowed ? 'bareSwallowed' : 'bare') : 'swallowed';
        yield { kind: 'concern', messageId, evidence: [handler.evidence], data: { where, types: handler.types, at: at(handler.evidence) } };
      }
    }
  },
});
