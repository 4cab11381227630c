import { describe, expect, it } from 'vitest';
import { extractDependencies } from '../../../src/facts/manifests/extract-dependencies.js';
import { manifestContext } from './manifest-context.js';

async function rows(path: string, text: string) {
  const file = { path, text, bytes: text.length };
  const deps = (await extractDependencies(file, manifestContext(file))) ?? [];
  return deps.map((d) => ({ name: d.name, ecosystem: d.ecosystem, spec: d.spec, group: d.group, at: `${d.manifest}:${d.evidence.line}` }));
}

describe('conda environment.yml', () => {
  it('reads conda specs as PyPI names and the nested pip list', async () => {
    const text = [
      'name: rag',
      'channels: [pytorch, conda-forge]',
      'dependencies:',
      '  - python>=3.10',
      '  - pip',
      '  - pytorch=2.1',
      '  - conda-forge::faiss-cpu 1.7.*',
      '  - "numpy>=1.26"',
      '  - pip:',
      '      - sentence_transformers==2.7.0',
      '      - -r requirements.txt',
      '      - --extra-index-url https://download.pytorch.org/whl/cu118',
    ].join('\n');
    expect(await rows('environment.yml', text)).toEqual([
      { name: 'torch', ecosystem: 'pypi', spec: '=2.1', group: 'main', at: 'environment.yml:6' },
      { name: 'faiss-cpu', ecosystem: 'pypi', spec: '1.7.*', group: 'main', at: 'environment.yml:7' },
      { name: 'numpy', ecosystem: 'pypi', spec: '>=1.26', group: 'main', at: 'environment.yml:8' },
      { name: 'sentence-transformers', ecosystem: 'pypi', spec: '==2.7.0', group: 'main', at: 'environment.yml:10' },
    ]);
  });

  it('reads environment.yaml and conda.yaml too, and nothing from a file without dependencies', async () => {
    expect(await rows('envs/environment.yaml', 'dependencies:\n- vllm\n')).toEqual([
      { name: 'vllm', ecosystem: 'pypi', spec: '', group: 'main', at: 'envs/environment.yaml:2' },
    ]);
    expect(await rows('model/conda.yaml', 'dependencies: [mlflow=2.12]\n')).toEqual([
      { name: 'mlflow', ecosystem: 'pypi', spec: '=2.12', group: 'main', at: 'model/conda.yaml:1' },
    ]);
    expect(await rows('environment.yml', 'name: empty\n')).toEqual([]);
  });
});

describe('package.json', () => {
  it('reads the four dependency objects with npm names as written', async () => {
    const text = JSON.stringify(
      {
        name: 'rag-ui',
        scripts: { test: 'vitest' },
        dependencies: { '@langchain/openai': '^0.2.0', express: '4.19.2' },
        devDependencies: { vitest: '^1.6.0', typescript: '~5.4' },
        optionalDependencies: { 'faiss-node': '*' },
        peerDependencies: { react: '>=18' },
      },
      null,
      2,
    );
    expect(await rows('web/package.json', text)).toEqual([
      { name: '@langchain/openai', ecosystem: 'npm', spec: '^0.2.0', group: 'main', at: 'web/package.json:7' },
      { name: 'express', ecosystem: 'npm', spec: '4.19.2', group: 'main', at: 'web/package.json:8' },
      { name: 'vitest', ecosystem: 'npm', spec: '^1.6.0', group: 'dev', at: 'web/package.json:11' },
      { name: 'typescript', ecosystem: 'npm', spec: '~5.4', group: 'dev', at: 'web/package.json:12' },
      { name: 'faiss-node', ecosystem: 'npm', spec: '*', group: 'optional', at: 'web/package.json:15' },
      { name: 'react', ecosystem: 'npm', spec: '>=18', group: 'optional', at: 'web/package.json:18' },
    ]);
  });

  it('ignores package.json files under node_modules', async () => {
    const file = { path: 'node_modules/x/package.json', text: '{}', bytes: 2 };
    expect(await extractDependencies(file, manifestContext(file))).toBeNull();
  });
});
