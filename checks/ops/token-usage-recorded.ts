import { defineCheck } from '../../src/engine/define-check.js';
import { isTestPath, plainCallee } from '../../src/facts/query.js';
import { at, callsInFunction, distinctEvidence } from '../../src/facts/queries/ops.js';
import { pythonEndpoints, pythonModelCall } from '../../src/facts/queries/serving.js';
import type { PyCall } from '../../src/facts/types.js';
import type { Evidence } from '../../src/types.js';

/** Token counts read from a model's response: OpenAI/Anthropic `usage`, LangChain `usage_metadata`, Ollama `eval_count`, TGI `generated_tokens`. */
const USAGE = /\.usage\b|\busage_metadata\b|\btoken_usage\b|\.(prompt|completion|total|input|output)_tokens\b|\[\s*["'](prompt|completion|total|input|output)_tokens["']\s*\]|["'](prompt_)?eval_count["']|\.(prompt_)?eval_count\b|\bgenerated_tokens\b|\.total_tokens\b/;
const COST = /\btotal_cost\b|\bcompletion_cost\b|\bcost_per_token\b|\bresponse_cost\b/;
/** Whether `text` holds what every match of USAGE or COST holds: most code of a repository does not, and is not put to the regexes. */
const mayMention = (text: string) => text.includes('usage') || text.includes('_tokens') || text.includes('eval_count') || text.includes('cost');
const COST_CALL = /^(litellm\.(completion_cost|cost_per_token)|langchain_community\.callbacks\.(get_openai_callback|openai_info\.get_openai_callback)|langchain\.callbacks\.get_openai_callback|langchain_core\.callbacks\.get_usage_metadata_callback)$/;
const COST_NAME = /(^|_)(cost|spend|price)(_|$)/i;
const LOG_CALL = /(^|\.)(info|debug|warning|warn|error|log|exception|msg|bind)$|^(print|logging\.\w+|structlog\.\w+)$/;
/** A metric update: `.inc()`/`.observe()`/`.record()`, or any method of a Prometheus, OpenTelemetry or StatsD client. */
const METRIC_CALL = /\.(inc|observe|record)$|^(prometheus_client|opentelemetry|statsd|datadog)\./;

interface Use {
  evidence: Evidence;
  how: 'logged' | 'exported as a metric' | 'returned with the answer' | 'read';
  cost: boolean;
}

export default defineCheck({
  id: 'ops/token-usage-recorded',
  docs: 'Reports code that reads token counts or cost from model responses (and whether it logs them, exports them as metrics or returns them), and served endpoints calling a hosted model where no token usage is read anywhere.',
  messages: {
    recorded: 'Token usage is {{how}} ({{at}})',
    costComputed: 'The cost of model calls is computed ({{at}})',
    notRecorded: '`{{method}} {{path}}` calls a hosted model and nothing in the code reads the tokens it used',
  },
  questions: {
    recorded: 'You record token usage at `{{at}}` — what does one request cost on average, and which part of the prompt dominates it?',
    notRecorded: 'What does one request to `{{method}} {{path}}` cost, and how would you notice if a prompt change doubled it?',
  },
  *run({ facts }) {
    const uses: Use[] = [];
    for (const module of facts.python) {
      if (isTestPath(module.path)) continue;
      // A dict of usage handed to a call (`extra={"tokens": …}`) is that call's use, not a response.
      const callLines = new Set<number>();
      for (const call of module.calls) {
        const plain = plainCallee(call.callee);
        if (COST_CALL.test(plain)) {
          uses.push({ evidence: call.evidence, how: 'read', cost: true });
          continue;
        }
        const text = argumentsText(call);
        if (text === null || (!USAGE.test(text) && !COST.test(text))) continue;
        const how = LOG_CALL.test(plain) ? 'logged' : METRIC_CALL.test(plain) ? 'exported as a metric' : 'read';
        uses.push({ evidence: call.evidence, how, cost: COST.test(text) });
        callLines.add(call.evidence.line);
      }
      for (const pair of module.pairs) {
        if (callLines.has(pair.evidence.line) || !mayMention(pair.value.text) || !(USAGE.test(pair.value.text) || COST.test(pair.value.text))) continue;
        uses.push({ evidence: pair.evidence, how: 'returned with the answer', cost: COST.test(pair.value.text) });
      }
      for (const assignment of module.assignments) {
        if (callLines.has(assignment.evidence.line) || !mayMention(assignment.value.text)) continue;
        const usage = USAGE.test(assignment.value.text);
        // `cost = usage.prompt_tokens / 1000 * PRICE[...]`: a price applied to the token counts.
        const cost = COST.test(assignment.value.text) || (usage && COST_NAME.test(assignment.target));
        if (usage || cost) uses.push({ evidence: assignment.evidence, how: 'read', cost });
      }
    }
    for (const module of facts.scripts) {
      if (isTestPath(module.path)) continue;
      for (const call of module.calls) {
        const text = call.args.map((a) => a.text).join(' ');
        if (/\.usage\b|usage_metadata|\b(promptTokens|completionTokens|totalTokens|inputTokens|outputTokens)\b|\.(prompt|completion|total)_tokens\b/.test(text)) {
          uses.push({ evidence: call.evidence, how: LOG_CALL.test(plainCallee(call.callee)) ? 'logged' : 'read', cost: false });
        }
      }
    }
    uses.sort((a, b) => (a.evidence.path < b.evidence.path ? -1 : a.evidence.path > b.evidence.path ? 1 : a.evidence.line - b.evidence.line));
    const [first, ...rest] = uses;
    if (first) {
      // The most telling use first: a metric, then a log line, then the response, then a plain read.
      const order = ['exported as a metric', 'logged', 'returned with the answer', 'read'];
      const hows = order.filter((how) => uses.some((u) => u.how === how && how !== 'read'));
      const best = uses.find((u) => u.how === hows[0]) ?? first;
      const evidence = distinctEvidence(best.evidence, [first, ...rest].map((u) => u.evidence), 4);
      yield { kind: 'strength', messageId: 'recorded', evidence, data: { how: hows.length ? hows.join(' and ') : 'read from the model\'s response', at: at(best.evidence) } };
      const cost = uses.find((u) => u.cost);
      if (cost) yield { kind: 'strength', messageId: 'costComputed', evidence: [cost.evidence], data: { at: at(cost.evidence) } };
      return;
    }
    const seen = new Set<object>();
    for (const { method, path, handler } of pythonEndpoints(facts)) {
      if (!handler || seen.has(handler.fn)) continue;
      seen.add(handler.fn);
      const model = callsInFunction(handler.fn, handler.module).map((c) => pythonModelCall(c, handler.module)).find((m) => m?.hosted);
      if (model) yield { kind: 'info', messageId: 'notRecorded', evidence: [model.evidence], data: { method, path, at: at(model.evidence) } };
    }
  },
});

/** A call's arguments as one text, or null when none of them could mention token usage or cost. */
function argumentsText(call: PyCall): string | null {
  let hinted = call.args.some((v) => mayMention(v.text));
  for (const key in call.kwargs) hinted ||= mayMention(call.kwargs[key]!.text);
  return hinted ? [...call.args, ...Object.values(call.kwargs)].map((v) => v.text).join(' ') : null;
}
