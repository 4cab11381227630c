import { describe, expect, it } from 'vitest';
import type { Claim, ClaimDocument } from '../../src/claims/types.js';
import { at } from '../helpers/review-fixture.js';
import { reviewFiles } from '../helpers/review-files.js';

interface Row {
  name: string;
  files: Record<string, string>;
  external?: ClaimDocument[];
  /** Per subject: status, evidence as `path:line`, and words the `lookedFor` must hold. */
  expected: Record<string, { status: Claim['status']; evidence?: string[]; lookedFor?: string[]; implausible?: RegExp; origin?: string }>;
  /** Subjects that must not be claimed. */
  absent?: string[];
}

const NOTEBOOK = JSON.stringify({
  cells: [{ cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: ['import torch\n', 'print(torch.__version__)\n'] }],
  metadata: {},
  nbformat: 4,
  nbformat_minor: 5,
});

const QLORA_TRAIN = `from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, BitsAndBytesConfig

quant = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="nf4")
model = AutoModelForCausalLM.from_pretrained("mistralai/Mistral-7B-v0.1", quantization_config=quant)
model = get_peft_model(model, LoraConfig(r=8, lora_alpha=16))
`;

const RAG_APP = `import chromadb
from langchain_text_splitters import RecursiveCharacterTextSplitter
import ollama

client = chromadb.PersistentClient(path="db")
collection = client.get_or_create_collection("faq")


def answer(question):
    hits = collection.query(query_texts=[question], n_results=3)
    return ollama.chat(model="llama3:8b", messages=[{"role": "user", "content": question}])
`;

const EVAL = `import json


def evaluate(answers, expected):
    correct = sum(a == e for a, e in zip(answers, expected))
    accuracy = correct / len(expected)
    return accuracy
`;

describe('claims held against the code', () => {
  it.each<Row>([
    {
      name: 'QLoRA backed by a 4-bit base and a LoRA adapter is supported',
      files: { 'README.md': '# Support bot\n\nFine-tuned Mistral 7B with QLoRA.\n', 'train.py': QLORA_TRAIN, 'explore.ipynb': NOTEBOOK },
      expected: {
        qlora: { status: 'supported', evidence: ['train.py:4', 'train.py:6'], lookedFor: ['in 1 Python file and 1 notebook'] },
        'mistral-7b': { status: 'supported', evidence: ['train.py:5'] },
      },
      absent: ['lora', 'fine-tuning', '4-bit'],
    },
    {
      name: 'libraries the code imports are supported by their import lines',
      files: { 'README.md': 'Retrieval uses ChromaDB, with LangChain for splitting and Ollama for generation.\n', 'app.py': RAG_APP },
      expected: {
        chroma: { status: 'supported', evidence: ['app.py:1'] },
        langchain: { status: 'supported', evidence: ['app.py:2'] },
        ollama: { status: 'supported', evidence: ['app.py:3'] },
      },
    },
    {
      name: 'a library only declared in a manifest is contradicted by the manifest line',
      files: { 'README.md': 'Answers are scored with RAGAS.\n', 'requirements.txt': 'fastapi\nragas==0.1.9\n', 'app.py': 'import fastapi\n' },
      expected: { ragas: { status: 'contradicted', evidence: ['requirements.txt:2'], lookedFor: ['declared as a dependency but never imported', '1 manifest'] } },
    },
    {
      name: 'a vector store only declared in a manifest is contradicted by that line',
      files: { 'README.md': 'Embeddings are stored in FAISS.\n', 'requirements.txt': 'numpy\nfaiss-cpu==1.8.0\n', 'app.py': 'import numpy\n' },
      expected: { faiss: { status: 'contradicted', evidence: ['requirements.txt:2'], lookedFor: ['declared as a dependency but never imported'] } },
    },
    {
      name: 'a library nothing names is contradicted with no evidence',
      files: { 'README.md': 'Vectors live in Pinecone.\n', 'app.py': RAG_APP },
      expected: { pinecone: { status: 'contradicted', evidence: [], lookedFor: ['`pinecone`', 'in 1 Python file'] } },
    },
    {
      name: 'a model claim is supported by the model id in code, and a different model contradicts it',
      files: { 'README.md': 'Answers come from Llama 3 8B.\n', 'REPORT.md': 'We generate with Mistral 7B.\n', 'app.py': RAG_APP },
      expected: {
        'llama-3-8b': { status: 'supported', evidence: ['app.py:11'] },
        'mistral-7b': { status: 'contradicted', evidence: ['app.py:11'], lookedFor: ['`llama3:8b` instead'] },
      },
    },
    {
      name: 'a model id that leaves the size out does not contradict the size the prose gives',
      files: { 'README.md': 'Generation: Llama 3.2 3B.\n', 'app.py': 'import ollama\n\nMODEL = "llama3.2"\nollama.chat(model=MODEL, messages=[])\n' },
      expected: { 'llama-3.2-3b': { status: 'supported', evidence: ['app.py:3'] } },
    },
    {
      name: 'vLLM run from a compose file is supported by the image line; a container claim by the compose file',
      files: {
        'README.md': 'The model is served by vLLM with Docker Compose.\n',
        'docker-compose.yml': 'services:\n  llm:\n    image: vllm/vllm-openai:v0.6.3\n    command: --model mistralai/Mistral-7B-Instruct-v0.3\n',
      },
      expected: {
        vllm: { status: 'supported', evidence: ['docker-compose.yml:3'] },
        docker: { status: 'supported', evidence: ['docker-compose.yml:1'] },
      },
    },
    {
      name: 'vLLM only declared in requirements is contradicted by that line',
      files: { 'README.md': 'Inference runs on vLLM.\n', 'requirements.txt': 'vllm==0.6.3\n', 'app.py': 'from transformers import pipeline\n' },
      expected: { vllm: { status: 'contradicted', evidence: ['requirements.txt:1'], lookedFor: ['declared but never imported or run'] } },
    },
    {
      name: 'negated sentences claim nothing',
      files: { 'README.md': 'We did not use reranking. Kubernetes was not used.\nNo vector database: plain keyword search.\n', 'app.py': 'print(1)\n' },
      expected: {},
      absent: ['reranking', 'kubernetes', 'vector-database'],
    },
    {
      name: 'a clause after a negation is not claimed, the rest of the sentence is',
      files: { 'README.md': 'We used LoRA instead of full fine-tuning.\n', 'train.py': QLORA_TRAIN },
      expected: { lora: { status: 'supported' } },
      absent: ['full', 'fine-tuning'],
    },
    {
      name: 'a claim inside a code fence, a badge or a comment is ignored',
      files: {
        'README.md': '[![vLLM](https://img.shields.io/badge/vLLM-ready-blue)](https://docs.vllm.ai)\n\n<!-- TGI later -->\n\n```sh\npip install vllm  # QLoRA on Kubernetes\n```\n',
        'app.py': 'print(1)\n',
      },
      expected: {},
      absent: ['vllm', 'tgi', 'qlora', 'kubernetes'],
    },
    {
      name: 'an issue (CV excerpt) the repository does not show is unverifiable, not contradicted; the same words in a PR are contradicted',
      files: { 'README.md': '# App\n', 'app.py': 'print(1)\n' },
      external: [
        { origin: 'issue', path: 'issue body', text: 'Candidate CV:\n\nBuilt a RAG chatbot on Pinecone and deployed it with Kubernetes.\n' },
        { origin: 'pull-request', path: 'pull request description', text: 'This PR adds Docker support.\n' },
      ],
      expected: {
        rag: { status: 'unverifiable', evidence: [], lookedFor: ['may describe other work'], origin: 'issue' },
        pinecone: { status: 'unverifiable', evidence: [], origin: 'issue' },
        kubernetes: { status: 'unverifiable', evidence: [], origin: 'issue' },
        docker: { status: 'contradicted', evidence: [], lookedFor: ['Dockerfile'], origin: 'pull-request' },
      },
    },
    {
      name: 'pre-training GPT-3 from scratch is flagged implausible and contradicted by the from_pretrained load',
      files: {
        'README.md': 'I trained GPT-3 from scratch on my laptop.\n',
        'train.py': 'from transformers import AutoModelForCausalLM\n\nmodel = AutoModelForCausalLM.from_pretrained("gpt2")\n',
      },
      expected: { 'pre-training gpt-3': { status: 'contradicted', evidence: ['train.py:3'], lookedFor: ['from_config', 'pretrained checkpoint'], implausible: /over \$1M/ } },
      absent: ['gpt-3'],
    },
    {
      name: 'a metric whose value a committed results file holds is supported by that line',
      files: {
        'README.md': 'Accuracy: 0.9 on the 10 test questions.\n',
        'eval.py': EVAL,
        'results/eval.json': '{\n  "n": 10,\n  "accuracy": 0.9\n}\n',
      },
      expected: { 'accuracy 0.9': { status: 'supported', evidence: ['results/eval.json:3', 'eval.py:6'] } },
    },
    {
      name: 'a metric value in a results CSV column is supported by its row',
      files: { 'README.md': '| Run | F1 |\n|---|---|\n| final | 81% |\n', 'results/scores.csv': 'run,accuracy,f1\nbaseline,0.70,0.62\nfinal,0.88,0.81\n' },
      expected: { 'f1 81%': { status: 'supported', evidence: ['results/scores.csv:3'] } },
    },
    {
      name: 'a metric the code computes but no committed result holds is unverifiable, with the computing line',
      files: { 'README.md': 'We reach 80% accuracy.\n', 'eval.py': EVAL, 'results/eval.json': '{"accuracy": 0.9}\n' },
      expected: { 'accuracy 80%': { status: 'unverifiable', evidence: ['eval.py:6'], lookedFor: ['the value itself was not found in committed results', '1 committed results file'] } },
    },
  ])('$name', async ({ files, external, expected, absent }) => {
    const report = await reviewFiles(files, external ? { claimDocuments: external } : {});
    const bySubject = new Map(report.claims.map((c) => [c.subject, c]));
    for (const [subject, want] of Object.entries(expected)) {
      const claim = bySubject.get(subject);
      expect(claim, `a claim about ${subject} in ${JSON.stringify([...bySubject.keys()])}`).toBeDefined();
      expect(claim!.status, subject).toBe(want.status);
      if (want.evidence) expect(claim!.evidence.map(at), subject).toEqual(want.evidence);
      for (const words of want.lookedFor ?? []) expect(claim!.lookedFor, subject).toContain(words);
      if (want.implausible) expect(claim!.implausible).toMatch(want.implausible);
      else expect(claim!.implausible).toBeNull();
      if (want.origin) expect(claim!.source.origin).toBe(want.origin);
    }
    for (const subject of absent ?? []) expect(bySubject.has(subject), `${subject} is not claimed`).toBe(false);
    if (!Object.keys(expected).length) expect(report.claims).toEqual([]);
  });
});
