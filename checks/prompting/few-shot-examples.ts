import { defineCheck } from '../../src/engine/define-check.js';
import { isTestPath, plainCallee } from '../../src/facts/query.js';
import { isMap } from '../../src/facts/queries/docker.js';
import { at, promptTexts } from '../../src/facts/queries/prompting.js';
import type { Evidence } from '../../src/types.js';

const FEW_SHOT_TEMPLATE = /^(langchain\w*|@langchain\/core\/prompts)(\.\w+)*\.(FewShotPromptTemplate|FewShotChatMessagePromptTemplate|FewShotPromptWithTemplates)$/;
const EXAMPLE_SELECTOR = /(SemanticSimilarityExampleSelector|MaxMarginalRelevanceExampleSelector|LengthBasedExampleSelector|NGramOverlapExampleSelector)$/;
const OPTIMISER = /^dspy(\.\w+)*\.(BootstrapFewShot|BootstrapFewShotWithRandomSearch|LabeledFewShot|MIPROv2|KNNFewShot)$/;
/** Keys of an example pair in a data file: input and the answer the model should give. */
const INPUT_KEY = /^(question|input|query|user|prompt|q|text|instruction)$/i;
const OUTPUT_KEY = /^(answer|output|response|assistant|completion|a|label|target|expected)$/i;
/** Labels of the two sides of a worked example, one per line: `Q:`/`A:`, `Input:`/`Output:`, `User:`/`Assistant:`. */
const EXAMPLE_LABELS: readonly [RegExp, RegExp][] = [
  [/^\s*(Q|Question) ?:/i, /^\s*(A|Answer) ?:/i],
  [/^\s*Input ?:/i, /^\s*Output ?:/i],
  [/^\s*(User|Customer|Human) ?:/i, /^\s*(Assistant|Agent|AI|Bot) ?:/i],
];

/** Two or more worked examples inside a prompt: `Example 1: … Example 2:`, or two labelled question/answer pairs. */
function hasWorkedExamples(text: string): boolean {
  const sample = text.slice(0, 20_000);
  if ((sample.match(/\bexample[ \t]{0,3}#?[ \t]{0,3}\d+[ \t]{0,3}[:.)]/gi) ?? []).length >= 2) return true;
  // Code strings keep `\n` escapes as written: split on both.
  const lines = sample.split(/\n|\\n/);
  return EXAMPLE_LABELS.some(([input, output]) => lines.filter((l) => input.test(l)).length >= 2 && lines.filter((l) => output.test(l)).length >= 2);
}

export default defineCheck({
  id: 'prompting/few-shot-examples',
  docs: 'Reports few-shot examples given to the model: LangChain few-shot templates (with an example selector or fixed), example files of input/answer pairs, worked examples as user/assistant turns or inside a prompt, and DSPy few-shot optimisers.',
  messages: {
    fewShotTemplate: 'Few-shot examples go through `{{call}}`{{selector}}',
    exampleFile: '`{{path}}` holds {{count}} worked examples (input and expected answer) for the prompt',
    exampleTurns: 'Worked examples are sent as user/assistant turns before the real question ({{at}})',
    inlineExamples: 'The prompt at {{at}} contains worked examples',
    optimised: 'Few-shot demonstrations are selected by DSPy (`{{call}}`)',
  },
  questions: {
    exampleFile: 'How did you pick the examples in `{{path}}`, and did you measure answers with and without them?',
    exampleTurns: 'How did you choose the few-shot examples at `{{at}}`, and what do they cost in tokens on every request?',
    inlineExamples: 'How did you choose the examples in the prompt at `{{at}}`, and did you measure answers with and without them?',
  },
  *run({ facts }) {
    for (const module of facts.python) {
      if (isTestPath(module.path)) continue;
      const selectorInModule = module.calls.some((c) => EXAMPLE_SELECTOR.test(plainCallee(c.callee)));
      for (const call of module.calls) {
        const plain = plainCallee(call.callee);
        if (FEW_SHOT_TEMPLATE.test(plain)) {
          const selector = call.kwargs['example_selector'];
          const dynamic = selector || selectorInModule;
          yield { kind: 'strength', messageId: 'fewShotTemplate', evidence: [call.evidence], data: { call: `${call.raw}(…)`, selector: dynamic ? ', with an example selector that picks the closest examples for each question' : ' with a fixed list of examples' } };
        } else if (OPTIMISER.test(plain)) {
          yield { kind: 'strength', messageId: 'optimised', evidence: [call.evidence], data: { call: `${call.raw}(…)` } };
        }
      }
      // `{"role": "assistant", "content": example["answer"]}` — an assistant turn that is not the model's own output.
      const turn = module.pairs.find((pair, i) => {
        if (pair.key !== 'role' || pair.value.literal !== 'assistant') return false;
        const content = [module.pairs[i + 1], module.pairs[i - 1]].find((p) => p?.key === 'content' && Math.abs(p.evidence.line - pair.evidence.line) <= 2);
        if (!content) return false;
        // A literal answer, or one read from an example (`example["answer"]`, `shot.output`).
        return content.value.kind === 'string' || /\b(examples?|shots?|demos?|demonstrations?|sample)\b|\bex\b/i.test(content.value.text);
      });
      if (turn) yield { kind: 'strength', messageId: 'exampleTurns', evidence: [turn.evidence], data: { at: at(turn.evidence) } };
    }
    for (const document of facts.configs) {
      if (isTestPath(document.path) || !isMap(document.data)) continue;
      for (const [key, value] of Object.entries(document.data)) {
        if (!/examples?|shots?|demos?|few_?shot/i.test(key) || !Array.isArray(value)) continue;
        const pairs = value.filter((item) => isMap(item) && Object.keys(item).some((k) => INPUT_KEY.test(k)) && Object.keys(item).some((k) => OUTPUT_KEY.test(k)));
        const evidence: Evidence | undefined = document.evidenceFor([key]);
        if (pairs.length && evidence) yield { kind: 'strength', messageId: 'exampleFile', evidence: [evidence], data: { path: document.path, count: pairs.length } };
      }
    }
    const inline = promptTexts(facts).find((t) => hasWorkedExamples(t.value));
    if (inline) yield { kind: 'strength', messageId: 'inlineExamples', evidence: [inline.evidence], data: { at: at(inline.evidence) } };
  },
});
