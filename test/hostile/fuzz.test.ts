/**
 * Fuzz (fast-check): random and mutated notebook JSON, TOML, YAML, JSON, requirements lines,
 * Dockerfiles, Python and TypeScript sources, issue-body-like text with links, and the URL
 * validator, through the real parsers, fact extractors, stack detection, every check and the claim
 * reader — plus a few whole reviews of generated mini-repositories. The property everywhere: the
 * input is analysed or reported (skipped with a one-line reason), nothing throws out of the engine,
 * no check fails, and no parser fails with a JavaScript error (a TypeError is a bug, not a reason).
 *
 * A fixed seed in CI; `FUZZ_RUNS=2000 npx vitest run test/hostile/fuzz.test.ts` for a longer run
 * (and `FUZZ_SEED=<n>` to replay or vary one).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { stringify as toYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checks } from '../../checks/index.js';
import { reviewClaims } from '../../src/claims/review-claims.js';
import { DEFAULT_CONFIG } from '../../src/config/config-schema.js';
import { buildCheckContext } from '../../src/engine/check-context.js';
import { runChecks } from '../../src/engine/run-checks.js';
import { InputError } from '../../src/errors.js';
import { buildFacts } from '../../src/facts/build-facts.js';
import { renderJson } from '../../src/render/render-json.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { review } from '../../src/review.js';
import { parseIssueLinks } from '../../src/source/parse-issue-links.js';
import { parseSource } from '../../src/source/parse-source.js';
import { detectStack } from '../../src/stack/detect-stack.js';
import type { Workspace } from '../../src/types.js';
import { decodeText } from '../../src/workspace/decode-text.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 0);
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_301);
/** Runs per property: modest in CI (the whole file stays well under 30 s), `FUZZ_RUNS` for a long run. */
const runs = (ci: number) => ({ seed: SEED, numRuns: RUNS > 0 ? Math.max(ci, Math.round((RUNS * ci) / 100)) : ci, endOnFailure: true });

// ------------------------------------------------------------------ the engine minus the workspace

/** A JavaScript runtime error where a parser should have said what is wrong with the input. */
const JS_ERROR = /cannot read propert|is not a function|is not iterable|is not defined|undefined|null \(reading|Maximum call stack/i;

/** Files → facts → stack → checks → claims: what `review` does after loading, with the same guarantees. */
async function analyse(files: Record<string, string>, claimText = '') {
  const sources = Object.entries(files).map(([path, text]) => ({ path, text, bytes: Buffer.byteLength(text) }));
  const workspace: Workspace = { source: 'fuzz', commit: null, base: null, files: sources, skipped: [], unchanged: 0, limitsReached: [], history: null };
  const { facts, skipped } = await buildFacts(workspace);
  for (const entry of skipped) {
    expect(entry.reason, entry.path).toMatch(/^(parse-error|limit)$/);
    expect(entry.detail ?? '', `${entry.path}: ${entry.detail}`).not.toMatch(JS_ERROR);
    expect(entry.detail ?? '').not.toMatch(/[\r\n]/);
    expect((entry.detail ?? '').length).toBeLessThanOrEqual(200);
  }
  const { stack, tests } = detectStack(facts);
  const context = buildCheckContext({ workspace, facts, stack, tests, parseSkipped: skipped, config: DEFAULT_CONFIG });
  const { findings, errors } = runChecks(checks, context);
  expect(errors).toEqual([]);
  const claims = reviewClaims(facts, stack, claimText ? [{ origin: 'issue', path: 'issue #1', text: claimText }] : []);
  for (const finding of findings) for (const evidence of finding.evidence) expect(Number.isSafeInteger(evidence.line) && evidence.line >= 1, `${finding.check} at ${evidence.path}:${evidence.line}`).toBe(true);
  return { facts, skipped, findings, claims };
}

// ------------------------------------------------------------------ generators

/** Random edits of a seed text: inserts, deletions, replacements, duplicated or cut tails. */
function mutated(seeds: readonly string[]): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom('"', "'", '[', ']', '{', '}', '\n', '\r\n', '\t', ':', '=', ',', '#', '\\', '\u0000', '\ufeff', '\u202e', '🚀')));
  return fc.tuple(fc.constantFrom(...seeds), fc.array(edit, { maxLength: 8 }), fc.constantFrom('none', 'truncate', 'double')).map(([seed, edits, tail]) => {
    let text = seed;
    for (const [at, remove, insert] of edits) {
      const i = text.length ? at % (text.length + 1) : 0;
      text = text.slice(0, i) + insert + text.slice(i + remove);
    }
    if (tail === 'truncate') text = text.slice(0, Math.floor(text.length / 2));
    if (tail === 'double') text += text;
    return text;
  });
}

const junk = fc.string({ unit: 'binary', maxLength: 300 });
const words = (vocabulary: readonly string[], maxLength = 60) =>
  fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...vocabulary) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) }), { maxLength }).map((parts) => parts.join(''));

const PYTHON_SEEDS = [
  'import torch\nfrom transformers import AutoModelForCausalLM, AutoTokenizer\nmodel = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-2-7b-hf", load_in_4bit=True)\n',
  'from peft import LoraConfig, get_peft_model\nconfig = LoraConfig(r=16, lora_alpha=32, target_modules=["q_proj", "v_proj"], lora_dropout=0.05)\nmodel = get_peft_model(model, config)\n',
  'import chromadb\nfrom langchain.text_splitter import RecursiveCharacterTextSplitter\nsplitter = RecursiveCharacterTextSplitter(chunk_size=500, chunk_overlap=50)\nclient = chromadb.PersistentClient(path="db")\n',
  'from fastapi import FastAPI\napp = FastAPI()\n@app.post("/ask")\nasync def ask(q: str):\n    """Answer."""\n    return {"answer": eval(q)}\n',
  'def test_answer():\n    assert answer("x") == "y"\n\nclass T(unittest.TestCase):\n    def test_a(self):\n        self.assertEqual(1, 1)\n',
  'MODEL = os.getenv("MODEL", "gpt-4o-mini")\nclient = OpenAI()\nresp = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": f"{q}"}])\n',
];
const PYTHON_TOKENS = ['import ', 'from ', ' as ', 'def ', 'class ', 'async ', 'await ', 'return ', 'lambda ', 'with ', 'try:', 'except ', ':', '\n', '    ', '(', ')', '[', ']', '{', '}', ',', '.', '=', '==', '"', "'", '"""', 'f"', '{x}', '#', '@', '*', '**', 'torch', 'transformers', 'AutoModel', 'from_pretrained', 'LoraConfig', 'r=8', 'x', 'model', 'eval', 'print', '0', '1.5', 'None', 'True', '\\'];
const python = fc.oneof(mutated(PYTHON_SEEDS), words(PYTHON_TOKENS, 120), junk);

const TS_SEEDS = [
  "import OpenAI from 'openai';\nconst client = new OpenAI();\nexport async function ask(q: string) {\n  return client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });\n}\n",
  "import express from 'express';\nconst app = express();\napp.post('/ask', async (req, res) => { res.json(await rag(req.body.q)); });\ndescribe('rag', () => { it('answers', () => { expect(1).toBe(1); }); });\n",
  "const { ChromaClient } = require('chromadb');\nexport const config = { chunkSize: 500, chunkOverlap: 50, model: `llama3.2` } as const;\n",
];
const TS_TOKENS = ['import ', 'export ', 'const ', 'let ', 'function ', '=>', 'async ', 'await ', 'new ', 'class ', '<', '>', '</', '/>', '{', '}', '(', ')', '[', ']', ';', ',', '.', '=', '`', '${', "'", '"', '//', '/*', '*/', '\n', 'require(', 'openai', 'express', 'app.get(', 'it(', 'describe(', 'x', 'as ', 'satisfies ', '?.', '!', '@Controller()'];
const typescript = fc.oneof(mutated(TS_SEEDS), words(TS_TOKENS, 120), junk);

const notebookJson = fc
  .record({
    cells: fc.array(
      fc.oneof(
        fc.record({ cell_type: fc.constant('code'), source: fc.oneof(python, fc.array(python, { maxLength: 4 })), outputs: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 2 }), metadata: fc.constant({}) }),
        fc.record({ cell_type: fc.constantFrom('markdown', 'raw', 'code', 'unknown'), source: fc.jsonValue({ maxDepth: 2 }) }),
        fc.jsonValue({ maxDepth: 3 }),
      ),
      { maxLength: 6 },
    ),
    metadata: fc.oneof(fc.constant({ kernelspec: { language: 'python' } }), fc.jsonValue({ maxDepth: 2 })),
    nbformat: fc.oneof(fc.constant(4), fc.jsonValue({ maxDepth: 1 })),
  })
  .map((nb) => JSON.stringify(nb));
const NOTEBOOK_SEED = JSON.stringify({ nbformat: 4, metadata: { kernelspec: { language: 'python' } }, cells: [{ cell_type: 'code', source: ['!pip install peft==0.10\n', 'import peft\n'], outputs: [] }, { cell_type: 'markdown', source: '# Notes' }] });
const notebook = fc.oneof(notebookJson, mutated([NOTEBOOK_SEED]), fc.json({ maxDepth: 4 }), junk);

const TOML_SEEDS = [
  '[project]\nname = "rag"\ndependencies = ["torch>=2.1", "transformers==4.40.0", "peft"]\n[project.optional-dependencies]\ndev = ["pytest"]\n',
  '[tool.poetry.dependencies]\npython = "^3.11"\nlangchain = { version = "^0.1", extras = ["openai"] }\n[[tool.x]]\na = 1979-05-27T07:32:00Z\nb = \'\'\'multi\nline\'\'\'\n',
  '[packages]\nfastapi = "*"\nuvicorn = {version = ">=0.29", extras = ["standard"]}\n[dev-packages]\npytest = "*"\n',
];
const toml = fc.oneof(mutated(TOML_SEEDS), junk);
const yamlValue = fc.jsonValue({ maxDepth: 4 }).map((value) => toYaml(value));
const YAML_SEEDS = [
  'base_model: meta-llama/Llama-2-7b-hf\nadapter: qlora\nlora_r: 16\nlora_target_modules:\n  - q_proj\n  - v_proj\n',
  'name: rag\ndependencies:\n  - python=3.11\n  - pip:\n    - chromadb==0.4\n',
  'on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest -q\n',
  'a: &a [1, 2]\nb: *a\nc: !!binary aGk=\n---\nd: { e: f }\n? complex\n: key\n',
];
const yaml = fc.oneof(yamlValue, mutated(YAML_SEEDS), junk);
const json = fc.oneof(fc.json({ maxDepth: 5 }), mutated(['{"name": "x", "dependencies": {"openai": "^4.0.0", "@langchain/core": "0.2"}, "scripts": {"test": "vitest"}}', '{"model": "gpt2", "lora": {"r": 8}}']), junk);
const REQUIREMENT_LINES = ['torch==2.1.0', 'transformers>=4.40,<5', 'peft', '-r base.txt', '-e git+https://github.com/o/r.git#egg=x', 'chromadb @ https://x/y.whl', 'numpy; python_version < "3.12"', '--hash=sha256:abc', '# comment', 'langchain[openai]~=0.1', './local/pkg', 'https://x/y.tar.gz', ''];
const requirements = fc.array(fc.oneof(fc.constantFrom(...REQUIREMENT_LINES), mutated(REQUIREMENT_LINES.filter(Boolean)), fc.string({ unit: 'binary', maxLength: 40 })), { maxLength: 20 }).map((lines) => lines.join('\n'));
const DOCKER_LINES = ['FROM python:3.11-slim AS base', 'FROM --platform=linux/amd64 nvidia/cuda:12.1.0-runtime-ubuntu22.04', 'RUN pip install -r requirements.txt', 'RUN <<EOF\napt-get update\nEOF', 'COPY . /app', 'ENV HF_TOKEN=hf_xxx', 'ARG MODEL=gpt2', 'EXPOSE 8000', 'USER app', 'HEALTHCHECK CMD curl -f http://localhost:8000/health', 'CMD ["uvicorn", "app:app", "--host", "0.0.0.0"]', 'ENTRYPOINT python serve.py \\', '  --model mistral'];
const dockerfile = fc.array(fc.oneof(fc.constantFrom(...DOCKER_LINES), mutated(DOCKER_LINES), fc.string({ unit: 'binary', maxLength: 40 })), { maxLength: 16 }).map((lines) => lines.join('\n'));
const ENV_SEED = 'OPENAI_API_KEY=sk-proj-abc\nMODEL_NAME="gpt-4o-mini"\nexport HF_HOME=/data\n# comment\n';
const env = fc.oneof(mutated([ENV_SEED]), junk);

const OWNERS = ['octo', 'cand', 'a', 'x-y', '-bad', 'org_x', 'ünï', 'settings', 'a'.repeat(40)];
const REPOS = ['take-home', 'r.git', 'x', '.github', '..', 'a b', 'r%2e', 'repo-1', 'r'.repeat(101)];
const link = fc
  .tuple(
    fc.constantFrom('', 'https://', 'http://', 'HTTPS://', 'git@', 'ssh://git@', 'https://www.', 'https://x@', 'file://', 'ext::', 'evil', 'www.'),
    fc.constantFrom('github.com', 'GitHub.com', 'github.com.evil.test', 'gіthub.com', 'github.com:443', 'evil.test/github.com', 'github.com@evil.test'),
    fc.constantFrom('/', ':'),
    fc.constantFrom(...OWNERS),
    fc.constantFrom(...REPOS),
    fc.constantFrom('', '/', '.git', '/tree/main', '?tab=readme', '#x', ')', '>', '.', '`', '\u202e'),
  )
  .map(([scheme, host, sep, owner, repo, tail]) => `${scheme}${host}${sep}${owner}/${repo}${tail}`);
const PROSE = [' ', '\n', '> ', '```\n', '~~~\n', '<!-- ', ' -->', '- ', '* ', '[link](', ')', '`', 'I fine-tuned Llama 3 with LoRA r=16 and got 92% accuracy. ', 'We use FAISS and FastAPI. ', 'Repo: '];
const issueBody = fc.array(fc.oneof({ weight: 3, arbitrary: link }, { weight: 3, arbitrary: fc.constantFrom(...PROSE) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) }), { maxLength: 80 }).map((parts) => parts.join(''));

/** File name → generator: each parser gets its own kind of text. */
const FILE_KINDS = {
  'app.py': python,
  'setup.py': python,
  'nb.ipynb': notebook,
  'app.ts': typescript,
  'server.js': typescript,
  'pyproject.toml': toml,
  Pipfile: toml,
  'config.yaml': yaml,
  'environment.yml': yaml,
  '.github/workflows/ci.yml': yaml,
  'docker-compose.yml': yaml,
  'package.json': json,
  'config.json': json,
  'requirements.txt': requirements,
  Dockerfile: dockerfile,
  '.env.example': env,
  'README.md': issueBody,
} satisfies Record<string, fc.Arbitrary<string>>;

// ------------------------------------------------------------------ properties

describe('fuzz: every input is analysed or reported, nothing throws out of the engine', () => {
  it.each(Object.keys(FILE_KINDS) as (keyof typeof FILE_KINDS)[])('%s: random and mutated contents through the parsers, the stack, every check and the claims', async (path) => {
    await fc.assert(
      fc.asyncProperty(FILE_KINDS[path], async (text) => {
        const { facts, skipped } = await analyse({ [path]: text });
        const reported = skipped.some((s) => s.path === path);
        const analysed = facts.files.some((f) => f.path === path);
        expect(reported || analysed).toBe(true);
      }),
      runs(path.endsWith('.ts') || path.endsWith('.js') ? 80 : 150),
    );
  });

  it('several files at once, random bytes decoded as the workspace decodes them', async () => {
    const bytes = fc.uint8Array({ maxLength: 400 });
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...Object.keys(FILE_KINDS), 'b.py', 'notes.md', 'run.sh', 'src/x.yaml'), bytes, { maxKeys: 5 }), issueBody, async (raw, claim) => {
        const files: Record<string, string> = {};
        for (const [path, content] of Object.entries(raw)) {
          const text = decodeText(Buffer.from(content));
          if (text !== null) files[path] = text;
        }
        await analyse(files, claim);
      }),
      runs(100),
    );
  });

  it('issue bodies with links: a bounded set of rebuilt sources, everything else ignored with a reason', () => {
    fc.assert(
      fc.property(issueBody, fc.integer({ min: 0, max: 12 }), (body, max) => {
        const { sources, ignored } = parseIssueLinks(body, { host: 'github.com', max });
        expect(sources.length).toBeLessThanOrEqual(max);
        for (const source of sources) {
          expect(source.url).toBe(`https://github.com/${source.owner}/${source.repo}.git`);
          expect(parseSource(source.display, { cwd: '/', allowLocal: false })).toEqual(source);
        }
        for (const entry of ignored) expect(entry.reason).not.toMatch(/[\r\n]/);
        expect(new Set(sources.map((s) => s.display.toLowerCase())).size).toBe(sources.length);
      }),
      runs(500),
    );
  });

  it('the URL validator: a rebuilt https source on an allowed host, or one InputError line', () => {
    const urlish = fc.oneof(
      link,
      fc.webUrl({ withQueryParameters: true, withFragments: true, authoritySettings: { withUserInfo: true, withPort: true, withIPv4: true, withIPv6: true } }),
      mutated(['https://github.com/octo/take-home', 'https://github.com/octo/take-home.git/', 'ext::sh -c touch% /tmp/x', '--upload-pack=x', 'git@github.com:o/r.git']),
      fc.string({ unit: 'binary', maxLength: 80 }),
    );
    fc.assert(
      fc.property(urlish, (input) => {
        let source;
        try {
          source = parseSource(input, { cwd: '/', allowLocal: false, allowedHosts: ['github.com'] });
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          const message = (error as Error).message;
          expect(message).not.toMatch(/[\u0000-\u001f\u202e]/);
          expect(message.length).toBeLessThanOrEqual(300);
          return;
        }
        expect(source.kind).toBe('remote');
        if (source.kind !== 'remote') return;
        expect(source.host).toBe('github.com');
        expect(source.url).toMatch(/^https:\/\/github\.com\/[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._][A-Za-z0-9._-]{0,99}\.git$/);
        expect(source.url).not.toMatch(/\/\.\.?\.git$/);
      }),
      runs(1000),
    );
  });

  it('whole reviews of generated mini-repositories: a report that renders, or one InputError', async () => {
    const repo = fc.dictionary(
      fc.constantFrom(...Object.keys(FILE_KINDS), 'pkg/b.py', 'tests/test_app.py', 'src/x.ts', 'weights.bin'),
      fc.oneof(python, notebook, typescript, yaml, toml, requirements, dockerfile),
      { minKeys: 1, maxKeys: 6 },
    );
    await fc.assert(
      fc.asyncProperty(repo, issueBody, async (files, claim) => {
        const root = await mkdtemp(join(tmpdir(), 'fuzz-repo-'));
        try {
          for (const [path, content] of Object.entries(files)) {
            await mkdir(dirname(join(root, path)), { recursive: true });
            await writeFile(join(root, path), content);
          }
          const report = await review(parseSource(root, { cwd: root }), { claimDocuments: [{ origin: 'issue', path: 'issue #1', text: claim }] });
          expect(report.errors).toEqual([]);
          expect(report.target.files + report.target.skipped.length).toBeGreaterThanOrEqual(Object.keys(files).length);
          expect(() => JSON.parse(renderJson(report))).not.toThrow();
          expect(renderMarkdown(report)).toMatch(/^# Candidate review/);
        } finally {
          await rm(root, { recursive: true, force: true });
        }
      }),
      runs(8),
    );
  });
});
