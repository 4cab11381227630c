import { defineCheck } from '../../src/engine/define-check.js';
import { plainCallee } from '../../src/facts/query.js';
import { at, pythonEndpoints, pythonModelCall } from '../../src/facts/queries/serving.js';
import { callsInFunction } from '../../src/facts/queries/ops.js';
import type { PyCall, PyModule } from '../../src/facts/types.js';

/** Synchronous I/O that blocks an event loop: HTTP clients, sleeps, encoders. */
const BLOCKING_IO = /^(requests\.\w+|httpx\.(get|post|put|patch|delete|request|stream)|httpx\.Client\(\)\.\w+|urllib\.request\.urlopen|time\.sleep|sentence_transformers\.SentenceTransformer\(\)\.encode)$/;

function isBlocking(call: PyCall, module: PyModule): boolean {
  if (call.awaited || /Async/.test(call.callee)) return false;
  const plain = plainCallee(call.callee);
  if (BLOCKING_IO.test(plain) && !/^requests\.(exceptions|codes)\b/.test(plain)) return true;
  return pythonModelCall(call, module) !== null && !/^a(invoke|stream|complete|query|chat|generate)/.test(call.name);
}

export default defineCheck({
  id: 'serving/blocking-call-in-async-handler',
  docs: 'Reports `async def` route handlers that make a blocking HTTP or model call without `await`, which stalls the event loop for every other request.',
  messages: {
    blocking: '`async def {{handler}}` (`{{method}} {{path}}`) calls `{{call}}` without `await`: the blocking call stalls the event loop, so other requests wait for it',
  },
  questions: {
    blocking: '`{{at}}` runs `{{call}}` inside an `async def` handler. What happens to the other requests while it runs, and how would you change it (an async client, a plain `def` handler, a thread pool)?',
  },
  *run({ facts }) {
    const seen = new Set<object>();
    for (const { method, path, handler } of pythonEndpoints(facts)) {
      if (!handler?.fn.isAsync || seen.has(handler.fn)) continue;
      seen.add(handler.fn);
      const blocking = callsInFunction(handler.fn, handler.module).filter((c) => isBlocking(c, handler.module));
      const [first, ...rest] = blocking;
      if (!first) continue;
      yield {
        kind: 'concern',
        messageId: 'blocking',
        evidence: [first.evidence, ...rest.map((c) => c.evidence)],
        data: { handler: handler.fn.name, method, path, call: first.raw, at: at(first.evidence) },
      };
    }
  },
});
