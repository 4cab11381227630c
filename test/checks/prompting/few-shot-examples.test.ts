import { describe, expect, it } from 'vitest';
import check from '../../../checks/prompting/few-shot-examples.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const EXAMPLES_YAML = 'examples:\n  - question: How do I reset my password?\n    answer: Open Settings > Security.\n  - question: Write me a poem\n    answer: I cannot answer that.\n';
const TURNS = [
  'def build(question, examples):',
  '    messages = [{"role": "system", "content": "Answer briefly."}]',
  '    for example in examples:',
  '        messages.append({"role": "user", "content": example["question"]})',
  '        messages.append({"role": "assistant", "content": example["answer"]})',
  '    messages.append({"role": "user", "content": question})',
  '    return messages',
  '',
].join('\n');

describe('prompting/few-shot-examples', () => {
  it.each<CheckRow>([
    { name: 'an examples file of question/answer pairs', files: { 'prompts/few_shot.yaml': EXAMPLES_YAML }, expected: [{ kind: 'strength', messageId: 'exampleFile', at: 'prompts/few_shot.yaml:1' }] },
    { name: 'examples sent as user/assistant turns', files: { 'prompting.py': TURNS }, expected: [{ kind: 'strength', messageId: 'exampleTurns', at: 'prompting.py:5' }] },
    {
      name: 'a LangChain few-shot template with a semantic example selector',
      files: { 'chain.py': 'from langchain_core.prompts import FewShotPromptTemplate\nfrom langchain_core.example_selectors import SemanticSimilarityExampleSelector\nselector = SemanticSimilarityExampleSelector.from_examples([], None, None, k=2)\nprompt = FewShotPromptTemplate(example_selector=selector, example_prompt=None, suffix="{input}", input_variables=["input"])\n' },
      expected: [{ kind: 'strength', messageId: 'fewShotTemplate', at: 'chain.py:4' }],
    },
    {
      name: 'worked examples inside a prompt string',
      files: { 'prompt.py': 'PROMPT = """You are a support bot. Answer in one sentence.\nQ: How do I log in?\nA: Use your email.\nQ: Where are invoices?\nA: In Billing.\nQ: {question}\nA:"""\n' },
      expected: [{ kind: 'strength', messageId: 'inlineExamples', at: 'prompt.py:1' }],
    },
    {
      name: 'a retry turn that replays the model\'s own answer, and a zero-shot prompt',
      files: { 'answer.py': 'def retry(messages, raw):\n    return messages + [{"role": "assistant", "content": raw}]\n\nPROMPT = "You are a support bot. Answer the question: {question}"\n' },
      expected: [],
    },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('counts the examples of a file and says whether a selector picks them', async () => {
    const [file] = await findingsOf(check, { 'prompts/few_shot.yaml': EXAMPLES_YAML });
    expect(file!.message).toBe('`prompts/few_shot.yaml` holds 2 worked examples (input and expected answer) for the prompt');
    const [template] = await findingsOf(check, { 'chain.py': 'from langchain_core.prompts import FewShotPromptTemplate\nprompt = FewShotPromptTemplate(examples=[], example_prompt=None, suffix="{input}", input_variables=["input"])\n' });
    expect(template!.message).toBe('Few-shot examples go through `FewShotPromptTemplate(…)` with a fixed list of examples');
  });
});
