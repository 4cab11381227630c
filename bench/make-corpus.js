// Generates a synthetic submission with a fixed seed: Python packages (imports, classes, calls
// with keyword arguments, relative imports), pytest suites, notebooks with outputs, TypeScript
// routes, Dockerfiles, manifests and CI files. Nothing is downloaded; the same seed and size give
// the same bytes.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * The three sizes of the issue: a take-home, a mid project (~6 MB of Python) and a large one
 * (~150 MB). `pythonBytes` is the Python the modules add up to, roughly.
 */
export const SIZES = {
  'take-home': { files: 50, pythonBytes: 120_000 },
  mid: { files: 1000, pythonBytes: 6_000_000 },
  large: { files: 20_000, pythonBytes: 130_000_000 },
};

/** Small deterministic PRNG (mulberry32). */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rnd, items) => items[Math.floor(rnd() * items.length)];
const int = (rnd, lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));

const IMPORTS = [
  'import os', 'import json', 'import logging', 'import argparse', 'import torch', 'import numpy as np', 'import pandas as pd',
  'import requests', 'from pathlib import Path', 'from dataclasses import dataclass, field', 'from typing import Any, Iterable',
  'from transformers import AutoModelForCausalLM, AutoTokenizer, TrainingArguments, Trainer',
  'from peft import LoraConfig, get_peft_model', 'import chromadb', 'from sentence_transformers import SentenceTransformer',
  'from fastapi import FastAPI, HTTPException', 'from langchain_text_splitters import RecursiveCharacterTextSplitter',
  'from openai import OpenAI', 'from datasets import load_dataset', 'from sklearn.model_selection import train_test_split',
];

const MODELS = ['meta-llama/Llama-2-7b-hf', 'mistralai/Mistral-7B-v0.1', 'gpt-4o-mini', 'BAAI/bge-small-en-v1.5', 'Qwen/Qwen2-1.5B'];

/** One statement block of a function body: calls with keyword arguments, loops, branches, strings. */
function statement(rnd, f, indent) {
  const p = ' '.repeat(indent);
  switch (int(rnd, 0, 9)) {
    case 0:
      return [`${p}model = AutoModelForCausalLM.from_pretrained(MODEL, torch_dtype=torch.bfloat16, device_map="auto")`];
    case 1:
      return [`${p}enc = tokenizer(batch, truncation=True, max_length=${pick(rnd, [256, 512, 1024])}, padding="max_length", return_tensors="pt")`];
    case 2:
      return [`${p}response = requests.post(f"{BASE_URL}/v1/items/{k}", json={"data": data, "k": k}, timeout=${int(rnd, 5, 60)})`, `${p}response.raise_for_status()`];
    case 3:
      return [`${p}splitter = RecursiveCharacterTextSplitter(chunk_size=${int(rnd, 2, 16) * 100}, chunk_overlap=${int(rnd, 0, 4) * 50})`, `${p}chunks = splitter.split_text("\\n".join(data))`];
    case 4:
      return [`${p}for i, item in enumerate(data):`, `${p}    if len(item) > ${f * 10} and not item.startswith("#"):`, `${p}        out[item] = json.dumps({"k": k, "i": i, "name": "step_${f}"})`, `${p}    elif item:`, `${p}        logger.debug("skipping %s at %d", item, i)`];
    case 5:
      return [`${p}try:`, `${p}    value = float(data[0]) / max(k, 1)`, `${p}except (ValueError, IndexError) as exc:`, `${p}    logger.warning("bad input: %s", exc)`, `${p}    value = 0.0`];
    case 6:
      return [`${p}scores = [round(x * ${(rnd() * 2).toFixed(3)}, 4) for x in np.linspace(0, 1, num=${int(rnd, 4, 64)}) if x > 0.1]`];
    case 7:
      return [`${p}client = OpenAI(api_key=os.environ.get("OPENAI_API_KEY"), timeout=${int(rnd, 10, 120)})`, `${p}completion = client.chat.completions.create(model="${pick(rnd, MODELS)}", temperature=${(rnd()).toFixed(1)}, messages=[{"role": "user", "content": str(data)}])`];
    case 8:
      return [`${p}with open(Path(OUTPUT_DIR) / "step_${f}.json", "w", encoding="utf-8") as fh:`, `${p}    json.dump(out, fh, indent=2, sort_keys=True)`];
    default:
      return [`${p}out.update({str(i): i ** 2 for i in range(k) if i % ${int(rnd, 2, 5)} == 0})`];
  }
}

function functionBlock(rnd, f, indent, self) {
  const p = ' '.repeat(indent);
  const lines = [`${p}def step_${f}(${self ? 'self, ' : ''}data: list[str], k: int = ${f + 1}) -> dict:`, `${p}    """Process stage ${f}: ${pick(rnd, ['tokenise', 'embed', 'rank', 'filter', 'score'])} the batch."""`, `${p}    out: dict[str, Any] = {}`];
  const statements = int(rnd, 2, 6);
  for (let s = 0; s < statements; s++) lines.push(...statement(rnd, f, indent + 4));
  lines.push(`${p}    return out`, '');
  return lines;
}

/** A Python module of about `target` bytes. */
function pythonModule(rnd, i, target, siblings) {
  const lines = [`"""Module ${i}: ${pick(rnd, ['data loading', 'training loop', 'retrieval', 'evaluation', 'serving'])} helpers."""`, 'from __future__ import annotations', ''];
  for (const line of IMPORTS) if (rnd() < 0.35) lines.push(line);
  lines.push('import os', 'import json', 'import logging', 'from dataclasses import dataclass, field', 'from typing import Any');
  if (siblings.length && rnd() < 0.6) lines.push(`from .${pick(rnd, siblings)} import step_0`);
  lines.push('', 'logger = logging.getLogger(__name__)' , `RANK = ${8 * int(rnd, 1, 4)}`, `MODEL = os.getenv("MODEL", "${pick(rnd, MODELS)}")`, 'BASE_URL = os.environ.get("BASE_URL", "http://localhost:8000")', 'OUTPUT_DIR = "outputs"', '');
  lines.push('@dataclass', `class Settings${i}:`, '    learning_rate: float = 2e-4', `    batch_size: int = ${pick(rnd, [4, 8, 16, 32])}`, '    tags: list[str] = field(default_factory=list)', '');
  let size = lines.join('\n').length;
  let f = 0;
  while (size < target) {
    const block = rnd() < 0.3
      ? [`class Service${i}_${f}:`, `    """Wraps stage ${f}."""`, '', '    def __init__(self, settings: Settings' + i + ' | None = None):', '        self.settings = settings or Settings' + i + '()', `        self.cfg = LoraConfig(r=RANK, lora_alpha=${pick(rnd, [16, 32, 64])}, lora_dropout=0.05, target_modules=["q_proj", "v_proj"], task_type="CAUSAL_LM")`, '', ...functionBlock(rnd, f, 4, true)]
      : functionBlock(rnd, f, 0, false);
    lines.push(...block);
    size += block.join('\n').length + 1;
    f++;
  }
  if (rnd() < 0.2) lines.push('', 'if __name__ == "__main__":', '    parser = argparse.ArgumentParser(description="run")', '    parser.add_argument("--k", type=int, default=3)', '    args = parser.parse_args()', '    print(step_0(["a", "b"], k=args.k))');
  return `${lines.join('\n')}\n`;
}

function testModule(rnd, i, module) {
  const lines = ['import pytest', '', `from ${module.replace(/\//g, '.').replace(/\.py$/, '')} import step_0`, '', '@pytest.fixture', 'def batch():', `    return [${Array.from({ length: int(rnd, 2, 6) }, (_, n) => `"item-${n}"`).join(', ')}]`, ''];
  const tests = int(rnd, 1, 5);
  for (let t = 0; t < tests; t++) {
    if (rnd() < 0.4) lines.push(`@pytest.mark.parametrize("k", [${int(rnd, 1, 3)}, ${int(rnd, 4, 9)}])`, `def test_step_${i}_${t}(batch, k):`, '    result = step_0(batch, k=k)', '    assert isinstance(result, dict)', '');
    else lines.push(`def test_step_${i}_${t}(batch):`, '    assert step_0(batch) is not None', `    assert len(step_0([])) == 0`, '');
  }
  return lines.join('\n');
}

function notebook(rnd, i) {
  const cells = [{ cell_type: 'markdown', metadata: {}, source: [`# Experiment ${i}\n`, 'Baseline against the fine-tuned adapter.'] }];
  if (rnd() < 0.3) cells.push({ cell_type: 'code', metadata: {}, execution_count: 1, outputs: [], source: ['!pip install -q transformers==4.44.2 peft datasets'] });
  const count = int(rnd, 3, 10);
  for (let c = 0; c < count; c++) {
    const source = rnd() < 0.5
      ? ['import pandas as pd\n', `df = pd.read_csv("data/run_${i}.csv", sep=",", nrows=${int(rnd, 100, 5000)})\n`, `df = df[df["score"] > ${rnd().toFixed(2)}]\n`, 'df.describe()']
      : ['from transformers import AutoTokenizer\n', `tok = AutoTokenizer.from_pretrained("${pick(rnd, MODELS)}", use_fast=True)\n`, `lengths = [len(tok(t, truncation=True, max_length=512)["input_ids"]) for t in texts]\n`, 'print(sum(lengths) / len(lengths))'];
    cells.push({ cell_type: 'code', metadata: {}, execution_count: c + 2, outputs: [{ output_type: 'stream', name: 'stdout', text: [`${'0.1234 '.repeat(int(rnd, 10, 600))}\n`] }], source });
  }
  return JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { language: 'python', name: 'python3' } }, cells }, null, 1);
}

function tsModule(rnd, i) {
  const lines = [
    "import { ChatOpenAI } from '@langchain/openai';",
    "import express, { type Request, type Response } from 'express';",
    '',
    `export interface Query${i} { q: string; limit?: number; filters: Record<string, string> }`,
    '',
    `const llm${i} = new ChatOpenAI({ model: '${pick(rnd, MODELS)}', temperature: ${rnd().toFixed(1)}, maxRetries: ${int(rnd, 0, 5)} });`,
    'export const router = express.Router();',
  ];
  const routes = int(rnd, 1, 6);
  for (let r = 0; r < routes; r++) {
    lines.push(
      `router.${pick(rnd, ['get', 'post'])}('/r${i}/${r}', async (req: Request, res: Response) => {`,
      '  const query = String(req.query.q ?? "").slice(0, 2000);',
      `  const answer = await llm${i}.invoke(query, { timeout: ${int(rnd, 5, 60) * 1000} });`,
      '  res.json({ answer, at: Date.now() });',
      '});',
      '',
    );
  }
  lines.push(`export function handler${i}(xs: number[]): number { return xs.reduce((a, b) => a + b, 0); }`, '');
  return lines.join('\n');
}

const REQUIREMENTS = 'torch==2.3.0\ntransformers==4.44.2\npeft==0.12.0\nchromadb==0.5.5\nfastapi==0.112.0\nrequests>=2.31\nsentence-transformers\nopenai==1.40.0\n';

function pyproject(name) {
  return `[project]\nname = "${name}"\nversion = "0.1.0"\nrequires-python = ">=3.10"\ndependencies = [\n  "torch==2.3.0",\n  "transformers>=4.44,<5",\n  "peft==0.12.0",\n  "fastapi",\n]\n\n[project.optional-dependencies]\ndev = ["pytest==8.3.2", "ruff"]\n\n[tool.pytest.ini_options]\ntestpaths = ["tests"]\n`;
}

function dockerfile(rnd, service) {
  const base = pick(rnd, ['python:3.11-slim', 'python:3.11-slim@sha256:' + 'a'.repeat(64), 'nvidia/cuda:12.1.0-runtime-ubuntu22.04', 'python:latest']);
  return `FROM ${base}\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n${rnd() < 0.5 ? 'USER 1000\n' : ''}EXPOSE 8000\nCMD ["uvicorn", "${service}.api:app", "--host", "0.0.0.0"]\n`;
}

const CI = 'name: ci\non: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: "3.11"\n      - run: pip install -r requirements.txt pytest\n      - run: pytest -q\n';

/**
 * The corpus as a map of path → text: about `files` files, the Python modules sized so that they
 * add up to about `pythonBytes`. Deterministic for a given seed.
 */
export function corpusFiles(files, pythonBytes, seed = 42) {
  const rnd = random(seed);
  const out = new Map();
  out.set('README.md', '# Bench submission\n\nA retrieval-augmented assistant with a LoRA fine-tune.\n\n## Run\n\n```\npip install -r requirements.txt\npytest\n```\n');
  out.set('requirements.txt', REQUIREMENTS);
  out.set('pyproject.toml', pyproject('bench'));
  out.set('web/package.json', JSON.stringify({ name: 'bench-web', private: true, dependencies: { express: '^4.19.2', '@langchain/openai': '^0.2.5' }, devDependencies: { typescript: '5.5.4' } }, null, 2));
  out.set('Dockerfile', dockerfile(rnd, 'pkg'));
  out.set('.github/workflows/ci.yml', CI);
  out.set('docker-compose.yml', 'services:\n  api:\n    build: .\n    ports: ["8000:8000"]\n    environment:\n      - MODEL=${MODEL}\n');
  const pythonShare = 0.62;
  const meanModule = pythonBytes / Math.max(1, files * pythonShare);
  const modules = [];
  const siblingsOf = new Map();
  let i = 0;
  while (out.size < files) {
    const r = rnd();
    // Packages of ~25 modules, two levels deep: src/pkg_3/sub_1/module_77.py.
    const pkg = `src/pkg_${Math.floor(i / 100)}/sub_${Math.floor(i / 25) % 4}`;
    if (r < pythonShare) {
      const siblings = siblingsOf.get(pkg) ?? [];
      if (!siblings.length) out.set(`${pkg}/__init__.py`, `"""Package ${pkg}."""\n`);
      const path = `${pkg}/module_${i}.py`;
      out.set(path, pythonModule(rnd, i, meanModule * (0.3 + rnd() * 1.4), siblings.slice(-5)));
      siblings.push(`module_${i}`);
      siblingsOf.set(pkg, siblings);
      modules.push(path.slice('src/'.length));
    } else if (r < 0.8 && modules.length) out.set(`tests/test_module_${i}.py`, testModule(rnd, i, pick(rnd, modules)));
    else if (r < 0.85) out.set(`notebooks/exp_${i}.ipynb`, notebook(rnd, i));
    else if (r < 0.96) out.set(`web/src/routes/route_${i}.ts`, tsModule(rnd, i));
    else if (r < 0.98) {
      const service = `services/svc_${i}`;
      out.set(`${service}/Dockerfile`, dockerfile(rnd, `svc_${i}`));
      out.set(`${service}/requirements.txt`, REQUIREMENTS);
    } else out.set(`docs/note_${i}.md`, `# Note ${i}\n\n${'The evaluation uses a held-out split. '.repeat(int(rnd, 5, 50))}\n`);
    i++;
  }
  return out;
}

/** Writes the corpus of {@link corpusFiles} under `root`; returns its file count and bytes. */
export async function makeCorpus(root, files, pythonBytes = files * 2500, seed = 42) {
  const out = corpusFiles(files, pythonBytes, seed);
  let bytes = 0;
  let python = 0;
  const dirs = new Set([...out.keys()].map((path) => dirname(join(root, path))));
  for (const dir of dirs) await mkdir(dir, { recursive: true });
  for (const [path, text] of out) {
    await writeFile(join(root, path), text);
    const size = Buffer.byteLength(text);
    bytes += size;
    if (path.endsWith('.py')) python += size;
  }
  return { files: out.size, bytes, pythonBytes: python };
}
