import { defineCheck } from '../../src/engine/define-check.js';
import { calleeMatches, plainCallee } from '../../src/facts/query.js';
import { at, pythonEndpoints, pythonModelCall } from '../../src/facts/queries/serving.js';
import { callsInFunction } from '../../src/facts/queries/ops.js';
import type { PyCall } from '../../src/facts/types.js';

/** Calls that turn a failure into an HTTP error response. */
const ERROR_RESPONSES = ['fastapi.HTTPException', 'starlette.exceptions.HTTPException', 'flask.abort', 'werkzeug.exceptions.*', '*.HTTPException'];
/** App-wide error handlers: `@app.exception_handler(...)`, `@app.errorhandler(...)`, `app.add_exception_handler(...)`. */
const GLOBAL_HANDLER = /\.(exception_handler|errorhandler|add_exception_handler|register_error_handler)$/;

function isErrorResponse(call: PyCall): boolean {
  if (ERROR_RESPONSES.some((p) => calleeMatches(call.callee, p))) return true;
  const status = call.kwargs['status_code']?.literal ?? call.kwargs['status']?.literal;
  return /Response$/.test(call.name) && typeof status === 'number' && status >= 400;
}

export default defineCheck({
  id: 'serving/model-call-error-handling',
  docs: 'Reports whether route handlers that call a model return an explicit HTTP error when the call fails, or let the failure escape as an unhandled 500.',
  messages: {
    handled: '`{{method}} {{path}}` calls the model and answers failures with an explicit error response (`{{response}}`)',
    globalHandler: 'An app-wide error handler (`{{handler}}`) turns exceptions into HTTP responses',
    unhandled: '`{{method}} {{path}}` calls `{{call}}` with no error response in the handler: a model timeout or outage reaches the client as an unhandled 500',
  },
  questions: {
    unhandled: 'What does a client of `{{method}} {{path}}` get when the model call at `{{at}}` times out or the model server is down? How would you report that to the caller?',
  },
  *run({ facts }) {
    const global = facts.python.flatMap((m) => [
      ...m.calls.filter((c) => GLOBAL_HANDLER.test(plainCallee(c.callee))),
    ])[0];
    if (global) yield { kind: 'strength', messageId: 'globalHandler', evidence: [global.evidence], data: { handler: global.raw } };
    const seen = new Set<object>();
    for (const { method, path, handler } of pythonEndpoints(facts)) {
      if (!handler || seen.has(handler.fn)) continue;
      seen.add(handler.fn);
      const calls = callsInFunction(handler.fn, handler.module);
      const model = calls.find((c) => pythonModelCall(c, handler.module));
      if (!model) continue;
      const response = calls.find(isErrorResponse);
      const errorPair = handler.module.pairs.find(
        (p) => /^(error|detail)$/.test(p.key) && p.evidence.line >= handler.fn.line && p.evidence.line <= handler.fn.endLine,
      );
      if (response) {
        yield { kind: 'strength', messageId: 'handled', evidence: [response.evidence, model.evidence], data: { method, path, response: response.raw } };
      } else if (errorPair) {
        yield { kind: 'strength', messageId: 'handled', evidence: [errorPair.evidence, model.evidence], data: { method, path, response: `"${errorPair.key}": …` } };
      } else if (!global) {
        yield { kind: 'concern', messageId: 'unhandled', evidence: [model.evidence], data: { method, path, call: model.raw, at: at(model.evidence) } };
      }
    }
  },
});
