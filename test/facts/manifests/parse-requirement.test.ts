import { describe, expect, it } from 'vitest';
import { normalisePypiName, parseRequirement } from '../../../src/facts/manifests/parse-requirement.js';

describe('parseRequirement', () => {
  it.each([
    ['transformers', { name: 'transformers', spec: '' }],
    ['transformers[torch]>=4.40', { name: 'transformers', spec: '>=4.40' }],
    ['Sentence_Transformers == 2.7.0', { name: 'sentence-transformers', spec: '== 2.7.0' }],
    ['torch>=2.1,<3 ; python_version >= "3.10"', { name: 'torch', spec: '>=2.1,<3' }],
    ['numpy==1.26.4 --hash=sha256:abc', { name: 'numpy', spec: '==1.26.4' }],
    ['peft (>=0.10)', { name: 'peft', spec: '>=0.10' }],
    ['llama_index.core~=0.10  # retrieval', { name: 'llama-index-core', spec: '~=0.10' }],
    ['"vllm>=0.4"', { name: 'vllm', spec: '>=0.4' }],
    ["'trl'", { name: 'trl', spec: '' }],
    ['mypkg @ git+https://github.com/o/r.git@v1#egg=mypkg', { name: 'mypkg', spec: '@ git+https://github.com/o/r.git@v1#egg=mypkg' }],
    ['torch==2.1.0+cu118', { name: 'torch', spec: '==2.1.0+cu118' }],
  ])('%s', (text, expected) => {
    expect(parseRequirement(text)).toEqual(expected);
  });

  it.each([
    '',
    '# a comment',
    '-e .',
    '--index-url https://download.pytorch.org/whl/cu118',
    '-U',
    'https://example.com/pkg-1.0.tar.gz',
    'git+https://github.com/o/r.git#egg=r',
    './local/package',
    '../sibling',
    '/abs/path',
    'dist/pkg-1.0-py3-none-any.whl',
    'pkg-1.0-py3-none-any.whl',
    'file:./pkg',
    'numpy is great',
    '-',
  ])('null for %j', (text) => {
    expect(parseRequirement(text)).toBeNull();
  });

  it('stays linear on hostile input', () => {
    const started = Date.now();
    parseRequirement(`a${'-'.repeat(100_000)}!`);
    parseRequirement(`a${' '.repeat(100_000)}x`);
    parseRequirement(`a[${'['.repeat(100_000)}`);
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('normalisePypiName', () => {
  it.each([
    ['Sentence_Transformers', 'sentence-transformers'],
    ['llama.index--core', 'llama-index-core'],
    ['huggingface_hub', 'huggingface-hub'],
    ['Flask', 'flask'],
  ])('%s → %s', (name, expected) => {
    expect(normalisePypiName(name)).toBe(expected);
  });
});
