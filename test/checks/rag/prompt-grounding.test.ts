import { describe, expect, it } from 'vitest';
import check from '../../../checks/rag/prompt-grounding.js';
import { findingsOf, reportsOf } from '../../helpers/check-tester.js';
import { WEB_APP } from './fixtures.js';

const GROUNDED = `PROMPT = """You are a support assistant. Answer using only the context below.
If the context does not contain the answer, reply exactly: I don't know.

Context:
{context}

Question: {question}
Answer:"""
`;

describe('rag/prompt-grounding', () => {
  it.each<{ name: string; files: Record<string, string>; at: string }>([
    { name: 'a template with both instructions', files: { 'prompt.py': GROUNDED }, at: 'prompt.py:1' },
    {
      name: 'a system message next to a chat template',
      files: { 'chain.py': 'from langchain_core.prompts import ChatPromptTemplate\nprompt = ChatPromptTemplate.from_messages([\n    ("system", "Answer strictly from the provided documents. If they do not cover it, say you cannot answer."),\n    ("human", "Documents:\\n{docs}\\n\\nQuestion: {question}"),\n])\n' },
      at: 'chain.py:4',
    },
    { name: 'a TypeScript template literal', files: { 'src/prompt.ts': 'export const prompt = (context: string, question: string) => `Use only the context below. If it is not in the context, say "I don\'t know".\nContext: ${context}\nQuestion: ${question}`;\n' }, at: 'src/prompt.ts:1' },
  ])('reports $name as a strength', async ({ files, at }) => {
    expect(await reportsOf(check, files)).toEqual([{ kind: 'strength', messageId: 'grounded', at }]);
  });

  it.each<{ name: string; files: Record<string, string>; at: string; missing: RegExp }>([
    { name: 'a template with neither instruction', files: { 'rag.py': 'def build(context, question):\n    return f"Context: {context}\\nQuestion: {question}\\nAnswer:"\n' }, at: 'rag.py:2', missing: /gives no instruction to answer only from the context or to say "I don't know"/ },
    { name: 'a template without a way to abstain', files: { 'rag.py': 'TEMPLATE = "Answer only from the context.\\n{context}\\nQ: {question}"\n' }, at: 'rag.py:1', missing: /never tells the model to say "I don't know"/ },
    {
      name: 'an instruction that lives only in a docstring and a comment',
      files: { 'rag.py': 'def build(context, question):\n    """Answer only from the context; say I don\'t know otherwise."""\n    # answer only from the context, else I don\'t know\n    return f"{context}\\n\\nQuestion: {question}"\n' },
      at: 'rag.py:4',
      missing: /gives no instruction/,
    },
  ])('reports $name as a concern', async ({ files, at, missing }) => {
    const findings = await findingsOf(check, files);
    expect(findings).toEqual([expect.objectContaining({ kind: 'concern', messageId: 'ungrounded', at, message: expect.stringMatching(missing) })]);
    expect(findings[0]!.question).toMatch(new RegExp(`^The prompt at \`${at.replace('.', '\\.')}\``));
  });

  it.each<{ name: string; files: Record<string, string> }>([
    { name: 'a prompt with no retrieved context', files: { 'chat.py': 'PROMPT = "You are a helpful assistant. Question: {question}"\n' } },
    { name: 'a template in the README', files: { 'README.md': 'Prompt: `Answer only from the context. Context: {context} Question: {question}`\n' } },
    { name: 'an ordinary web app', files: WEB_APP },
  ])('stays quiet about $name', async ({ files }) => {
    expect(await reportsOf(check, files)).toEqual([]);
  });
});

describe('rag/prompt-grounding on hostile strings', () => {
  it('reads `Context` and `Question` labels followed by 100 KB of blanks each without backtracking', async () => {
    const template = `Context${' '.repeat(100_000)}x {context}\\nQuestion${'\\n '.repeat(50_000)}x {question}`;
    expect(await reportsOf(check, { 'rag.py': `TEMPLATE = "${template}"\n` })).toEqual([{ kind: 'concern', messageId: 'ungrounded', at: 'rag.py:1' }]);
  });
});
