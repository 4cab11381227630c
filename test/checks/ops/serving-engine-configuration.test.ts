import { describe, expect, it } from 'vitest';
import check from '../../../checks/ops/serving-engine-configuration.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const TGI_COMPOSE = [
  'services:',
  '  tgi:',
  '    image: ghcr.io/huggingface/text-generation-inference:2.0.4',
  '    command: >',
  '      --model-id TheBloke/Mistral-7B-Instruct-v0.2-AWQ',
  '      --quantize awq',
  '      --max-total-tokens 4096',
  '    deploy:',
  '      resources:',
  '        reservations:',
  '          devices:',
  '            - driver: nvidia',
  '              capabilities: [gpu]',
  '',
].join('\n');

const VLLM_K8S = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: { name: llm }',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: vllm',
  '          image: vllm/vllm-openai:v0.5.4',
  '          args:',
  '            - --model=meta-llama/Meta-Llama-3-8B-Instruct',
  '            - --tensor-parallel-size=2',
  '            - --gpu-memory-utilization=0.9',
  '          resources:',
  '            limits: { nvidia.com/gpu: 2 }',
  '',
].join('\n');

describe('ops/serving-engine-configuration', () => {
  it.each<CheckRow>([
    {
      name: 'a TGI compose service with launcher flags and a GPU',
      files: { 'docker-compose.yml': TGI_COMPOSE },
      expected: [{ kind: 'info', messageId: 'configured', at: 'docker-compose.yml:6' }],
    },
    {
      name: 'a vLLM compose service with no flags and no GPU',
      files: { 'compose.yaml': 'services:\n  llm:\n    image: vllm/vllm-openai:latest\n    ports: ["8000:8000"]\n' },
      expected: [
        { kind: 'concern', messageId: 'noGpu', at: 'compose.yaml:3' },
        { kind: 'info', messageId: 'defaults', at: 'compose.yaml:3' },
      ],
    },
    {
      name: 'an Ollama service needs no GPU to run',
      files: { 'docker-compose.yml': 'services:\n  ollama:\n    image: ollama/ollama:0.3.6\n    environment:\n      OLLAMA_NUM_PARALLEL: "4"\n' },
      expected: [{ kind: 'info', messageId: 'configured', at: 'docker-compose.yml:5' }],
    },
    {
      name: 'a vLLM Deployment with tensor parallelism and GPU limits',
      files: { 'k8s/llm.yaml': VLLM_K8S },
      expected: [{ kind: 'info', messageId: 'configured', at: 'k8s/llm.yaml:12' }],
    },
    {
      name: 'an in-process vLLM engine',
      files: { 'serve.py': 'from vllm import LLM\nllm = LLM(model="mistralai/Mistral-7B-v0.1",\n          tensor_parallel_size=1, gpu_memory_utilization=0.85, max_model_len=8192)\n' },
      expected: [{ kind: 'info', messageId: 'configured', at: 'serve.py:3' }],
    },
    {
      name: 'a launch script with continuation lines',
      files: { 'scripts/serve.sh': '#!/bin/sh\n# vllm serve is started below\nvllm serve Qwen/Qwen2-7B-Instruct \\\n  --max-num-seqs 64 \\\n  --enable-prefix-caching\n' },
      expected: [{ kind: 'info', messageId: 'configured', at: 'scripts/serve.sh:4' }],
    },
    {
      name: 'a Dockerfile built on the TGI image with no arguments',
      files: { Dockerfile: 'FROM ghcr.io/huggingface/text-generation-inference:2.0\nENV MODEL_ID=gpt2\n' },
      expected: [{ kind: 'info', messageId: 'defaults', at: 'Dockerfile:1' }],
    },
    {
      name: 'compose services that are no inference engine',
      files: { 'docker-compose.yml': 'services:\n  redis:\n    image: redis:7\n  api:\n    build: .\n    command: uvicorn app:app --max-total-tokens 5\n' },
      expected: [],
    },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('lists the values, each on its own line of evidence', async () => {
    const [finding] = await findingsOf(check, { 'docker-compose.yml': TGI_COMPOSE });
    expect(finding!.message).toBe('TGI in compose service `tgi` runs with quantize=awq, max_total_tokens=4096');
    const report = await findingsOf(check, { 'k8s/llm.yaml': VLLM_K8S });
    expect(report[0]!.message).toBe('vLLM in container `vllm` of Deployment runs with tensor_parallel_size=2, gpu_memory_utilization=0.9');
  });

  it('asks about a GPU engine deployed without a GPU', async () => {
    const findings = await findingsOf(check, { 'compose.yaml': 'services:\n  llm:\n    image: vllm/vllm-openai:latest\n' });
    expect(findings[0]!.question).toBe('vLLM at `compose.yaml:3` has no GPU reserved — where does it run in production, and what happens if it lands on a node without a GPU?');
  });
});
