// Generates a synthetic submission with a fixed seed: realistic Python modules, notebooks,
// TypeScript files, manifests and Dockerfiles. Nothing is downloaded.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

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

const IMPORTS = [
  'import os', 'import json', 'import torch', 'import numpy as np', 'from transformers import AutoModelForCausalLM, AutoTokenizer',
  'from peft import LoraConfig, get_peft_model', 'import chromadb', 'from sentence_transformers import SentenceTransformer',
  'from fastapi import FastAPI', 'from langchain_text_splitters import RecursiveCharacterTextSplitter',
];

function pythonModule(rnd, i) {
  const lines = [`"""Module ${i}."""`];
  for (const line of IMPORTS) if (rnd() < 0.4) lines.push(line);
  lines.push('', `RANK_${i} = ${8 * (1 + Math.floor(rnd() * 4))}`, `MODEL_${i} = os.getenv("MODEL", "meta-llama/Llama-2-7b-hf")` , '');
  const functions = 4 + Math.floor(rnd() * 8);
  for (let f = 0; f < functions; f++) {
    lines.push(`def step_${f}(data: list[str], k: int = ${f + 1}) -> dict:`);
    lines.push(`    """Process ${f}."""`);
    lines.push('    out = {}');
    lines.push('    for i, item in enumerate(data):');
    lines.push(`        if len(item) > ${f * 10}:`);
    lines.push(`            out[item] = json.dumps({"k": k, "i": i, "name": "step_${f}"})`);
    lines.push('    return out', '');
  }
  lines.push(`class Service${i}:`, '    def __init__(self):', `        self.cfg = LoraConfig(r=RANK_${i}, lora_alpha=32, target_modules=["q_proj", "v_proj"])`, '');
  return lines.join('\n');
}

function testModule(i) {
  return [`from pkg.module_${i} import step_0`, '', `def test_step_${i}():`, '    assert step_0(["abc"]) is not None', ''].join('\n');
}

function notebook(rnd, i) {
  const cells = [{ cell_type: 'markdown', metadata: {}, source: [`# Experiment ${i}`] }];
  for (let c = 0; c < 6; c++) {
    cells.push({ cell_type: 'code', metadata: {}, execution_count: null, outputs: [{ output_type: 'stream', name: 'stdout', text: ['x'.repeat(2000)] }], source: ['import pandas as pd\n', `df = pd.DataFrame({"a": [${c}, ${Math.floor(rnd() * 100)}]})\n`, 'df.describe()'] });
  }
  return JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { language: 'python' } }, cells });
}

function tsModule(i) {
  return [
    "import { ChatOpenAI } from '@langchain/openai';",
    "import express from 'express';",
    `const llm${i} = new ChatOpenAI({ model: 'gpt-4o-mini', temperature: 0 });`,
    'const app = express();',
    `app.get('/r${i}', async (req, res) => { res.json(await llm${i}.invoke(String(req.query.q))); });`,
    `export function handler${i}(xs: number[]): number { return xs.reduce((a, b) => a + b, 0); }`,
    '',
  ].join('\n');
}

/** Writes a corpus of about `files` files under `root`. */
export async function makeCorpus(root, files, seed = 42) {
  const rnd = random(seed);
  const out = new Map();
  out.set('requirements.txt', 'torch==2.3.0\ntransformers==4.44.2\npeft==0.12.0\nchromadb==0.5.5\nfastapi==0.112.0\npytest==8.3.2\n');
  out.set('package.json', JSON.stringify({ name: 'bench', dependencies: { express: '^4', '@langchain/openai': '^0.2' } }, null, 2));
  out.set('Dockerfile', 'FROM python:3.11-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["uvicorn", "pkg.api:app"]\n');
  let i = 0;
  while (out.size < files) {
    const r = rnd();
    if (r < 0.7) out.set(`pkg/module_${i}.py`, pythonModule(rnd, i));
    else if (r < 0.82) out.set(`tests/test_module_${i}.py`, testModule(i));
    else if (r < 0.88) out.set(`notebooks/exp_${i}.ipynb`, notebook(rnd, i));
    else out.set(`web/src/route_${i}.ts`, tsModule(i));
    i++;
  }
  let bytes = 0;
  for (const [path, text] of out) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
    bytes += Buffer.byteLength(text);
  }
  return { files: out.size, bytes };
}
