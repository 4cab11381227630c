/**
 * The words a candidate's prose makes claims with, and what each claim is checked against.
 * Every pattern runs over the candidate's own text: no nested unbounded quantifier, so each runs in
 * linear time; `g` patterns are only used through `matchAll`, which works on a copy.
 */

/** A technique the prose can claim, checked by the verifier of the same `subject` (verify-techniques.ts). */
export interface TechniqueTerm {
  pattern: RegExp;
  subject: string;
  /** Less specific subjects this one implies: "QLoRA" is also LoRA, 4-bit and fine-tuning, so those are not claimed again. */
  covers?: readonly string[];
}

/** Techniques, most specific first: "QLoRA" is read before "LoRA", "SFT" before "fine-tuning". */
export const TECHNIQUES: readonly TechniqueTerm[] = [
  { pattern: /\bq-?lora\b/gi, subject: 'qlora', covers: ['lora', 'fine-tuning', '4-bit', 'quantization', 'bitsandbytes'] },
  { pattern: /(?<![\w-])lora(?:config)?\b|\blow[- ]rank adapt(?:ation|ers?)\b/gi, subject: 'lora', covers: ['fine-tuning'] },
  { pattern: /\bfull(?:[- ]parameter)? fine[- ]?tun(?:e|ed|ing)\b/gi, subject: 'full', covers: ['fine-tuning'] },
  { pattern: /\bsft\b|\bsupervised fine[- ]?tun(?:e|ed|ing)\b/gi, subject: 'sft', covers: ['fine-tuning'] },
  { pattern: /\bdpo\b|\bdirect preference optimi[sz]ation\b/gi, subject: 'dpo', covers: ['fine-tuning'] },
  { pattern: /\bfine[- ]?tun(?:e|ed|es|ing)\b/gi, subject: 'fine-tuning' },
  { pattern: /\brag\b|\bretrieval[- ]augmented(?: generation)?\b/gi, subject: 'rag' },
  { pattern: /\bre-?rank(?:ing|er|ers|ed)?\b|\bcross[- ]encoders?\b/gi, subject: 'reranking' },
  { pattern: /\bvector (?:db|database|store|index|search)s?\b/gi, subject: 'vector-database' },
  { pattern: /\bvllm\b/gi, subject: 'vllm' },
  { pattern: /\btgi\b|\btext[- ]generation[- ]inference\b/gi, subject: 'tgi' },
  { pattern: /\bgptq\b/gi, subject: 'gptq', covers: ['quantization'] },
  { pattern: /\bawq\b/gi, subject: 'awq', covers: ['quantization'] },
  { pattern: /\bgguf\b/gi, subject: 'gguf', covers: ['quantization'] },
  { pattern: /\b4-?bit\b|\bint4\b|\bnf4\b/gi, subject: '4-bit', covers: ['quantization'] },
  { pattern: /\b8-?bit\b|\bint8\b/gi, subject: '8-bit', covers: ['quantization'] },
  { pattern: /\bquanti[sz](?:ation|ed|e|es|ing)\b/gi, subject: 'quantization' },
  { pattern: /\bhelm(?: charts?)?\b/gi, subject: 'helm', covers: ['kubernetes'] },
  { pattern: /\bkubernetes\b|\bk8s\b|\bkubectl\b/gi, subject: 'kubernetes' },
  { pattern: /\bdocker(?:file|i[sz]ed|[- ]compose)?\b|\bcontaineri[sz](?:ed|ation)\b/gi, subject: 'docker' },
  // Not a confidence interval: "95% CI", "CI [0.7, 0.9]".
  { pattern: /(?<!%\s?)\bCI(?:\/CD)?\b(?!\s?[\[(]?\d)/g, subject: 'ci' },
  { pattern: /\bcontinuous integration\b|\bgithub actions\b|\bgitlab[- ]ci\b/gi, subject: 'ci' },
  { pattern: /\bllm[- ]as[- ](?:an?[- ])?judge\b|\bllm[- ]judge\b|\b(?:judged|graded|scored|evaluated) (?:by|with) (?:an? )?(?:llm|gpt-?4\w{0,4}|language model)\b/gi, subject: 'llm-judge' },
];

/** Where a library id lives in the detected stack. */
export type StackSection = 'libraries' | 'vectorStores' | 'apiFrameworks' | 'testFrameworks';

/** A library as prose names it, mapped to the canonical id of the JSON contract. */
export interface LibraryTerm {
  pattern: RegExp;
  /** Canonical id (report-json.md). */
  subject: string;
  section: StackSection;
  /** Other ids that also prove it (`langchain` in prose may be LangChain.js). */
  alsoIds?: readonly string[];
}

const lib = (subject: string, pattern: RegExp, section: StackSection = 'libraries', alsoIds?: readonly string[]): LibraryTerm =>
  alsoIds ? { pattern, subject, section, alsoIds } : { pattern, subject, section };

/** Libraries, vector stores, API and test frameworks by the names prose gives them. */
export const LIBRARIES: readonly LibraryTerm[] = [
  lib('transformers-js', /\btransformers\.js\b/gi),
  // "Transformers" alone is the architecture; the library is lower-case or named with Hugging Face.
  lib('transformers', /(?:\bhugging ?face(?:'s)?|\bhf|🤗) transformers\b|\btransformers (?:library|package)\b/gi),
  lib('transformers', /(?<![\w.-])transformers(?![\w.-])/g),
  lib('peft', /\bpeft\b/gi),
  lib('trl', /\btrl\b/gi),
  lib('bitsandbytes', /\bbitsandbytes\b/gi),
  lib('accelerate', /(?:\bhugging ?face|\bhf|🤗) accelerate\b|\baccelerate (?:library|launch)\b/gi),
  lib('deepspeed', /\bdeep ?speed\b/gi),
  lib('torch', /\bpy ?torch\b|\btorch\b/gi),
  lib('tensorflow', /\btensor ?flow\b|\bkeras\b/gi),
  lib('jax', /\bjax\b|\bflax\b/gi),
  lib('sentence-transformers', /\bsentence[- ]transformers?\b|\bsbert\b/gi),
  lib('unsloth', /\bunsloth\b/gi),
  lib('langchain', /\blang ?chain(?:\.js)?\b/gi, 'libraries', ['langchainjs']),
  lib('llamaindex', /\bllama[- _]?index\b/gi),
  lib('haystack', /\bhaystack\b/gi),
  lib('dspy', /\bdspy\b/gi),
  lib('openai', /\bopen ?ai\b(?![- ]compatible)/gi),
  lib('anthropic', /\banthropic\b/gi),
  lib('ollama', /\bollama\b/gi),
  lib('llama-cpp', /\bllama[.\-_ ]?cpp\b/gi),
  lib('cohere', /\bcohere\b/gi),
  lib('huggingface-hub', /\bhugging ?face[_ -]hub\b|\bhf hub\b/gi),
  lib('datasets', /(?:\bhugging ?face|\bhf|🤗) datasets\b|\bdatasets library\b/gi),
  lib('ragas', /\bragas\b/gi),
  lib('deepeval', /\bdeep ?eval\b/gi),
  lib('mlflow', /\bml ?flow\b/gi),
  lib('wandb', /\bwandb\b|\bweights (?:&|and) biases\b|\bW&B\b/gi),
  lib('chroma', /\bchroma(?:db)?\b/gi, 'vectorStores'),
  lib('faiss', /\bfaiss\b/gi, 'vectorStores'),
  lib('qdrant', /\bqdrant\b/gi, 'vectorStores'),
  lib('weaviate', /\bweaviate\b/gi, 'vectorStores'),
  lib('pinecone', /\bpinecone\b/gi, 'vectorStores'),
  lib('pgvector', /\bpg ?vector\b/gi, 'vectorStores'),
  lib('milvus', /\bmilvus\b/gi, 'vectorStores'),
  lib('lancedb', /\blance ?db\b/gi, 'vectorStores'),
  lib('elasticsearch', /\belastic ?search\b/gi, 'vectorStores'),
  lib('opensearch', /\bopen ?search\b/gi, 'vectorStores'),
  lib('mongodb-atlas', /\bmongodb atlas\b|\batlas vector search\b/gi, 'vectorStores'),
  lib('fastapi', /\bfast ?api\b/gi, 'apiFrameworks'),
  lib('flask', /\bflask\b/gi, 'apiFrameworks'),
  lib('django', /\bdjango\b/gi, 'apiFrameworks'),
  lib('express', /\bexpress\.js\b|\bExpress\b/g, 'apiFrameworks'),
  lib('fastify', /\bfastify\b/gi, 'apiFrameworks'),
  lib('nestjs', /\bnest\.?js\b/gi, 'apiFrameworks'),
  lib('nextjs', /\bnext\.js\b/gi, 'apiFrameworks'),
  lib('gradio', /\bgradio\b/gi, 'apiFrameworks'),
  lib('streamlit', /\bstreamlit\b/gi, 'apiFrameworks'),
  lib('bentoml', /\bbento ?ml\b/gi, 'apiFrameworks'),
  lib('pytest', /\bpytest\b/gi, 'testFrameworks'),
  lib('jest', /\bjest\b/gi, 'testFrameworks'),
  lib('vitest', /\bvitest\b/gi, 'testFrameworks'),
  lib('mocha', /\bmocha\b/gi, 'testFrameworks'),
];

/** What a model family is used for: a generator is not contradicted by an embedding model. */
export type ModelRole = 'generative' | 'encoder';

/**
 * Model families as prose and model ids spell them (longest names first). The variants kept in
 * a subject (`gpt-4o-mini`, `phi-3-mini`) follow the version.
 */
export const MODEL_FAMILIES: readonly { name: string; canonical: string; role: ModelRole; needsVersion?: true }[] = [
  { name: 'code ?llama', canonical: 'codellama', role: 'generative' },
  { name: 'tiny ?llama', canonical: 'tinyllama', role: 'generative' },
  { name: 'llama', canonical: 'llama', role: 'generative' },
  { name: 'mixtral', canonical: 'mixtral', role: 'generative' },
  { name: 'mistral', canonical: 'mistral', role: 'generative' },
  { name: 'gemma', canonical: 'gemma', role: 'generative' },
  { name: 'qwen', canonical: 'qwen', role: 'generative' },
  { name: 'phi', canonical: 'phi', role: 'generative', needsVersion: true },
  { name: 'gpt', canonical: 'gpt', role: 'generative', needsVersion: true },
  { name: 'claude', canonical: 'claude', role: 'generative' },
  { name: 'falcon', canonical: 'falcon', role: 'generative' },
  { name: 'deepseek', canonical: 'deepseek', role: 'generative' },
  { name: 'starcoder', canonical: 'starcoder', role: 'generative' },
  { name: 'zephyr', canonical: 'zephyr', role: 'generative' },
  { name: 'vicuna', canonical: 'vicuna', role: 'generative' },
  { name: 'flan-t5', canonical: 'flan-t5', role: 'generative' },
  { name: 't5', canonical: 't5', role: 'generative' },
  { name: 'distilbert', canonical: 'distilbert', role: 'encoder' },
  { name: 'roberta', canonical: 'roberta', role: 'encoder' },
  { name: 'bert', canonical: 'bert', role: 'encoder' },
  { name: 'minilm', canonical: 'minilm', role: 'encoder' },
  { name: 'mpnet', canonical: 'mpnet', role: 'encoder' },
  { name: 'bge', canonical: 'bge', role: 'encoder' },
  { name: 'e5', canonical: 'e5', role: 'encoder' },
  { name: 'nomic-embed', canonical: 'nomic-embed', role: 'encoder' },
  { name: 'text-embedding', canonical: 'text-embedding', role: 'encoder' },
];

/** Variant words kept after a version: `gpt-4o-mini`, `phi-3-mini`, `claude 3.5 sonnet`. */
export const MODEL_VARIANTS = /^[\s-]?(mini|nano|turbo|small|medium|sonnet|haiku|opus)(?![a-z])/i;

/**
 * Metric words a result is reported with, each with its canonical name. `@k` stays in the name
 * (`recall@5`). Ordered so the longer phrase wins.
 */
export const METRIC_WORD =
  /(?<![\w@-])(exact[ -]match|top-\d{1,2} accuracy|accuracy|f1(?:[ -]?score)?|precision(?: ?@ ?(?:\d{1,3}|k))?|recall(?: ?@ ?(?:\d{1,3}|k))?|hit[ -]?rate(?: ?@ ?\d{1,3})?|hits? ?@ ?\d{1,3}|mrr(?: ?@ ?\d{1,3})?|ndcg(?: ?@ ?\d{1,3})?|rouge(?:[- ]?(?:l|1|2|lsum))?|bleu|bert[ -]?score|faithfulness|answer[ -]relevan(?:cy|ce)|context[ -](?:precision|recall)|perplexity|latency|response times?|throughput|win[ -]rate|pass ?@ ?\d{1,3}|correct(?:ly)?(?: answers?| answered)?)(?![\w@])/gi;

/** Canonical metric name of a matched metric word. */
export function canonicalMetric(word: string): string {
  const w = word.toLowerCase().replace(/\s+/g, ' ').replace(/ ?@ ?/, '@');
  if (w.startsWith('correct')) return 'accuracy';
  if (w.startsWith('exact')) return 'exact-match';
  if (w.startsWith('f1')) return 'f1';
  if (w.startsWith('response time')) return 'latency';
  if (w.startsWith('hit')) return w.replace(/^hits?[ -]?(rate)?/, 'hit-rate');
  if (w.startsWith('rouge')) return w.replace(/[ -]/g, '').replace(/^rouge/, 'rouge-').replace(/-$/, '');
  if (w.startsWith('bert')) return 'bertscore';
  return w.replace(/ /g, '-');
}

/** Metrics whose value is a change or a duration rather than a score a results file would hold. */
export const OPERATIONAL_METRICS = new Set(['latency', 'throughput']);

/**
 * Sentence-wide cues of something not done: plans, wishes, conditionals. A sentence holding one
 * claims nothing.
 */
export const HYPOTHETICAL =
  /\b(?:could|would|might|should|may|plan(?:s|ned)? to|planning|going to|future|todo|to-do|next steps?|if (?:i|we) had|given more time|with more time|consider(?:ing|ed)?|thought about|hope to|want(?:ed)? to|wish|ideally|potentially|would've)\b/i;

/** Negation cues; what follows them in the clause is not claimed (what precedes is, unless passive). */
export const NEGATION = /\b(?:not|no|never|without|neither|nor|instead of|rather than|as opposed to|lacks?|lacking|except|excluding|skipped)\b|n't\b/gi;

/** Where a clause ends inside a sentence. */
export const CLAUSE_BREAK = /[,;:()\u2013\u2014]|\s-\s|\b(?:but|however|whereas|while|although|though|yet)\b/gi;

/** A passive negation (`reranking was not used`) negates the whole clause, the subject included. */
export const PASSIVE_BEFORE = /\b(?:is|are|was|were|been|be|has|have|had)\s{1,3}$/i;

/** Headings of sections that describe what was not done. */
export const SKIP_HEADING = /\b(?:future|limitations?|next steps?|improvements?|todo|to-do|to do|roadmap|known issues|wish ?list|not (?:done|implemented)|what i would|ideas)\b/i;

/** A bold or colon-ended line that opens such a section without a heading ("**Future work**", "Next steps:"). */
export const SKIP_LABEL = /^(?:future|limitations?|next steps?|(?:possible |further )?improvements?|todo|to-do|roadmap|known (?:issues|limitations)|what i would)\b/i;

/** Pre-training or training from scratch, as a claim (not the adjective in "a pre-trained model"). */
export const PRETRAINING = [
  /\b(?:train(?:ed|ing)?|pre-?train(?:ed|ing)?|buil[td]|develop(?:ed)?|creat(?:ed|e))\b[^.]{0,80}?\bfrom[- ]scratch\b/i,
  /\bpre-?train(?:ed|ing)\s{1,3}(?:a|an|our|my|the|its|their|own|of)\b/i,
  /\b(?:pre-?)?trained\s{1,3}(?:our|my|an?)\s{1,3}own\s{1,3}(?:llm|large language model|language model|foundation model|gpt)\b/i,
  /\btrained\s{1,3}gpt-?[2-5]/i,
];

/** Words that make a pre-training claim implausible for one person: a large model. */
export const LARGE_MODEL_WORDS = /\b(?:llms?|large language models?|foundation models?)\b/i;

/** Why claiming to pre-train a large model reads as implausible (PRODUCT.md). */
export const IMPLAUSIBLE_PRETRAINING =
  'pre-training a large language model from scratch costs over $1M in compute; fine-tuning a pretrained checkpoint is the likely meaning';
