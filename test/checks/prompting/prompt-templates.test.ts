import { describe, expect, it } from 'vitest';
import check from '../../../checks/prompting/prompt-templates.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const LOADER = 'from pathlib import Path\nfrom jinja2 import Environment, FileSystemLoader\n_env = Environment(loader=FileSystemLoader(Path("prompts")))\n\ndef system_prompt() -> str:\n    return _env.get_template("system.j2").render()\n';
const SYSTEM = '\nYou are the support assistant of {{ product }}.\nAnswer only from the documents.\n';

describe('prompting/prompt-templates', () => {
  it.each<CheckRow>([
    {
      name: 'a Jinja2 prompt file loaded by the code',
      files: { 'app/prompting.py': LOADER, 'prompts/system.j2': SYSTEM },
      expected: [
        { kind: 'strength', messageId: 'promptFiles', at: 'prompts/system.j2:2' },
        { kind: 'strength', messageId: 'templateObjects', at: 'app/prompting.py:6' },
      ],
    },
    {
      name: 'a LangChain chat prompt template',
      files: { 'chain.py': 'from langchain_core.prompts import ChatPromptTemplate\nprompt = ChatPromptTemplate.from_messages([("system", "Answer from {context}"), ("human", "{question}")])\n' },
      expected: [{ kind: 'strength', messageId: 'templateObjects', at: 'chain.py:2' }],
    },
    {
      name: 'a prompt pulled from the LangChain hub',
      files: { 'chain.py': 'from langchain import hub\nprompt = hub.pull("rlm/rag-prompt")\n' },
      expected: [{ kind: 'strength', messageId: 'promptRegistry', at: 'chain.py:2' }],
    },
    {
      name: 'one inline f-string prompt',
      files: { 'ask.py': 'def ask(question):\n    prompt = f"You are a helpful agent. Answer the question: {question}"\n    return prompt\n' },
      expected: [{ kind: 'info', messageId: 'inlinePrompt', at: 'ask.py:2' }],
    },
    {
      name: 'inline f-string prompts scattered over two files',
      files: {
        'rag.py': 'def build(context, question):\n    return f"Use the following context to answer.\\nContext: {context}\\nQuestion: {question}"\n',
        'summarise.py': 'def summarise(text):\n    return f"You are an editor. Summarise: {text}"\n',
      },
      expected: [{ kind: 'concern', messageId: 'scatteredPrompts', at: 'rag.py:2' }],
    },
    {
      name: 'a prompts folder nobody loads, and f-strings that are no prompt',
      files: { 'prompts/old.txt': 'You are a bot.\n', 'log.py': 'def line(n, answer):\n    print(f"Answer: {answer}")\n    return f"processed {n} files"\n' },
      expected: [],
    },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('counts and locates scattered prompts', async () => {
    const [finding] = await findingsOf(check, {
      'rag.py': 'def build(context, question):\n    return f"Use the following context to answer.\\nContext: {context}\\nQuestion: {question}"\n',
      'summarise.py': 'def summarise(text):\n    return f"You are an editor. Summarise: {text}"\n',
    });
    expect(finding!.message).toBe('2 prompts are f-strings written inline in 2 files (`rag.py`, `summarise.py`)');
  });
});
