import { defineCheck } from '../../src/engine/define-check.js';
import { isTestPath } from '../../src/facts/query.js';
import { MODEL_TEXT, at, holdsModelOutput, interpolatedNames, isUserInput } from '../../src/facts/queries/security.js';

const BUILTINS = new Set(['eval', 'exec', 'builtins.eval', 'builtins.exec']);

export default defineCheck({
  id: 'security/eval-or-exec',
  docs: 'Reports Python `eval`/`exec` calls on text that is not a literal, singling out text produced by a language model or sent in a request.',
  messages: {
    onModelOutput: '`{{call}}` runs text produced by a language model as Python code',
    onUserInput: '`{{call}}` runs text from the request as Python code',
    dynamic: '`{{call}}` runs a string built at run time as Python code',
  },
  questions: {
    onModelOutput: '`{{at}}` passes the model\'s output to `{{fn}}` — what stops a prompt-injected answer from running arbitrary code on your server, and what would you use instead (`ast.literal_eval`, `json.loads`, a parser)?',
    onUserInput: '`{{at}}` runs request text with `{{fn}}` — what can a caller do with that endpoint?',
    dynamic: 'Why does `{{at}}` need `{{fn}}`, and could `ast.literal_eval` or `json.loads` do the job?',
  },
  *run({ facts }) {
    for (const module of facts.python) {
      if (isTestPath(module.path)) continue;
      // A function of the submission named `eval` is not the builtin.
      if (module.functions.some((fn) => fn.name === 'eval' || fn.name === 'exec')) continue;
      for (const call of module.calls) {
        if (!BUILTINS.has(call.callee)) continue;
        const code = call.args[0];
        if (!code || code.kind === 'string') continue;
        const fn = call.callee.replace(/^builtins\./, '');
        const names = code.kind === 'name' ? [code.text] : interpolatedNames(code);
        const model = MODEL_TEXT.test(code.text) || names.some((name) => holdsModelOutput(module, name, call.evidence.line, call.scope));
        const user = !model && names.some((name) => isUserInput(module, call.evidence.line, name));
        const text = code.text.length > 50 ? `${code.text.slice(0, 49)}…` : code.text;
        yield {
          kind: 'concern',
          messageId: model ? 'onModelOutput' : user ? 'onUserInput' : 'dynamic',
          evidence: [call.evidence],
          data: { call: `${fn}(${text})`, fn, at: at(call.evidence) },
        };
      }
    }
  },
});
