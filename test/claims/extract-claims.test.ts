import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/claims/extract-claims.js';
import type { ClaimDocument } from '../../src/claims/types.js';

const readme = (text: string, path = 'README.md'): ClaimDocument => ({ origin: 'repository', path, text });
/** `subject @ line` of each claim, the way a reader scans the claims list. */
const claimsIn = (...documents: ClaimDocument[]) => extractClaims(documents).map((c) => `${c.subject} @ ${c.source.path}:${c.source.line}`);
const subjectsOf = (text: string) => extractClaims([readme(text)]).map((c) => c.subject);

describe('claims read from prose', () => {
  it.each<[string, string, string[]]>([
    ['a technique, a model and a result in one sentence', 'We fine-tuned Llama 2 7B with QLoRA and got 95% accuracy.', ['llama-2-7b', 'qlora', 'accuracy 95%']],
    ['libraries by their prose names', 'Built on Hugging Face Transformers, PyTorch, LlamaIndex and ChromaDB.', ['transformers', 'torch', 'llamaindex', 'chroma']],
    ['"Transformers" alone is the architecture, not the library', 'Transformers changed NLP.', []],
    ['serving, quantisation and deployment', 'Served by vLLM with AWQ weights in Docker on k8s, with GitHub Actions CI.', ['vllm', 'awq', 'docker', 'kubernetes', 'ci']],
    ['reranking and LLM-as-a-judge evaluation', 'A cross-encoder reranks the hits; answers were judged by an LLM.', ['reranking', 'llm-judge']],
    ['negation takes the rest of its clause', 'We used LoRA, not full fine-tuning, and no reranking.', ['lora']],
    ['a passive negation takes the whole clause', 'Reranking was not used. Docker wasn\'t needed either.', []],
    ['a result stands even after a negated clause', 'Without reranking, the accuracy was 70%.', ['accuracy 70%']],
    ['plans and wishes claim nothing', 'We could add reranking. Next steps: DPO. TODO: Kubernetes. With more time I would try vLLM.', []],
    ['"fine tuning" spelt with a space, and LLM as judge without an article', 'Fine tuning helped; answers were scored by LLM as judge.', ['fine-tuning', 'llm-judge']],
    ['a confidence interval is not CI, an OpenAI-compatible API is not OpenAI', 'Accuracy 0.8 (95% CI [0.7, 0.9]) against an OpenAI-compatible API.', ['accuracy 0.8']],
    ['an option only considered claims nothing', 'We considered using transformers and LangChain, but did not.', []],
    ['"a pre-trained model" is not a claim to have pre-trained one', 'We used a pre-trained BERT model.', ['bert']],
  ])('%s', (_name, text, subjects) => {
    expect(subjectsOf(text)).toEqual(subjects);
  });

  it.each<[string, string]>([
    ['Llama-3-8B', 'llama-3-8b'],
    ['Llama 3.1 8B Instruct', 'llama-3.1-8b'],
    ['Mistral 7B Instruct', 'mistral-7b'],
    ['GPT-4o-mini', 'gpt-4o-mini'],
    ['GPT-3.5', 'gpt-3.5'],
    ['Phi-3-mini', 'phi-3-mini'],
    ['Qwen2.5-7B', 'qwen-2.5-7b'],
    ['qwen2.5:7b', 'qwen-2.5-7b'],
    ['Gemma 2B', 'gemma-2b'],
    ['`meta-llama/Llama-2-7b-hf`', 'llama-2-7b'],
    ['all-MiniLM-L6-v2', 'minilm'],
  ])('the model %s is claimed as %s', (name, subject) => {
    expect(subjectsOf(`The answers come from ${name}.`)).toContain(subject);
  });

  it.each(['llama.cpp', 'LlamaIndex', 'Ollama', 'GPT', 'philosophy'])('%s names no model', (word) => {
    expect(extractClaims([readme(`We rely on ${word}.`)]).filter((c) => c.kind === 'model')).toEqual([]);
  });

  it.each<[string, string]>([
    ['accuracy 92%', 'accuracy 92%'],
    ['92% accuracy', 'accuracy 92%'],
    ['F1 of 0.81', 'f1 0.81'],
    ['recall@5 0.9', 'recall@5 0.9'],
    ['exact match 80%', 'exact-match 80%'],
    ['+15% accuracy', 'accuracy +15%'],
    ['a 12% improvement in accuracy', 'accuracy +12%'],
    ['latency halved', 'latency halved'],
    ['latency reduced by 40%', 'latency -40%'],
    ['accuracy went from 70% to 85%', 'accuracy 85%'],
    ['accuracy on the 10 test questions was 80%', 'accuracy 80%'],
    ['8/10 correct answers', 'accuracy 8/10'],
  ])('"%s" is the result %s', (text, subject) => {
    expect(subjectsOf(`Result: ${text}.`)).toEqual([subject]);
  });

  it('claims at the line where the words are written, across a wrapped paragraph', () => {
    expect(claimsIn(readme('# Bot\n\nWe fine-tuned the model\nwith QLoRA on a single GPU and served\nit with vLLM.\n'))).toEqual([
      'qlora @ README.md:4',
      'vllm @ README.md:5',
    ]);
  });

  it('leaves out code, comments, images, link targets and "Future work" sections, and reads on after them', () => {
    const text = [
      '# RAG bot', // 1
      '', // 2
      '![Pinecone logo](https://example.com/pinecone.png) See [the docs](https://docs.vllm.ai/qlora).', // 3
      '<!-- we also used Weaviate -->', // 4
      '```python', // 5
      'from peft import LoraConfig  # QLoRA', // 6
      '```', // 7
      '', // 8
      '## Future work', // 9
      '', // 10
      '- Add reranking with a cross-encoder.', // 11
      '', // 12
      '### Kubernetes deployment', // 13
      'Helm charts would help.', // 14
      '', // 15
      '## Results', // 16
      '', // 17
      '| Metric | Value |', // 18
      '|---|---|', // 19
      '| Accuracy | 0.92 |', // 20
    ].join('\n');
    expect(claimsIn(readme(text))).toEqual(['rag @ README.md:1', 'accuracy 0.92 @ README.md:20']);
  });

  it('a "Future work:" label skips what follows up to the next heading; a list item that merely mentions improvements does not', () => {
    const text = '- Improvements: a FastAPI endpoint with validation.\n\n**Next steps:**\n\n- DPO on preference data.\n\n## Serving\n\nServed with vLLM.\n';
    expect(claimsIn(readme(text))).toEqual(['fastapi @ README.md:1', 'vllm @ README.md:9']);
  });

  it('claims a subject once per document (the first), and again in another document', () => {
    const text = 'QLoRA on Mistral 7B.\n\nMore QLoRA details. Mistral was fast.\n';
    expect(claimsIn(readme(text), { origin: 'pull-request', path: 'pull request description', text: 'Switched to QLoRA.' })).toEqual([
      'qlora @ README.md:1',
      'mistral-7b @ README.md:1',
      'qlora @ pull request description:1',
    ]);
  });

  it('flags pre-training at LLM scale as implausible, and keeps a small from-scratch model plausible', () => {
    const [gpt3, seventy, own, small] = extractClaims([
      readme('I trained GPT-3 from scratch.\n\nWe pre-trained a 70B model.\n\nWe trained our own LLM from scratch.\n\nI trained a tiny CNN from scratch.\n'),
    ]);
    expect([gpt3?.subject, seventy?.subject, own?.subject, small?.subject]).toEqual(['pre-training gpt-3', 'pre-training 70B model', 'pre-training an LLM', 'pre-training']);
    for (const claim of [gpt3, seventy, own]) expect(claim).toMatchObject({ kind: 'scale', implausible: expect.stringContaining('$1M') });
    expect(small?.implausible).toBeNull();
  });

  it('a fine-tuning sentence is not a pre-training claim', () => {
    expect(subjectsOf('We fine-tuned a model we had trained from scratch on GPT-3 style data.')).not.toContain('pre-training');
  });
});
