import { describe, expect, it } from 'vitest';
import { extractDependencies } from '../../../src/facts/manifests/extract-dependencies.js';
import type { Dependency } from '../../../src/facts/types.js';
import type { SourceFile } from '../../../src/types.js';
import { manifestContext } from './manifest-context.js';

/** Extracts `path` from an inline mini-repository; rows read like the manifest. */
async function rows(files: Record<string, string>, path: string) {
  const byPath = new Map<string, SourceFile>(Object.entries(files).map(([p, text]) => [p, { path: p, text, bytes: text.length }]));
  const deps = (await extractDependencies(byPath.get(path)!, manifestContext(byPath.get(path)!, [...byPath.values()]))) ?? [];
  return deps.map((d: Dependency) => ({ name: d.name, spec: d.spec, group: d.group, at: `${d.evidence.path}:${d.evidence.line}`, manifest: d.manifest }));
}

const requirements = [
  '# core',
  '--index-url https://pypi.org/simple',
  '--extra-index-url https://download.pytorch.org/whl/cu118',
  '',
  'transformers[torch]>=4.40  # model',
  'torch==2.1.0+cu118 \\',
  '    --hash=sha256:0123',
  'bitsandbytes; platform_system == "Linux"',
  '-e .',
  '-e git+https://github.com/o/r.git#egg=r',
  'https://example.com/x-1.0.tar.gz',
  'Sentence_Transformers',
].join('\n');

describe('requirements.txt', () => {
  it('reads requirements, skipping comments, options, URLs and editables', async () => {
    expect(await rows({ 'requirements.txt': requirements }, 'requirements.txt')).toEqual([
      { name: 'transformers', spec: '>=4.40', group: 'main', at: 'requirements.txt:5', manifest: 'requirements.txt' },
      { name: 'torch', spec: '==2.1.0+cu118', group: 'main', at: 'requirements.txt:6', manifest: 'requirements.txt' },
      { name: 'bitsandbytes', spec: '', group: 'main', at: 'requirements.txt:8', manifest: 'requirements.txt' },
      { name: 'sentence-transformers', spec: '', group: 'main', at: 'requirements.txt:12', manifest: 'requirements.txt' },
    ]);
  });

  it('gives evidence with the trimmed declaring line', async () => {
    const files = { 'requirements.txt': requirements };
    const byPath = new Map(Object.entries(files).map(([p, text]) => [p, { path: p, text, bytes: text.length }]));
    const deps = await extractDependencies(byPath.get('requirements.txt')!, manifestContext(byPath.get('requirements.txt')!, [...byPath.values()]));
    expect(deps?.[0]?.evidence).toEqual({ path: 'requirements.txt', line: 5, snippet: 'transformers[torch]>=4.40  # model' });
    expect(deps?.[0]?.ecosystem).toBe('pypi');
  });

  it.each([
    ['requirements-dev.txt', 'dev'],
    ['dev-requirements.txt', 'dev'],
    ['requirements_test.txt', 'dev'],
    ['requirements/test.txt', 'dev'],
    ['api/requirements/dev.txt', 'dev'],
    ['requirements/base.txt', 'main'],
    ['requirements-gpu.txt', 'main'],
    ['services/api/requirements.txt', 'main'],
    ['requirements.in', 'main'],
  ])('%s → group %s', async (path, group) => {
    expect(await rows({ [path]: 'pytest>=8\n' }, path)).toEqual([
      { name: 'pytest', spec: '>=8', group, at: `${path}:1`, manifest: path },
    ]);
  });

  it('follows -r, --requirement= and -c includes relative to the including file', async () => {
    const files = {
      'requirements/dev.txt': '-r base.txt\n--requirement=../shared/ml.txt\n-c constraints.txt\npytest\n',
      'requirements/base.txt': 'fastapi>=0.110\n',
      'shared/ml.txt': 'peft\n',
      'requirements/constraints.txt': 'numpy<2\n',
    };
    expect(await rows(files, 'requirements/dev.txt')).toEqual([
      // base.txt is a requirements file in its own right: it keeps its own group.
      { name: 'fastapi', spec: '>=0.110', group: 'main', at: 'requirements/base.txt:1', manifest: 'requirements/base.txt' },
      // ml.txt is not named like one: it takes the group of the file including it.
      { name: 'peft', spec: '', group: 'dev', at: 'shared/ml.txt:1', manifest: 'shared/ml.txt' },
      { name: 'numpy', spec: '<2', group: 'main', at: 'requirements/constraints.txt:1', manifest: 'requirements/constraints.txt' },
      { name: 'pytest', spec: '', group: 'dev', at: 'requirements/dev.txt:4', manifest: 'requirements/dev.txt' },
    ]);
  });

  it('reads each file once through include cycles, self-includes and diamonds', async () => {
    const files = {
      'requirements.txt': '-r requirements.txt\n-r a.txt\n-r b.txt\ntorch\n',
      'a.txt': '-r requirements.txt\n-r b.txt\nfaiss-cpu\n',
      'b.txt': '-r a.txt\nchromadb\n',
    };
    expect((await rows(files, 'requirements.txt')).map((r) => r.at)).toEqual(['b.txt:2', 'a.txt:3', 'requirements.txt:4']);
  });

  it('never resolves includes outside the repository, to URLs or to missing files', async () => {
    const files = {
      'requirements.txt': '-r ../outside.txt\n-r /etc/passwd\n-r https://example.com/r.txt\n-r sub/../../x.txt\n-r missing.txt\nopenai\n',
    };
    const seen: string[] = [];
    const byPath = new Map(Object.entries(files).map(([p, text]) => [p, { path: p, text, bytes: text.length }]));
    const deps = await extractDependencies(byPath.get('requirements.txt')!, { lookup: (p) => (seen.push(p), byPath.get(p)), documents: () => [] });
    expect(deps?.map((d) => d.name)).toEqual(['openai']);
    expect(seen).toEqual(['missing.txt']);
  });

  it('stops following includes after a deep chain', async () => {
    const files: Record<string, string> = { 'requirements.txt': '-r r0.txt\n' };
    for (let i = 0; i < 100; i++) files[`r${i}.txt`] = `-r r${i + 1}.txt\npkg${i}\n`;
    const names = (await rows(files, 'requirements.txt')).map((r) => r.name);
    expect(names.length).toBeGreaterThan(5);
    expect(names.length).toBeLessThan(100);
  });
});
