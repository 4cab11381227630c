import { describe, expect, it } from 'vitest';
import { at, itemsAt } from '../helpers/review-fixture.js';
import { reviewFiles } from '../helpers/review-files.js';

describe('stack.quantization', () => {
  it.each<{ name: string; files: Record<string, string>; expected: Record<string, string>; places?: Record<string, string[]> }>([
    {
      name: 'bitsandbytes 4-bit config and an 8-bit load',
      files: {
        'load.py': [
          'import torch', 'from transformers import AutoModelForCausalLM, BitsAndBytesConfig', '', 'bnb = BitsAndBytesConfig(', '    load_in_4bit=True,', '    bnb_4bit_quant_type="nf4",',
          '    bnb_4bit_compute_dtype=torch.bfloat16,', ')', 'small = AutoModelForCausalLM.from_pretrained("facebook/opt-350m", load_in_8bit=True)',
        ].join('\n'),
      },
      expected: { 'bitsandbytes-4bit': 'load.py:4', 'bitsandbytes-8bit': 'load.py:9' },
    },
    {
      name: 'GPTQ through transformers and AutoGPTQ',
      files: {
        'quantize.py': [
          'from auto_gptq import AutoGPTQForCausalLM', 'from transformers import GPTQConfig', '', 'config = GPTQConfig(bits=4, dataset="c4")',
          'model = AutoGPTQForCausalLM.from_quantized("TheBloke/Llama-2-7B-GPTQ")',
        ].join('\n'),
      },
      expected: { gptq: 'quantize.py:4' },
      places: { gptq: ['quantize.py:4', 'quantize.py:5'] },
    },
    {
      name: 'AWQ asked of vLLM',
      files: { 'serve.py': 'from vllm import LLM\n\nllm = LLM(model="TheBloke/Mistral-7B-Instruct-v0.2-AWQ", quantization="awq")\n' },
      expected: { awq: 'serve.py:3' },
    },
    {
      name: 'a GGUF file run by llama.cpp and an Ollama Modelfile',
      files: {
        'local.py': 'from llama_cpp import Llama\n\nllm = Llama(model_path="models/llama-3-8b-instruct.Q4_K_M.gguf", n_ctx=4096)\n',
        Modelfile: 'FROM ./models/llama-3-8b-instruct.Q4_K_M.gguf\nPARAMETER temperature 0.2\n',
      },
      expected: { gguf: 'local.py:3' },
      places: { gguf: ['local.py:3', 'Modelfile:1'] },
    },
    {
      name: 'ONNX export and ONNX Runtime inference',
      files: {
        'export.py': 'import torch\nimport onnxruntime as ort\n\ntorch.onnx.export(model, dummy, "encoder.onnx")\nsession = ort.InferenceSession("encoder.onnx")\n',
      },
      expected: { onnx: 'export.py:4' },
      places: { onnx: ['export.py:4', 'export.py:5'] },
    },
    {
      name: 'TensorRT engines built in code and by trtexec',
      files: { 'build.py': 'import tensorrt as trt\n\nbuilder = trt.Builder(trt.Logger())\n', 'build.sh': 'trtexec --onnx=encoder.onnx --saveEngine=encoder.plan --fp16\n' },
      expected: { tensorrt: 'build.py:3' },
      places: { tensorrt: ['build.py:3', 'build.sh:1'] },
    },
    {
      name: 'TGI --quantize flags: bitsandbytes is 8-bit, nf4 is 4-bit',
      files: {
        'docker-compose.yml': [
          'services:', '  a:', '    image: ghcr.io/huggingface/text-generation-inference:2.0', '    command: --model-id mistralai/Mistral-7B-v0.1 --quantize bitsandbytes',
          '  b:', '    image: ghcr.io/huggingface/text-generation-inference:2.0', '    command: ["--model-id", "mistralai/Mistral-7B-v0.1", "--quantize", "bitsandbytes-nf4"]',
        ].join('\n'),
      },
      expected: { 'bitsandbytes-8bit': 'docker-compose.yml:4', 'bitsandbytes-4bit': 'docker-compose.yml:7' },
    },
    {
      name: 'an 8-bit load in a training config',
      files: { 'configs/axolotl.yaml': 'base_model: mistralai/Mistral-7B-v0.1\nload_in_8bit: true\nadapter: lora\n' },
      expected: { 'bitsandbytes-8bit': 'configs/axolotl.yaml:2' },
    },
    {
      name: 'a pre-quantised checkpoint named by its id',
      files: { 'app.py': 'from unsloth import FastLanguageModel\n\nMODEL_NAME = "unsloth/llama-3-8b-bnb-4bit"\nmodel, tok = FastLanguageModel.from_pretrained(MODEL_NAME)\n' },
      expected: { 'bitsandbytes-4bit': 'app.py:3' },
    },
    {
      name: 'negative: 4-bit switched off, bitsandbytes and onnx only imported or installed, an .onnx path',
      files: {
        'train.py': 'import bitsandbytes\nimport onnx\nfrom transformers import AutoModel\n\nm = AutoModel.from_pretrained("bert-base-uncased", load_in_4bit=False)\nPATH = "model.onnx"\n',
        'requirements.txt': 'bitsandbytes\nauto-gptq\nonnxruntime\n',
      },
      expected: {},
    },
  ])('$name', async ({ files, expected, places }) => {
    const { stack } = await reviewFiles(files);
    expect(itemsAt(stack.quantization)).toEqual(expected);
    for (const [id, lines] of Object.entries(places ?? {})) expect(stack.quantization.find((i) => i.id === id)?.evidence.map(at)).toEqual(lines);
  });
});
