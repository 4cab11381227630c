import { describe, expect, it } from 'vitest';
import check from '../../../checks/transformers/model-loading.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const HEAD = 'from transformers import AutoModelForCausalLM, AutoTokenizer, pipeline\n';

describe('transformers/model-loading', () => {
  it.each<CheckRow>([
    {
      name: 'a Hub model and its tokenizer, unpinned: one concern for the id',
      files: { 'rag/llm.py': `${HEAD}MODEL = "mistralai/Mistral-7B-Instruct-v0.2"\ntok = AutoTokenizer.from_pretrained(MODEL)\nmodel = AutoModelForCausalLM.from_pretrained(MODEL)\n` },
      expected: [
        { kind: 'info', messageId: 'loaded', at: 'rag/llm.py:3' },
        { kind: 'concern', messageId: 'unpinned', at: 'rag/llm.py:3' },
        { kind: 'info', messageId: 'loaded', at: 'rag/llm.py:4' },
      ],
    },
    {
      name: 'a pinned revision',
      files: { 'llm.py': `${HEAD}model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2-0.5B", revision="a1b2c3d")\n` },
      expected: [{ kind: 'info', messageId: 'loaded', at: 'llm.py:2' }],
    },
    {
      name: 'a pipeline with a legacy id (no org) and a local checkpoint',
      files: {
        'gen.py': `${HEAD}pipe = pipeline("text-generation", model="gpt2")\nft = AutoModelForCausalLM.from_pretrained("outputs/final")\n`,
      },
      expected: [
        { kind: 'info', messageId: 'loaded', at: 'gen.py:2' },
        { kind: 'info', messageId: 'loaded', at: 'gen.py:3' },
      ],
    },
    {
      name: 'a folder of the repository is not a Hub id',
      files: {
        'serve.py': `${HEAD}model = AutoModelForCausalLM.from_pretrained("my-run/merged")\n`,
        'my-run/merged/config.json': '{}',
      },
      expected: [{ kind: 'info', messageId: 'loaded', at: 'serve.py:2' }],
    },
    {
      name: 'an ordinary web app',
      files: { 'app.py': 'from flask import Flask\napp = Flask(__name__)\n@app.get("/")\ndef index():\n    return "ok"\n' },
      expected: [],
    },
    {
      name: 'prose, comments and an import alone',
      files: {
        'README.md': 'We load `AutoModelForCausalLM.from_pretrained("meta-llama/Llama-2-7b-hf")`.\n',
        'llm.py': `${HEAD}# model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-2-7b-hf")\n`,
      },
      expected: [],
    },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expect.arrayContaining(expected));
    expect(await reportsOf(check, files)).toHaveLength(expected.length);
  });

  it('names the loader, the id and the revision, and asks about reproducibility', async () => {
    const findings = await findingsOf(check, { 'llm.py': `${HEAD}tok = AutoTokenizer.from_pretrained("BAAI/bge-small-en", revision="v1.5")\nm = AutoModelForCausalLM.from_pretrained("microsoft/phi-2")\n` });
    expect(findings.map((f) => f.message)).toEqual(
      expect.arrayContaining([
        'Tokenizer `BAAI/bge-small-en` loaded with `AutoTokenizer.from_pretrained` (revision="v1.5")',
        'Model `microsoft/phi-2` loaded with `AutoModelForCausalLM.from_pretrained` (revision not pinned)',
      ]),
    );
    expect(findings.find((f) => f.messageId === 'unpinned')?.question).toContain('llm.py:3');
  });
});
