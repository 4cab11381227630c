import { describe, expect, it } from 'vitest';
import check from '../../../checks/transformers/trust-remote-code.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

describe('transformers/trust-remote-code', () => {
  it.each<CheckRow>([
    {
      name: 'a loader with trust_remote_code=True',
      files: { 'llm.py': 'from transformers import AutoModelForCausalLM\n\nm = AutoModelForCausalLM.from_pretrained(\n    "microsoft/phi-2",\n    trust_remote_code=True,\n)\n' },
      expected: [{ kind: 'concern', messageId: 'inCode', at: 'llm.py:3' }],
    },
    {
      name: 'an embedding model through an alias',
      files: { 'embed.py': 'import sentence_transformers as st\nenc = st.SentenceTransformer("nomic-ai/nomic-embed-text-v1", trust_remote_code=True)\n' },
      expected: [{ kind: 'concern', messageId: 'inCode', at: 'embed.py:2' }],
    },
    {
      name: 'a training config',
      files: { 'configs/qlora.yml': 'base_model: microsoft/phi-2\ntrust_remote_code: true\nload_in_4bit: true\n' },
      expected: [{ kind: 'concern', messageId: 'inConfig', at: 'configs/qlora.yml:2' }],
    },
    {
      name: 'trust_remote_code=False and a config that disables it',
      files: {
        'llm.py': 'from transformers import AutoModel\nm = AutoModel.from_pretrained("org/m", trust_remote_code=False)\n',
        'config.yml': 'trust_remote_code: false\n',
      },
      expected: [],
    },
    {
      name: 'prose and comments',
      files: {
        'README.md': 'Set `trust_remote_code=True` when loading phi-2.\n',
        'llm.py': 'from transformers import AutoModel\n# m = AutoModel.from_pretrained("org/m", trust_remote_code=True)\n',
      },
      expected: [],
    },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('names the model and whether the revision is pinned', async () => {
    const [finding] = await findingsOf(check, {
      'llm.py': 'from transformers import AutoModel\nm = AutoModel.from_pretrained("org/m", revision="abc123", trust_remote_code=True)\n',
    });
    expect(finding?.message).toContain('for `org/m` (revision="abc123")');
    expect(finding?.question).toContain('llm.py:2');
  });
});
