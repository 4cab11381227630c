import { describe, expect, it } from 'vitest';
import { extractDependencies } from '../../../src/facts/manifests/extract-dependencies.js';
import { manifestContext } from './manifest-context.js';

async function rows(path: string, text: string) {
  const file = { path, text, bytes: text.length };
  const deps = (await extractDependencies(file, manifestContext(file))) ?? [];
  return deps.map((d) => ({ name: d.name, spec: d.spec, group: d.group, at: `${d.manifest}:${d.evidence.line}` }));
}

describe('pyproject.toml', () => {
  it('reads PEP 621 dependencies, optional-dependencies and PEP 735 groups', async () => {
    const text = [
      '[project]',
      'name = "rag_demo"',
      'dependencies = [',
      '  "transformers[torch]>=4.40",',
      "  'langchain-openai',",
      '  "faiss-cpu==1.8.0; sys_platform != \'win32\'",',
      ']',
      '',
      '[project.optional-dependencies]',
      'eval = ["ragas>=0.1"]',
      'all = ["rag-demo[eval]", "vllm"]',
      '',
      '[dependency-groups]',
      'test = ["pytest>=8", { include-group = "lint" }]',
      'lint = ["ruff"]',
      '',
      '[build-system]',
      'requires = ["hatchling"]',
    ].join('\n');
    expect(await rows('pyproject.toml', text)).toEqual([
      { name: 'transformers', spec: '>=4.40', group: 'main', at: 'pyproject.toml:4' },
      { name: 'langchain-openai', spec: '', group: 'main', at: 'pyproject.toml:5' },
      { name: 'faiss-cpu', spec: '==1.8.0', group: 'main', at: 'pyproject.toml:6' },
      { name: 'ragas', spec: '>=0.1', group: 'optional', at: 'pyproject.toml:10' },
      { name: 'vllm', spec: '', group: 'optional', at: 'pyproject.toml:11' },
      { name: 'pytest', spec: '>=8', group: 'dev', at: 'pyproject.toml:14' },
      { name: 'ruff', spec: '', group: 'dev', at: 'pyproject.toml:15' },
    ]);
  });

  it('reads Poetry dependencies, dev-dependencies and groups', async () => {
    const text = [
      '[tool.poetry]',
      'name = "qlora"',
      '',
      '[tool.poetry.dependencies]',
      'python = "^3.10"',
      'peft = "^0.10.0"',
      'Bits_And_Bytes = { version = ">=0.43", markers = "sys_platform == \'linux\'" }',
      'trl = "*"',
      'my-lib = { git = "https://github.com/o/my-lib.git" }',
      'wandb = { version = "^0.16", optional = true }',
      'numpy = [{ version = "<2", python = "<3.9" }, { version = ">=2", python = ">=3.9" }]',
      '"llama-index" = "^0.10"',
      '',
      '[tool.poetry.dependencies.accelerate]',
      'version = "^0.30"',
      '',
      '[tool.poetry.dev-dependencies]',
      'black = "^24"',
      '',
      '[tool.poetry.group.test.dependencies]',
      'pytest = "^8.0"',
    ].join('\n');
    expect(await rows('pyproject.toml', text)).toEqual([
      { name: 'peft', spec: '^0.10.0', group: 'main', at: 'pyproject.toml:6' },
      { name: 'bits-and-bytes', spec: '>=0.43', group: 'main', at: 'pyproject.toml:7' },
      { name: 'trl', spec: '', group: 'main', at: 'pyproject.toml:8' },
      { name: 'my-lib', spec: '', group: 'main', at: 'pyproject.toml:9' },
      { name: 'wandb', spec: '^0.16', group: 'optional', at: 'pyproject.toml:10' },
      { name: 'numpy', spec: '<2', group: 'main', at: 'pyproject.toml:11' },
      { name: 'llama-index', spec: '^0.10', group: 'main', at: 'pyproject.toml:12' },
      { name: 'accelerate', spec: '^0.30', group: 'main', at: 'pyproject.toml:14' },
      { name: 'black', spec: '^24', group: 'dev', at: 'pyproject.toml:18' },
      { name: 'pytest', spec: '^8.0', group: 'dev', at: 'pyproject.toml:21' },
    ]);
  });

  it('reads uv and PDM dev-dependencies, and dotted keys under [tool]', async () => {
    const text = [
      '[tool.uv]',
      'dev-dependencies = ["pytest-asyncio>=0.23"]',
      '',
      '[tool.pdm.dev-dependencies]',
      'lint = ["mypy"]',
      '',
      '[tool]',
      'poetry.dependencies.openai = "^1.30"',
    ].join('\n');
    expect(await rows('pyproject.toml', text)).toEqual([
      { name: 'openai', spec: '^1.30', group: 'main', at: 'pyproject.toml:8' },
      { name: 'pytest-asyncio', spec: '>=0.23', group: 'dev', at: 'pyproject.toml:2' },
      { name: 'mypy', spec: '', group: 'dev', at: 'pyproject.toml:5' },
    ]);
  });

  it('reads nothing from a pyproject.toml that only configures tools', async () => {
    expect(await rows('pyproject.toml', '[tool.ruff]\nline-length = 100\n')).toEqual([]);
  });
});

describe('Pipfile', () => {
  it('reads [packages] and [dev-packages]', async () => {
    const text = [
      '[[source]]',
      'url = "https://pypi.org/simple"',
      '',
      '[packages]',
      'fastapi = "*"',
      'chromadb = "==0.5.0"',
      'transformers = { version = ">=4.40", extras = ["torch"] }',
      '',
      '[dev-packages]',
      'pytest = ">=8"',
      '',
      '[requires]',
      'python_version = "3.11"',
    ].join('\n');
    expect(await rows('Pipfile', text)).toEqual([
      { name: 'fastapi', spec: '', group: 'main', at: 'Pipfile:5' },
      { name: 'chromadb', spec: '==0.5.0', group: 'main', at: 'Pipfile:6' },
      { name: 'transformers', spec: '>=4.40', group: 'main', at: 'Pipfile:7' },
      { name: 'pytest', spec: '>=8', group: 'dev', at: 'Pipfile:10' },
    ]);
  });
});
