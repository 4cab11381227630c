import { describe, expect, it } from 'vitest';
import { extractDependencies } from '../../../src/facts/manifests/extract-dependencies.js';
import { manifestContext } from './manifest-context.js';

async function rows(path: string, text: string) {
  const file = { path, text, bytes: text.length };
  const deps = (await extractDependencies(file, manifestContext(file))) ?? [];
  return deps.map((d) => ({ name: d.name, spec: d.spec, group: d.group, at: `${d.manifest}:${d.evidence.line}` }));
}

describe('setup.py', () => {
  it('reads literal install_requires, extras_require and tests_require', async () => {
    const text = [
      'from setuptools import setup, find_packages',
      '',
      'setup(',
      '    name="rag",',
      '    install_requires=[',
      '        "langchain>=0.2",  # orchestration',
      "        'chromadb',",
      '        f"torch=={TORCH}",',
      '    ],',
      '    extras_require={"eval": ["ragas"], "serve": ("vllm>=0.4",), **EXTRA},',
      '    tests_require=["pytest"],',
      '    setup_requires=["wheel"],',
      ')',
    ].join('\n');
    expect(await rows('setup.py', text)).toEqual([
      { name: 'langchain', spec: '>=0.2', group: 'main', at: 'setup.py:6' },
      { name: 'chromadb', spec: '', group: 'main', at: 'setup.py:7' },
      { name: 'ragas', spec: '', group: 'optional', at: 'setup.py:10' },
      { name: 'vllm', spec: '>=0.4', group: 'optional', at: 'setup.py:10' },
      { name: 'pytest', spec: '', group: 'dev', at: 'setup.py:11' },
    ]);
  });

  it('follows names bound to lists, + and dict(...) without executing anything', async () => {
    const text = [
      'import setuptools',
      'BASE = ["transformers>=4.40", "peft"]',
      'REQUIREMENTS = BASE + [',
      '    "trl",',
      ']',
      'EXTRAS = dict(dev=["black"], gpu=["bitsandbytes"])',
      'def main():',
      '    setuptools.setup(install_requires=REQUIREMENTS, extras_require=EXTRAS)',
      'if __name__ == "__main__":',
      '    main()',
    ].join('\n');
    expect(await rows('pkg/setup.py', text)).toEqual([
      { name: 'transformers', spec: '>=4.40', group: 'main', at: 'pkg/setup.py:2' },
      { name: 'peft', spec: '', group: 'main', at: 'pkg/setup.py:2' },
      { name: 'trl', spec: '', group: 'main', at: 'pkg/setup.py:4' },
      { name: 'black', spec: '', group: 'optional', at: 'pkg/setup.py:6' },
      { name: 'bitsandbytes', spec: '', group: 'optional', at: 'pkg/setup.py:6' },
    ]);
  });

  it('reads nothing from requirements computed at run time', async () => {
    const text = 'from setuptools import setup\nsetup(install_requires=open("requirements.txt").read().splitlines())\n';
    expect(await rows('setup.py', text)).toEqual([]);
  });

  it('survives self-referencing and exponentially doubling constants', async () => {
    const lines = ['A = ["numpy"] + A'];
    for (let i = 0; i < 25; i++) lines.push(`B${i + 1} = B${i} + B${i}`);
    lines[1] = 'B1 = A + A';
    lines.push('setup(install_requires=B25)');
    const started = Date.now();
    expect(await rows('setup.py', lines.join('\n'))).toEqual([{ name: 'numpy', spec: '', group: 'main', at: 'setup.py:1' }]);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('setup.cfg', () => {
  it('reads [options] install_requires, tests_require and [options.extras_require]', async () => {
    const text = [
      '[metadata]',
      'name = rag',
      '',
      '[options]',
      'packages = find:',
      'install_requires =',
      '    fastapi>=0.110',
      '    # a comment line',
      '    qdrant-client[fastembed]',
      '    requests; python_version<"3.12"',
      'tests_require = pytest',
      '',
      '[options.extras_require]',
      'eval =',
      '    deepeval',
      'docs = mkdocs',
      '',
      '[flake8]',
      'install_requires = not-a-dep',
    ].join('\n');
    expect(await rows('setup.cfg', text)).toEqual([
      { name: 'fastapi', spec: '>=0.110', group: 'main', at: 'setup.cfg:7' },
      { name: 'qdrant-client', spec: '', group: 'main', at: 'setup.cfg:9' },
      { name: 'requests', spec: '', group: 'main', at: 'setup.cfg:10' },
      { name: 'pytest', spec: '', group: 'dev', at: 'setup.cfg:11' },
      { name: 'deepeval', spec: '', group: 'optional', at: 'setup.cfg:15' },
      { name: 'mkdocs', spec: '', group: 'optional', at: 'setup.cfg:16' },
    ]);
  });

  it('leaves file: directives to the requirements file they name', async () => {
    expect(await rows('setup.cfg', '[options]\ninstall_requires = file: requirements.txt\n')).toEqual([]);
  });
});
