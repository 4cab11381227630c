import { describe, expect, it } from 'vitest';
import { configFormat, parseConfigDocuments } from '../../../src/facts/config/parse-config.js';
import type { ConfigDocument } from '../../../src/facts/types.js';

function file(path: string, text: string) {
  return { path, text, bytes: Buffer.byteLength(text) };
}

function leaf(doc: ConfigDocument, ...key: (string | number)[]) {
  return doc.leaves.find((l) => JSON.stringify(l.key) === JSON.stringify(key));
}

function timed<T>(run: () => T): { ms: number; result?: T; error?: unknown } {
  const start = performance.now();
  try {
    const result = run();
    return { ms: performance.now() - start, result };
  } catch (error) {
    return { ms: performance.now() - start, error };
  }
}

describe('configFormat', () => {
  it.each([
    ['configs/train.yaml', 'yaml'],
    ['k8s/deploy.YML', 'yaml'],
    ['docker-compose.yml', 'yaml'],
    ['tsconfig.json', 'json'],
    ['.vscode/settings.jsonc', 'json'],
    ['pyproject.toml', 'toml'],
    ['.env', 'env'],
    ['app/.env.example', 'env'],
    ['.env.local', 'env'],
    ['deploy/prod.env', 'env'],
    ['package-lock.json', null],
    ['web/pnpm-lock.yaml', null],
    ['notebooks/train.ipynb', null],
    ['.envrc', null],
    ['Dockerfile', null],
    ['README.md', null],
  ])('%s → %s', (path, format) => {
    expect(configFormat(path)).toBe(format);
  });
});

describe('YAML', () => {
  const lora = [
    '# training config',
    'model: meta-llama/Llama-2-7b-hf',
    'lora:',
    '  r: 16',
    '  alpha: 32',
    '  target_modules: [q_proj, v_proj]',
    'training:',
    '  lr: 2.0e-4',
    '  prompt: |',
    '    You are a helpful assistant.',
    '    Answer briefly.',
    '  empty:',
  ].join('\n');

  it('gives each scalar its key path and the line of its value', () => {
    const [doc] = parseConfigDocuments(file('configs/lora.yaml', lora));
    expect(doc!.format).toBe('yaml');
    expect(doc!.index).toBe(0);
    expect(leaf(doc!, 'lora', 'r')).toEqual({
      key: ['lora', 'r'],
      value: 16,
      evidence: { path: 'configs/lora.yaml', line: 4, snippet: 'r: 16' },
    });
    expect(leaf(doc!, 'lora', 'alpha')?.value).toBe(32);
    expect(leaf(doc!, 'lora', 'target_modules', 1)).toMatchObject({ value: 'v_proj', evidence: { line: 6 } });
    expect(leaf(doc!, 'training', 'lr')?.value).toBe(0.0002);
    expect(leaf(doc!, 'training', 'prompt')).toMatchObject({
      value: 'You are a helpful assistant.\nAnswer briefly.\n',
      evidence: { line: 9, snippet: 'prompt: |' },
    });
    expect(leaf(doc!, 'training', 'empty')).toMatchObject({ value: null, evidence: { line: 12 } });
    expect(doc!.data).toEqual({
      model: 'meta-llama/Llama-2-7b-hf',
      lora: { r: 16, alpha: 32, target_modules: ['q_proj', 'v_proj'] },
      training: { lr: 0.0002, prompt: 'You are a helpful assistant.\nAnswer briefly.\n', empty: null },
    });
    expect(doc!.evidenceFor(['lora'])?.line).toBe(3);
    expect(doc!.evidenceFor(['lora', 'target_modules', 0])?.line).toBe(6);
    expect(doc!.evidenceFor(['lora', 'dropout'])).toBeUndefined();
  });

  it('gives one document per part of a Kubernetes multi-document file', () => {
    const text = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: api',
      '          image: ghcr.io/huggingface/text-generation-inference:2.0',
      '          args: ["--model-id", "mistralai/Mistral-7B-Instruct-v0.2"]',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata: { name: api }',
      '---',
    ].join('\n');
    const docs = parseConfigDocuments(file('k8s/app.yaml', text));
    expect(docs.map((d) => d.index)).toEqual([0, 1, 2]);
    expect(leaf(docs[0]!, 'spec', 'template', 'spec', 'containers', 0, 'image')).toMatchObject({
      value: 'ghcr.io/huggingface/text-generation-inference:2.0',
      evidence: { line: 8 },
    });
    expect(leaf(docs[0]!, 'spec', 'template', 'spec', 'containers', 0, 'args', 1)?.evidence.line).toBe(9);
    expect(docs[0]!.evidenceFor(['spec', 'template', 'spec', 'containers', 0])?.line).toBe(7);
    expect(leaf(docs[1]!, 'kind')).toMatchObject({ value: 'Service', evidence: { line: 12 } });
    expect(leaf(docs[1]!, 'metadata', 'name')?.evidence.line).toBe(13);
    expect(docs[2]!.data).toBeNull();
  });

  it('resolves anchors, aliases and merge keys in a compose file', () => {
    const text = [
      'x-common: &common',
      '  restart: unless-stopped',
      '  environment: &env',
      '    LOG_LEVEL: info',
      'services:',
      '  api:',
      '    <<: *common',
      '    build: .',
      '    ports: ["8000:8000"]',
      '    depends_on: [ollama]',
      '  ollama:',
      '    <<: *common',
      '    image: ollama/ollama:0.3.12',
      '    restart: always',
      '    environment: *env',
    ].join('\n');
    const [doc] = parseConfigDocuments(file('docker-compose.yml', text));
    const services = (doc!.data as Record<string, Record<string, unknown>>)['services']!;
    expect(services['api']).toEqual({
      build: '.',
      ports: ['8000:8000'],
      depends_on: ['ollama'],
      restart: 'unless-stopped',
      environment: { LOG_LEVEL: 'info' },
    });
    expect(services['ollama']).toMatchObject({ image: 'ollama/ollama:0.3.12', restart: 'always' });
    expect(leaf(doc!, 'services', 'ollama', 'image')?.evidence.line).toBe(13);
    expect(leaf(doc!, 'services', 'ollama', 'restart')).toMatchObject({ value: 'always', evidence: { line: 14 } });
    // merged and aliased values point where they are written
    expect(leaf(doc!, 'services', 'api', 'restart')?.evidence.line).toBe(2);
    expect(leaf(doc!, 'services', 'ollama', 'environment', 'LOG_LEVEL')?.evidence.line).toBe(4);
    expect(doc!.leaves.filter((l) => l.key[1] === 'ollama' && l.key[2] === 'restart')).toHaveLength(1);
  });

  it('gives a scalar alias the line where it is used', () => {
    const [doc] = parseConfigDocuments(file('c.yaml', 'base_lr: &lr 0.001\nhead:\n  lr: *lr\n'));
    expect(leaf(doc!, 'head', 'lr')).toMatchObject({ value: 0.001, evidence: { line: 3, snippet: 'lr: *lr' } });
  });

  it('refuses a billion-laughs alias bomb quickly', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const next = String.fromCharCode(97 + i);
      lines.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const run = timed(() => parseConfigDocuments(file('bomb.yaml', lines.join('\n'))));
    expect(run.error).toBeInstanceOf(Error);
    expect(String((run.error as Error).message)).toMatch(/alias bomb/);
    expect(run.ms).toBeLessThan(500);
  });

  it('refuses an alias that contains itself', () => {
    expect(() => parseConfigDocuments(file('loop.yaml', 'a: &a [1, *a]\n'))).toThrow(/ancestor/);
  });

  it.each([
    ['flow', '['.repeat(100_000) + ']'.repeat(100_000)],
    ['block', '- '.repeat(100_000) + 'x'],
  ])('throws a one-line error for %s nesting 100k deep', (_, text) => {
    const run = timed(() => parseConfigDocuments(file('deep.yaml', text)));
    expect((run.error as Error).message).toMatch(/^YAML nested deeper than 256 levels at line 1$/);
    expect(run.ms).toBeLessThan(5_000);
  });

  it('throws one line with the line number for malformed YAML', () => {
    expect(() => parseConfigDocuments(file('bad.yaml', 'a: 1\nb: [1, 2\nc: 3\n'))).toThrow(/^invalid YAML at line \d+: [^\n]+$/);
    expect(() => parseConfigDocuments(file('dup.yaml', 'a: 1\na: 2\n'))).toThrow('invalid YAML at line 2: duplicate key');
  });

  it('keeps __proto__ keys as data', () => {
    const [doc] = parseConfigDocuments(file('p.yaml', '__proto__:\n  polluted: true\n'));
    expect(Object.getPrototypeOf(doc!.data)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(doc!.data, '__proto__')?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('JSON', () => {
  it('reads a tsconfig-style document with comments and trailing commas', () => {
    const text = ['{', '  // model settings', '  "model": {', '    "name": "gpt-4o-mini",', '    "temperature": 0.2,', '  },', '  "stop": ["\\n", null],', '}'].join('\n');
    const [doc] = parseConfigDocuments(file('config/settings.json', text));
    expect(doc!.data).toEqual({ model: { name: 'gpt-4o-mini', temperature: 0.2 }, stop: ['\n', null] });
    expect(leaf(doc!, 'model', 'name')).toMatchObject({ value: 'gpt-4o-mini', evidence: { line: 4, snippet: '"name": "gpt-4o-mini",' } });
    expect(leaf(doc!, 'stop', 1)).toMatchObject({ value: null, evidence: { line: 7 } });
    expect(doc!.evidenceFor(['model'])?.line).toBe(3);
  });

  it('throws a one-line error quickly for a document nested 100k deep', () => {
    const run = timed(() => parseConfigDocuments(file('deep.json', '['.repeat(100_000) + ']'.repeat(100_000))));
    expect((run.error as Error).message).toBe('JSON nested deeper than 256 levels at line 1');
    expect(run.ms).toBeLessThan(1_000);
  });

  it('is not fooled by brackets inside strings', () => {
    const text = `{"a": "${'['.repeat(1000)}", "b": [[1]]}`;
    const [doc] = parseConfigDocuments(file('s.json', text));
    expect(leaf(doc!, 'b', 0, 0)?.value).toBe(1);
  });

  it('throws one line for malformed JSON', () => {
    expect(() => parseConfigDocuments(file('bad.json', '{\n  "a": 1\n  "b": 2\n}'))).toThrow(/^invalid JSON at line 3: CommaExpected$/);
    expect(() => parseConfigDocuments(file('empty.json', ''))).toThrow(/^invalid JSON/);
  });
});

describe('TOML', () => {
  it('keys tables and arrays of tables with their lines', () => {
    const text = [
      'title = "rag service"',
      '',
      '[model]',
      'name = "BAAI/bge-small-en-v1.5"',
      'params.top_k = 5',
      '',
      '[[retrievers]]',
      'kind = "faiss"',
      '',
      '[[retrievers]]',
      'kind = "bm25"',
      'weights = [0.3, { dense = 0.7 }]',
      'created = 2024-05-01',
    ].join('\n');
    const [doc] = parseConfigDocuments(file('config.toml', text));
    expect(doc!.data).toEqual({
      title: 'rag service',
      model: { name: 'BAAI/bge-small-en-v1.5', params: { top_k: 5 } },
      retrievers: [{ kind: 'faiss' }, { kind: 'bm25', weights: [0.3, { dense: 0.7 }], created: '2024-05-01' }],
    });
    expect(leaf(doc!, 'model', 'name')?.evidence.line).toBe(4);
    expect(leaf(doc!, 'model', 'params', 'top_k')).toMatchObject({ value: 5, evidence: { line: 5 } });
    expect(leaf(doc!, 'retrievers', 1, 'kind')).toMatchObject({ value: 'bm25', evidence: { line: 11 } });
    expect(leaf(doc!, 'retrievers', 1, 'weights', 1, 'dense')?.evidence.line).toBe(12);
    expect(doc!.evidenceFor(['retrievers', 1])?.line).toBe(10);
    expect(doc!.evidenceFor(['model'])?.snippet).toBe('[model]');
  });

  it('throws one line for malformed or deep TOML', () => {
    expect(() => parseConfigDocuments(file('bad.toml', 'a = 1\na = 2\n'))).toThrow(/^invalid TOML at line 2: /);
    const run = timed(() => parseConfigDocuments(file('deep.toml', `a = ${'['.repeat(100_000)}${']'.repeat(100_000)}`)));
    expect((run.error as Error).message).toBe('TOML nested deeper than 256 levels at line 1');
    expect(run.ms).toBeLessThan(1_000);
  });
});

describe('.env', () => {
  it('reads KEY=value lines of .env.example', () => {
    const text = [
      '# copy to .env',
      'OPENAI_API_KEY=',
      'export MODEL_NAME="meta-llama/Meta-Llama-3-8B-Instruct"',
      "EMBEDDING_MODEL='BAAI/bge-small-en-v1.5'",
      'CHUNK_SIZE=512 # tokens',
      'not an assignment',
      'PROMPT="line one\\nline two"',
      'MULTI="a',
      'b"',
      'AFTER=1',
    ].join('\n');
    const [doc] = parseConfigDocuments(file('.env.example', text));
    expect(doc!.format).toBe('env');
    expect(doc!.data).toEqual({
      OPENAI_API_KEY: '',
      MODEL_NAME: 'meta-llama/Meta-Llama-3-8B-Instruct',
      EMBEDDING_MODEL: 'BAAI/bge-small-en-v1.5',
      CHUNK_SIZE: '512',
      PROMPT: 'line one\nline two',
      MULTI: 'a\nb',
      AFTER: '1',
    });
    expect(leaf(doc!, 'MODEL_NAME')?.evidence).toEqual({
      path: '.env.example',
      line: 3,
      snippet: 'export MODEL_NAME="meta-llama/Meta-Llama-3-8B-Instruct"',
    });
    expect(leaf(doc!, 'AFTER')?.evidence.line).toBe(10);
    expect(doc!.evidenceFor(['CHUNK_SIZE'])?.line).toBe(5);
  });

  it('stays linear on many unterminated quotes', () => {
    const run = timed(() => parseConfigDocuments(file('.env', 'A="\n'.repeat(50_000))));
    expect(run.error).toBeUndefined();
    expect(run.ms).toBeLessThan(1_000);
  });
});

describe('hostile YAML size', () => {
  it('refuses YAML over the cap before the parser sees it', () => {
    const text = '"'.repeat(300 * 1024);
    expect(() => parseConfigDocuments({ path: 'big.yaml', text, bytes: text.length })).toThrow('YAML over 256 KiB is not parsed');
  });
});
