import { defineCheck } from '../../src/engine/define-check.js';
import { codeStrings, pythonCallsTo, scriptCallsTo } from '../../src/facts/query.js';
import { modelCalls } from '../../src/facts/queries/serving.js';
import type { Evidence } from '../../src/types.js';

/** Responses that stream to the client: chunked responses and server-sent events. */
const STREAMING_RESPONSES = ['*.StreamingResponse', '*.EventSourceResponse', 'flask.stream_with_context', 'ai.streamText', '*.toDataStreamResponse', '*.toTextStreamResponse'];

export default defineCheck({
  id: 'serving/streaming-response',
  docs: 'Reports answers streamed to the client (StreamingResponse, server-sent events) and model output requested as a stream.',
  messages: {
    toClient: 'Streams the answer to the client (`{{how}}`), so users see tokens as they are generated',
    fromModel: 'Requests the model output as a stream (`{{how}}`)',
  },
  *run({ facts }) {
    const client: { how: string; evidence: Evidence }[] = [];
    for (const call of [...pythonCallsTo(facts, STREAMING_RESPONSES), ...scriptCallsTo(facts, STREAMING_RESPONSES)]) client.push({ how: call.raw, evidence: call.evidence });
    for (const { value, evidence } of codeStrings(facts)) if (value === 'text/event-stream') client.push({ how: 'text/event-stream', evidence });
    client.sort((a, b) => a.evidence.path.localeCompare(b.evidence.path) || a.evidence.line - b.evidence.line);
    const [first, ...rest] = client;
    if (first) {
      yield { kind: 'strength', messageId: 'toClient', evidence: [first.evidence, ...rest.map((c) => c.evidence)], data: { how: first.how } };
      return;
    }
    const streamed = modelCalls(facts).find((m) => m.python?.kwargs['stream']?.literal === true || m.script?.args.some((a) => /\bstream:\s*true\b/.test(a.text)) || /\.a?stream$/.test(m.raw));
    if (streamed) {
      const how = streamed.python?.kwargs['stream'] ? `${streamed.raw}(stream=True)` : streamed.script ? `${streamed.raw}({ stream: true })` : streamed.raw;
      yield { kind: 'info', messageId: 'fromModel', evidence: [streamed.evidence], data: { how } };
    }
  },
});
