import { describe, expect, it } from 'vitest';
import { createScriptExtractor } from '../../../src/facts/typescript/create-script-extractor.js';
import type { ScriptModule } from '../../../src/facts/types.js';

const extractor = createScriptExtractor();

function extract(text: string, path = 'src/app.ts'): ScriptModule {
  return extractor.extract({ path, text, bytes: Buffer.byteLength(text) });
}

/** Inline sources read better without their first newline and common indentation. */
function source(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

const calls = (m: ScriptModule) => m.calls.map((c) => ({ callee: c.callee, at: c.evidence.line }));
const imports = (m: ScriptModule) => m.imports.map((i) => ({ module: i.module, name: i.name, alias: i.alias, via: i.via, at: i.evidence.line }));
const routes = (m: ScriptModule) => m.routes.map((r) => ({ framework: r.framework, method: r.method, path: r.path, at: r.evidence.line }));
const tests = (m: ScriptModule) => m.tests.map((t) => ({ name: t.name, via: t.via, at: t.evidence.line }));

describe('imports', () => {
  it.each([
    ["import x from 'm';", { module: 'm', name: 'default', alias: 'x', via: 'import' }],
    ["import { a as b } from 'm';", { module: 'm', name: 'a', alias: 'b', via: 'import' }],
    ["import * as ns from 'm';", { module: 'm', name: '*', alias: 'ns', via: 'import' }],
    ["import 'm';", { module: 'm', name: '*', alias: '', via: 'import' }],
    ["export { a as b } from 'm';", { module: 'm', name: 'a', alias: 'b', via: 'import' }],
    ["export * from 'm';", { module: 'm', name: '*', alias: '', via: 'import' }],
    ["export * as ns from 'm';", { module: 'm', name: '*', alias: 'ns', via: 'import' }],
    ["const x = require('m');", { module: 'm', name: '*', alias: 'x', via: 'require' }],
    ["const { a: b } = require('m');", { module: 'm', name: 'a', alias: 'b', via: 'require' }],
    ["const b = require('m').a;", { module: 'm', name: 'a', alias: 'b', via: 'require' }],
    ["require('m');", { module: 'm', name: '*', alias: '', via: 'require' }],
    ["import x = require('m');", { module: 'm', name: '*', alias: 'x', via: 'require' }],
    ["const x = await import('m');", { module: 'm', name: '*', alias: 'x', via: 'dynamic' }],
    ["const { pipeline } = await import('m');", { module: 'm', name: 'pipeline', alias: 'pipeline', via: 'dynamic' }],
    ["void import('m');", { module: 'm', name: '*', alias: '', via: 'dynamic' }],
  ])('%s', (code, expected) => {
    expect(imports(extract(`\n${code}`))).toEqual([{ ...expected, at: 2 }]);
  });

  it('records a default and named imports from one declaration', () => {
    const m = extract("import OpenAI, { toFile } from 'openai';");
    expect(imports(m)).toEqual([
      { module: 'openai', name: 'default', alias: 'OpenAI', via: 'import', at: 1 },
      { module: 'openai', name: 'toFile', alias: 'toFile', via: 'import', at: 1 },
    ]);
  });

  it('does not take a local function named require for an import', () => {
    const m = extract("function require(x: string) { return x; }\nrequire('m');");
    expect(m.imports).toEqual([]);
  });
});

describe('calls', () => {
  it('resolves named imports, also when aliased', () => {
    const m = extract(source(`
      import { ChatOpenAI, OpenAIEmbeddings as Embeddings } from '@langchain/openai';
      const llm = new ChatOpenAI({ model: 'gpt-4o-mini', temperature: 0 });
      const embeddings = new Embeddings();
    `));
    expect(calls(m)).toEqual([
      { callee: '@langchain/openai.ChatOpenAI', at: 2 },
      { callee: '@langchain/openai.OpenAIEmbeddings', at: 3 },
    ]);
    expect(m.calls[0]).toMatchObject({ raw: 'ChatOpenAI', name: 'ChatOpenAI', isNew: true });
    expect(m.calls[0]!.args[0]).toMatchObject({ kind: 'object', literal: { model: 'gpt-4o-mini', temperature: 0 } });
    expect(m.calls[1]).toMatchObject({ raw: 'Embeddings', name: 'OpenAIEmbeddings' });
  });

  it('resolves a client built from a default import through its binding', () => {
    const m = extract(source(`
      import OpenAI from 'openai';
      const client = new OpenAI();
      export async function ask(question: string) {
        const completion = await client.chat.completions.create({
          model: 'gpt-4o-mini',
          messages: [{ role: 'user', content: question }],
        });
        return completion.choices[0]?.message.content;
      }
    `));
    expect(calls(m)).toEqual([
      { callee: 'openai.default', at: 2 },
      { callee: 'openai.default().chat.completions.create', at: 4 },
    ]);
    expect(m.calls[0]!.name).toBe('OpenAI');
    expect(m.calls[1]).toMatchObject({ raw: 'client.chat.completions.create', name: 'create', isNew: false });
    expect(m.calls[1]!.args[0]!.literal).toEqual({ model: 'gpt-4o-mini', messages: [{ role: 'user' }] });
  });

  it('resolves functions declared above the client they use (module bindings are hoisted)', () => {
    const m = extract(source(`
      import Anthropic from '@anthropic-ai/sdk';
      async function ask() { return anthropic.messages.create({ model: 'claude-3-5-haiku-latest' }); }
      const anthropic = new Anthropic();
    `));
    expect(calls(m)[0]).toEqual({ callee: '@anthropic-ai/sdk.default().messages.create', at: 2 });
  });

  it('resolves namespace imports, require and destructured require', () => {
    const m = extract(source(`
      import * as lc from '@langchain/openai';
      const { Ollama } = require('ollama');
      const axios = require('axios');
      new lc.ChatOpenAI();
      new Ollama({ host: 'http://localhost:11434' }).chat({ model: 'llama3.2' });
      axios.post('http://localhost:8000/v1/completions', {});
    `), 'src/app.js');
    expect(calls(m)).toEqual([
      { callee: '@langchain/openai.ChatOpenAI', at: 4 },
      { callee: 'ollama.Ollama().chat', at: 5 },
      { callee: 'ollama.Ollama', at: 5 },
      { callee: 'axios.post', at: 6 },
    ]);
  });

  it('resolves this.x bindings in classes and parameters typed with an imported class', () => {
    const m = extract(source(`
      import { ChatOllama } from '@langchain/ollama';
      import { Pinecone } from '@pinecone-database/pinecone';
      export class Rag {
        private readonly llm = new ChatOllama({ model: 'llama3.2' });
        constructor(private readonly db: Pinecone) {}
        async answer(q: string) {
          const index = this.db.index('docs');
          await index.query({ topK: 5 });
          return this.llm.invoke(q);
        }
      }
      export function run(llm: ChatOllama) { return llm.invoke('hi'); }
    `));
    expect(calls(m)).toEqual([
      { callee: '@langchain/ollama.ChatOllama', at: 4 },
      { callee: '@pinecone-database/pinecone.Pinecone().index', at: 7 },
      { callee: '@pinecone-database/pinecone.Pinecone().index().query', at: 8 },
      { callee: '@langchain/ollama.ChatOllama().invoke', at: 9 },
      { callee: '@langchain/ollama.ChatOllama().invoke', at: 12 },
    ]);
  });

  it('follows reassignment, destructuring and this.x set in a constructor', () => {
    const m = extract(source(`
      import OpenAI from 'openai';
      let client;
      client = new OpenAI();
      const { data } = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });
      data.map(fn);
      class Store {
        constructor() { this.openai = new OpenAI(); }
        embed() { return this.openai.embeddings.create({}); }
      }
    `), 'src/store.js');
    expect(calls(m)).toEqual([
      { callee: 'openai.default', at: 3 },
      { callee: 'openai.default().embeddings.create', at: 4 },
      { callee: 'openai.default().embeddings.create().data.map', at: 5 },
      { callee: 'openai.default', at: 7 },
      { callee: 'openai.default().embeddings.create', at: 8 },
    ]);
  });

  it('keeps the written text for what it cannot resolve, and lets locals shadow imports', () => {
    const m = extract(source(`
      import { embed } from './embed.js';
      function local(embed: (x: string) => number[]) { return embed('a'); }
      embed('b');
      console.log(helpers[0]('x'));
    `));
    expect(calls(m)).toEqual([
      { callee: 'embed', at: 2 },
      { callee: './embed.js.embed', at: 3 },
      { callee: 'console.log', at: 4 },
      { callee: 'helpers[0]', at: 4 },
    ]);
  });

  it('puts chained calls at the line of the member called', () => {
    const m = extract(source(`
      import { ChatPromptTemplate } from '@langchain/core/prompts';
      const chain = ChatPromptTemplate
        .fromTemplate('Answer: {question}')
        .pipe(llm);
    `));
    expect(calls(m)).toEqual([
      { callee: '@langchain/core/prompts.ChatPromptTemplate.fromTemplate().pipe', at: 4 },
      { callee: '@langchain/core/prompts.ChatPromptTemplate.fromTemplate', at: 3 },
    ]);
  });

  it('keeps literal arguments, nested, and names bound to literal constants', () => {
    const m = extract(source(`
      const MODEL = 'llama3.2';
      const response = await fetch('http://localhost:11434/api/generate', {
        method: 'POST',
        body: JSON.stringify({ model: MODEL, prompt, stream: false, options: { temperature: 0.2, stop: ['\\n', null] } }),
      });
      f(\`plain\`, \`with \${x}\`, -1, true, null, [1, [2]], { a: { b: 'c' } }, x => x, g(), ...rest);
    `));
    const [fetchCall, stringify, f] = m.calls;
    expect(fetchCall!.callee).toBe('fetch');
    expect(fetchCall!.args[0]).toEqual({ text: "'http://localhost:11434/api/generate'", kind: 'string', literal: 'http://localhost:11434/api/generate' });
    expect(fetchCall!.args[1]!.kind).toBe('object');
    expect(stringify!.args[0]!.literal).toEqual({ model: 'llama3.2', stream: false, options: { temperature: 0.2, stop: ['\n', null] } });
    expect(f!.args.map((a) => [a.kind, a.literal])).toEqual([
      ['string', 'plain'],
      ['string', undefined],
      ['number', -1],
      ['bool', true],
      ['null', null],
      ['array', [1, [2]]],
      ['object', { a: { b: 'c' } }],
      ['function', undefined],
      ['call', undefined],
      ['other', undefined],
    ]);
  });

  it('cuts raw text to about 120 characters', () => {
    const long = `a${'.b'.repeat(100)}`;
    const m = extract(`${long}();`);
    expect(m.calls[0]!.raw.length).toBeLessThanOrEqual(120);
  });
});

describe('strings', () => {
  it('records literals and templates, substitutions kept, module specifiers left out', () => {
    const m = extract(source(`
      import { PromptTemplate } from '@langchain/core/prompts';
      const a = 'single', b = "double", c = \`no substitution\`;
      const prompt = \`Use the context to answer.
      Context: \${docs.map((d) => d.pageContent).join('\\n')}
      Question: \${question}\`;
      const fs = require('node:fs');
    `));
    expect(m.strings.map((s) => ({ value: s.value, at: s.evidence.line }))).toEqual([
      { value: 'single', at: 2 },
      { value: 'double', at: 2 },
      { value: 'no substitution', at: 2 },
      { value: "Use the context to answer.\nContext: ${docs.map((d) => d.pageContent).join('\\n')}\nQuestion: ${question}", at: 3 },
      { value: '\n', at: 4 },
    ]);
  });
});

describe('routes', () => {
  it('finds express routes on apps and routers', () => {
    const m = extract(source(`
      import express, { Router } from 'express';
      const app = express();
      const api = express.Router();
      const v2 = Router();
      app.get('/health', (_req, res) => res.send('ok'));
      api.post('/ask', handler);
      v2.delete('/docs/:id', remove);
      app.route('/book').get(list).put(update);
      app.use('/api', api);
      app.get('env');
      app.listen(3000);
    `));
    expect(routes(m)).toEqual([
      { framework: 'express', method: 'GET', path: '/health', at: 5 },
      { framework: 'express', method: 'POST', path: '/ask', at: 6 },
      { framework: 'express', method: 'DELETE', path: '/docs/:id', at: 7 },
      { framework: 'express', method: 'PUT', path: '/book', at: 8 },
      { framework: 'express', method: 'GET', path: '/book', at: 8 },
    ]);
  });

  it('finds fastify routes, shorthand and route()', () => {
    const m = extract(source(`
      const Fastify = require('fastify');
      const fastify = Fastify({ logger: true });
      fastify.get('/health', async () => ({ ok: true }));
      fastify.route({ method: ['GET', 'POST'], url: '/ask', handler: ask });
    `), 'server.cjs');
    expect(routes(m)).toEqual([
      { framework: 'fastify', method: 'GET', path: '/health', at: 3 },
      { framework: 'fastify', method: 'GET,POST', path: '/ask', at: 4 },
    ]);
  });

  it('guesses from the receiver name when the app comes from elsewhere', () => {
    const m = extract(source(`
      import type { Express } from 'express';
      export function register(app: Express, router) {
        app.post('/ask', ask);
        router.get('/items', (req, res) => res.json([]));
        cache.get('/not-a-route', value);
        router.get('key');
      }
    `));
    expect(routes(m)).toEqual([
      { framework: 'express', method: 'POST', path: '/ask', at: 3 },
      { framework: 'express', method: 'GET', path: '/items', at: 4 },
    ]);
  });

  it('finds NestJS controller routes', () => {
    const m = extract(source(`
      import { Body, Controller, Get, Post } from '@nestjs/common';
      @Controller('chat')
      export class ChatController {
        @Post('/ask')
        ask(@Body() body: AskDto) { return this.rag.ask(body.q); }
        @Get()
        health() { return 'ok'; }
      }
    `));
    expect(routes(m)).toEqual([
      { framework: 'nestjs', method: 'POST', path: '/chat/ask', at: 4 },
      { framework: 'nestjs', method: 'GET', path: '/chat', at: 6 },
    ]);
  });

  it('finds Next.js app-router handlers and pages/api default exports', () => {
    const app = extract(source(`
      export async function POST(req: Request) { return Response.json({}); }
      export const GET = () => new Response('ok');
      function PUT() {}
    `), 'src/app/(chat)/api/chat/route.ts');
    expect(routes(app)).toEqual([
      { framework: 'nextjs', method: 'POST', path: '/api/chat', at: 1 },
      { framework: 'nextjs', method: 'GET', path: '/api/chat', at: 2 },
    ]);
    const pages = extract('export default async function handler(req, res) { res.json({}); }', 'pages/api/ask/index.js');
    expect(routes(pages)).toEqual([{ framework: 'nextjs', method: 'ALL', path: '/api/ask', at: 1 }]);
    expect(routes(extract('export async function GET() {}', 'src/lib/route-helpers.ts'))).toEqual([]);
  });

  it('reads 100 KB route paths and file paths without backtracking', () => {
    const slashes = '/'.repeat(100_000);
    const nest = extract(source(`
      import { Controller, Get } from '@nestjs/common';
      @Controller('${slashes}x')
      export class C {
        @Get('ask${slashes}x${slashes}')
        ask() {}
      }
    `));
    expect(routes(nest)).toEqual([{ framework: 'nestjs', method: 'GET', path: `/x/ask${slashes}x`, at: 4 }]);
    const handler = 'export async function POST() {}';
    expect(routes(extract(handler, `${'app/'.repeat(25_000)}route.tsx.bak.ts`))).toEqual([]);
    expect(routes(extract(handler, `${'app/'.repeat(25_000)}\n/route.ts`))).toEqual([]);
    expect(routes(extract(handler, `${'pages/api/'.repeat(10_000)}x.md`))).toEqual([]);
    expect(routes(extract(handler, `src/${'app/'.repeat(25_000)}chat/route.ts`))).toEqual([
      { framework: 'nextjs', method: 'POST', path: `/${'app/'.repeat(24_999)}chat`, at: 1 },
    ]);
  });
});

describe('tests', () => {
  it('counts it/test declarations once each, not describe, hooks or todos', () => {
    const m = extract(source(`
      import { describe, expect, it, test } from 'vitest';
      describe('rag', () => {
        beforeEach(() => {});
        it('answers', () => expect(1).toBe(1));
        test.only('retrieves', async () => {});
        it.each([[1], [2]])('case %i', (n) => {});
        it.each\`
          a | b
        \`('table $a', () => {});
        test.skipIf(process.env.CI)('slow', () => {});
        test.todo('later');
        it.skip(\`template \${1}\`, () => {});
      });
      const re = /x/;
      re.test('x');
    `), 'test/rag.test.ts');
    expect(tests(m)).toEqual([
      { name: 'answers', via: 'it', at: 4 },
      { name: 'retrieves', via: 'test.only', at: 5 },
      { name: 'case %i', via: 'it.each', at: 6 },
      { name: 'table $a', via: 'it.each', at: 7 },
      { name: 'slow', via: 'test.skipIf', at: 10 },
      { name: 'template ${1}', via: 'it.skip', at: 12 },
    ]);
  });

  it('does not count a local variable named test', () => {
    const m = extract("const test = (s: string) => s;\ntest('not a test', 1);");
    expect(m.tests).toEqual([]);
  });
});

describe('lines of code and language', () => {
  it('counts non-blank lines that are not only comments', () => {
    const m = extract(source(`
      // a comment
      /* a block
         comment */
      import x from 'x';

      /**
       * Docs.
       */
      export function f(
        a: number,
      ): number {
        const s = \`multi

        line\`; // trailing comment
        return a;
      }
    `));
    // import, export function, a, ): {, const s, line`, return, }
    expect(m.linesOfCode).toBe(8);
  });

  it.each([
    ['a.ts', 'typescript'],
    ['a.tsx', 'typescript'],
    ['a.mts', 'typescript'],
    ['a.cts', 'typescript'],
    ['a.js', 'javascript'],
    ['a.jsx', 'javascript'],
    ['a.mjs', 'javascript'],
    ['a.cjs', 'javascript'],
  ])('%s is %s', (path, language) => {
    expect(extract('export {};', path).language).toBe(language);
  });

  it('parses JSX in .js and .tsx files', () => {
    const js = extract("export const A = () => <div className=\"x\">{fetch('/api/ask')}</div>;", 'src/A.js');
    expect(js.calls.map((c) => c.callee)).toEqual(['fetch']);
    const tsx = extract("export const A = () => <Chat model={'gpt-4o'} />;", 'src/A.tsx');
    expect(tsx.strings.map((s) => s.value)).toEqual(['gpt-4o']);
  });
});
