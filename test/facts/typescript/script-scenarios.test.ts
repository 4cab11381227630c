import { describe, expect, it } from 'vitest';
import { createScriptExtractor } from '../../../src/facts/typescript/create-script-extractor.js';
import { isScriptPath } from '../../../src/facts/typescript/is-script-path.js';
import type { ScriptModule } from '../../../src/facts/types.js';

const extractor = createScriptExtractor();

function extract(text: string, path: string): ScriptModule {
  return extractor.extract({ path, text, bytes: Buffer.byteLength(text) });
}

const calls = (m: ScriptModule) => m.calls.map((c) => ({ callee: c.callee, at: c.evidence.line }));

describe('isScriptPath', () => {
  it.each([
    ['src/rag.ts', true],
    ['src/App.tsx', true],
    ['lib/x.mts', true],
    ['lib/x.cts', true],
    ['server.js', true],
    ['ui/App.jsx', true],
    ['scripts/run.mjs', true],
    ['config.cjs', true],
    ['SRC/UPPER.TS', true],
    ['types/index.d.ts', false],
    ['types/index.d.mts', false],
    ['public/vendor.min.js', false],
    ['public/vendor.min.mjs', false],
    ['rag.py', false],
    ['notes.ts.md', false],
    ['.ts', false],
  ])('%s → %s', (path, expected) => {
    expect(isScriptPath(path)).toBe(expected);
  });
});

describe('a LangChain.js RAG pipeline', () => {
  const text = [
    "import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';",
    "import { MemoryVectorStore } from 'langchain/vectorstores/memory';",
    "import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';",
    "import { ChatPromptTemplate } from '@langchain/core/prompts';",
    '',
    'const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });',
    'export async function buildIndex(texts: string[]) {',
    '  const docs = await splitter.createDocuments(texts);',
    "  const store = await MemoryVectorStore.fromDocuments(docs, new OpenAIEmbeddings({ model: 'text-embedding-3-small' }));",
    '  return store.asRetriever({ k: 4 });',
    '}',
    'const prompt = ChatPromptTemplate.fromTemplate(`Answer from the context only.',
    'Context: {context}',
    'Question: {question}`);',
    "const llm = new ChatOpenAI({ model: 'gpt-4o-mini', temperature: 0 });",
    'export async function answer(retriever: Awaited<ReturnType<typeof buildIndex>>, question: string) {',
    '  const context = (await retriever.invoke(question)).map((d) => d.pageContent).join("\\n\\n");',
    '  return prompt.pipe(llm).invoke({ context, question });',
    '}',
  ].join('\n');
  const m = extract(text, 'src/rag.ts');

  it('resolves every LangChain construct through its import', () => {
    expect(calls(m).filter((c) => c.callee.startsWith('@langchain') || c.callee.startsWith('langchain'))).toEqual([
      { callee: '@langchain/textsplitters.RecursiveCharacterTextSplitter', at: 6 },
      { callee: '@langchain/textsplitters.RecursiveCharacterTextSplitter().createDocuments', at: 8 },
      { callee: 'langchain/vectorstores/memory.MemoryVectorStore.fromDocuments', at: 9 },
      { callee: '@langchain/openai.OpenAIEmbeddings', at: 9 },
      { callee: 'langchain/vectorstores/memory.MemoryVectorStore.fromDocuments().asRetriever', at: 10 },
      { callee: '@langchain/core/prompts.ChatPromptTemplate.fromTemplate', at: 12 },
      { callee: '@langchain/openai.ChatOpenAI', at: 15 },
      { callee: '@langchain/core/prompts.ChatPromptTemplate.fromTemplate().pipe().invoke', at: 18 },
      { callee: '@langchain/core/prompts.ChatPromptTemplate.fromTemplate().pipe', at: 18 },
    ]);
  });

  it('keeps the chunking parameters, model ids and the prompt template', () => {
    const splitter = m.calls.find((c) => c.name === 'RecursiveCharacterTextSplitter');
    expect(splitter?.args[0]?.literal).toEqual({ chunkSize: 1000, chunkOverlap: 200 });
    expect(m.calls.find((c) => c.name === 'ChatOpenAI')?.args[0]?.literal).toEqual({ model: 'gpt-4o-mini', temperature: 0 });
    expect(m.strings.map((s) => s.value)).toContain('Answer from the context only.\nContext: {context}\nQuestion: {question}');
    expect(m.strings.find((s) => s.value === 'text-embedding-3-small')?.evidence.line).toBe(9);
  });

  it('lists the four imported modules', () => {
    expect(m.imports.map((i) => `${i.module}:${i.name}`)).toEqual([
      '@langchain/openai:ChatOpenAI',
      '@langchain/openai:OpenAIEmbeddings',
      'langchain/vectorstores/memory:MemoryVectorStore',
      '@langchain/textsplitters:RecursiveCharacterTextSplitter',
      '@langchain/core/prompts:ChatPromptTemplate',
    ]);
  });
});

describe('an express server in CommonJS', () => {
  const text = [
    "'use strict';",
    "const express = require('express');",
    "const { Ollama } = require('ollama');",
    "const cors = require('cors');",
    '',
    'const app = express();',
    "const ollama = new Ollama({ host: process.env.OLLAMA_HOST || 'http://localhost:11434' });",
    'app.use(cors());',
    'app.use(express.json());',
    '',
    "app.get('/health', (req, res) => res.json({ ok: true }));",
    "app.post('/api/ask', async (req, res) => {",
    "  const reply = await ollama.chat({ model: 'llama3.2', messages: [{ role: 'user', content: req.body.question }] });",
    '  res.json({ answer: reply.message.content });',
    '});',
    '',
    'app.listen(process.env.PORT || 3000);',
  ].join('\n');
  const m = extract(text, 'server.js');

  it('reads require imports', () => {
    expect(m.imports.map((i) => ({ module: i.module, name: i.name, alias: i.alias, via: i.via, at: i.evidence.line }))).toEqual([
      { module: 'express', name: '*', alias: 'express', via: 'require', at: 2 },
      { module: 'ollama', name: 'Ollama', alias: 'Ollama', via: 'require', at: 3 },
      { module: 'cors', name: '*', alias: 'cors', via: 'require', at: 4 },
    ]);
  });

  it('finds the routes and the model call', () => {
    expect(m.routes.map((r) => `${r.framework} ${r.method} ${r.path} @${r.evidence.line}`)).toEqual([
      'express GET /health @11',
      'express POST /api/ask @12',
    ]);
    const chat = m.calls.find((c) => c.callee === 'ollama.Ollama().chat');
    expect(chat?.evidence.line).toBe(13);
    expect(chat?.args[0]?.literal).toMatchObject({ model: 'llama3.2' });
    expect(m.calls.find((c) => c.raw === 'express.json')?.callee).toBe('express.json');
  });

  it('is javascript and counts its code lines', () => {
    expect(m.language).toBe('javascript');
    expect(m.linesOfCode).toBe(14);
  });
});

describe('a vitest test file', () => {
  const text = [
    "import { describe, expect, it, vi } from 'vitest';",
    "import { answer } from '../src/rag.js';",
    '',
    "describe('answer', () => {",
    "  it('cites its sources', async () => {",
    "    expect(await answer('q')).toContain('[1]');",
    '  });',
    "  it.each(['a', 'b'])('handles %s', async (q) => {",
    '    expect(await answer(q)).toBeTruthy();',
    '  });',
    "  it.todo('streams');",
    '});',
  ].join('\n');

  it('lists each declared test once', () => {
    const m = extract(text, 'test/rag.test.ts');
    expect(m.tests.map((t) => ({ name: t.name, via: t.via, at: t.evidence.line }))).toEqual([
      { name: 'cites its sources', via: 'it', at: 5 },
      { name: 'handles %s', via: 'it.each', at: 8 },
    ]);
    expect(m.calls.find((c) => c.name === 'answer')?.callee).toBe('../src/rag.js.answer');
  });
});

describe('robustness', () => {
  it('returns what it can read from a file with syntax errors', () => {
    const text = [
      "import { ChatOpenAI } from '@langchain/openai';",
      'const llm = new ChatOpenAI({ model: "gpt-4o" ',
      'function broken( {',
      "app.get('/x', (req, res) => res.send('ok'));",
      "llm.invoke('hello');",
      '}}}} )))',
    ].join('\n');
    const m = extract(text, 'src/broken.ts');
    expect(m.imports).toHaveLength(1);
    expect(m.calls.map((c) => c.callee)).toContain('@langchain/openai.ChatOpenAI');
    expect(m.strings.map((s) => s.value)).toEqual(expect.arrayContaining(['gpt-4o', 'hello']));
  });

  it('reads empty and comment-only files', () => {
    expect(extract('', 'a.ts')).toMatchObject({ imports: [], calls: [], linesOfCode: 0 });
    expect(extract('// nothing\n/* here */\n', 'a.js').linesOfCode).toBe(0);
  });

  it('parses a generated 20,000-line file in reasonable time', () => {
    const lines = ["import { z } from 'zod';"];
    for (let i = 0; i < 20_000; i++) lines.push(`export const v${i} = z.string().describe('field ${i}');`);
    const started = performance.now();
    const m = extract(lines.join('\n'), 'src/generated.ts');
    const elapsed = performance.now() - started;
    expect(m.calls).toHaveLength(40_000);
    expect(m.calls[1]).toMatchObject({ callee: 'zod.z.string', evidence: { line: 2 } });
    expect(m.linesOfCode).toBe(20_001);
    expect(elapsed).toBeLessThan(10_000);
  });

  it('gives the same facts when the same path is extracted again', () => {
    const text = "import OpenAI from 'openai';\nnew OpenAI();";
    expect(extract(text, 'a.ts')).toEqual(extract(text, 'a.ts'));
  });

  it('survives a deeply nested expression', () => {
    const text = `const s = ${Array.from({ length: 20_000 }, (_, i) => `'p${i}'`).join(' + ')};`;
    expect(extract(text, 'deep.js').strings).toHaveLength(20_000);
  });
});
