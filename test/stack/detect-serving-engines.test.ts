import { describe, expect, it } from 'vitest';
import { at, itemsAt } from '../helpers/review-fixture.js';
import { reviewFiles } from '../helpers/review-files.js';

describe('stack.servingEngines', () => {
  it.each<{ name: string; files: Record<string, string>; expected: Record<string, string>; places?: string[] }>([
    {
      name: 'a vLLM image in compose',
      files: { 'docker-compose.yml': 'services:\n  llm:\n    image: vllm/vllm-openai:v0.5.4\n    command: --model Qwen/Qwen2-7B-Instruct\n' },
      expected: { vllm: 'docker-compose.yml:3' },
    },
    {
      name: 'a Dockerfile built on TGI',
      files: { Dockerfile: '# model server\nFROM ghcr.io/huggingface/text-generation-inference:2.0.4\nENV MODEL_ID=mistralai/Mistral-7B-Instruct-v0.2\n' },
      expected: { tgi: 'Dockerfile:2' },
    },
    {
      name: '`vllm serve` in a launch script, continuation lines joined',
      files: { 'scripts/serve.sh': '#!/bin/sh\nvllm serve meta-llama/Meta-Llama-3-8B-Instruct \\\n  --tensor-parallel-size 2\n' },
      expected: { vllm: 'scripts/serve.sh:2' },
    },
    {
      name: 'the vLLM OpenAI server started by a Kubernetes container command',
      files: {
        'k8s/llm.yaml': [
          'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: llm', 'spec:', '  template:', '    spec:', '      containers:',
          '        - name: llm', '          image: python:3.11', '          command: ["python", "-m", "vllm.entrypoints.openai.api_server"]', '          args: ["--model", "x/y"]',
        ].join('\n'),
      },
      expected: { vllm: 'k8s/llm.yaml:11' },
    },
    {
      name: 'vLLM run in-process: the LLM(...) call, not the import',
      files: { 'offline.py': 'from vllm import LLM, SamplingParams\n\nllm = LLM(model="Qwen/Qwen2-0.5B")\nout = llm.generate(["hi"], SamplingParams(max_tokens=8))\n' },
      expected: { vllm: 'offline.py:3' },
    },
    {
      name: 'Ollama called from Python and from TypeScript',
      files: {
        'rag.py': 'import ollama\n\n\ndef ask(q):\n    return ollama.chat(model="llama3", messages=[{"role": "user", "content": q}])\n',
        'web/ask.ts': "import ollama from 'ollama';\n\nexport async function ask(q: string) {\n  return ollama.chat({ model: 'llama3', messages: [{ role: 'user', content: q }] });\n}\n",
      },
      expected: { ollama: 'rag.py:5' },
      places: ['rag.py:5', 'web/ask.ts:4'],
    },
    {
      name: 'Triton: the server image, a client call and a model repository',
      files: {
        'docker-compose.yml': 'services:\n  triton:\n    image: nvcr.io/nvidia/tritonserver:24.05-py3\n    command: tritonserver --model-repository=/models\n',
        'client.py': 'import tritonclient.http as httpclient\n\nclient = httpclient.InferenceServerClient(url="localhost:8000")\n',
        'models/embedder/config.pbtxt': 'name: "embedder"\nbackend: "onnxruntime"\nmax_batch_size: 32\n',
      },
      expected: { triton: 'client.py:3' },
      places: ['client.py:3', 'docker-compose.yml:3', 'docker-compose.yml:4', 'models/embedder/config.pbtxt:2'],
    },
    {
      name: 'the llama.cpp server image and `llama-server`',
      files: {
        'compose.yaml': 'services:\n  llm:\n    image: ghcr.io/ggerganov/llama.cpp:server\n',
        'run.sh': 'llama-server -m models/phi-3.Q4_K_M.gguf --port 8080\n',
      },
      expected: { 'llama-cpp-server': 'compose.yaml:3' },
      places: ['compose.yaml:3', 'run.sh:1'],
    },
    {
      name: 'a Ray Serve deployment',
      files: {
        'serve_app.py': ['from ray import serve', '', '', '@serve.deployment(num_replicas=2)', 'class Generator:', '    def __call__(self, request):', '        return "ok"', '', '', 'serve.run(Generator.bind())'].join('\n'),
      },
      expected: { 'ray-serve': 'serve_app.py:4' },
      places: ['serve_app.py:4', 'serve_app.py:5', 'serve_app.py:10'],
    },
    {
      name: 'a BentoML service',
      files: { 'service.py': ['import bentoml', '', '', '@bentoml.service(resources={"gpu": 1})', 'class Summarizer:', '    @bentoml.api', '    def summarize(self, text: str) -> str:', '        return text'].join('\n') },
      expected: { bentoml: 'service.py:5' },
    },
    {
      name: 'TorchServe started from a script',
      files: { 'serve.sh': 'torch-model-archiver --model-name llm --version 1.0 --handler handler.py\ntorchserve --start --model-store model_store --models llm=llm.mar\n' },
      expected: { torchserve: 'serve.sh:1' },
      places: ['serve.sh:1', 'serve.sh:2'],
    },
    {
      name: 'SGLang launched by a Dockerfile CMD',
      files: { Dockerfile: 'FROM python:3.11\nCMD ["python", "-m", "sglang.launch_server", "--model-path", "Qwen/Qwen2-7B-Instruct"]\n' },
      expected: { sglang: 'Dockerfile:2' },
    },
    {
      name: 'an OpenAI-compatible client pointed at a vLLM server',
      files: { 'client.py': 'from openai import OpenAI\n\nclient = OpenAI(base_url="http://vllm:8000/v1", api_key="EMPTY")\n' },
      expected: { vllm: 'client.py:3' },
    },
    {
      name: 'negative: vLLM installed and imported, llama.cpp in-process, `npx serve`, a route named /api/generate',
      files: {
        'requirements.txt': 'vllm==0.5.4\nllama-cpp-python==0.2.90\n',
        Dockerfile: 'FROM python:3.11\nRUN pip install vllm\nCMD ["npx", "serve", "-s", "build"]\n',
        'app.py': [
          'import vllm', 'from fastapi import FastAPI', 'from llama_cpp import Llama', '', 'app = FastAPI()', 'llm = Llama(model_path="models/phi.gguf")', '', '',
          '@app.post("/api/generate")', 'def generate(prompt: str):', '    return llm(prompt)',
        ].join('\n'),
      },
      expected: {},
    },
  ])('$name', async ({ files, expected, places }) => {
    const { stack } = await reviewFiles(files);
    expect(itemsAt(stack.servingEngines)).toEqual(expected);
    if (places) expect(stack.servingEngines[0]?.evidence.map(at)).toEqual(places);
  });

  it('lists every place an engine is run or called, strongest first', async () => {
    const { stack } = await reviewFiles({
      'docker-compose.yml': 'services:\n  ollama:\n    image: ollama/ollama:0.3.12\n  api:\n    build: .\n    environment:\n      OLLAMA_URL: http://ollama:11434\n',
      'app/llm.py': 'import ollama\n\n\ndef ask(q):\n    return ollama.generate(model="llama3", prompt=q)\n',
    });
    expect(stack.servingEngines).toEqual([
      {
        id: 'ollama',
        evidence: [
          { path: 'app/llm.py', line: 5, snippet: 'return ollama.generate(model="llama3", prompt=q)' },
          { path: 'docker-compose.yml', line: 3, snippet: 'image: ollama/ollama:0.3.12' },
          { path: 'docker-compose.yml', line: 7, snippet: 'OLLAMA_URL: http://ollama:11434' },
        ],
      },
    ]);
  });
});
