import { describe, expect, it } from 'vitest';
import { buildFacts } from '../../../src/facts/build-facts.js';
import { configFormat } from '../../../src/facts/config/parse-config.js';
import { extractDependencies, isManifest } from '../../../src/facts/manifests/extract-dependencies.js';
import type { SourceFile } from '../../../src/types.js';
import { manifestContext } from './manifest-context.js';

const extract = (path: string, text: string) => {
  const file = { path, text, bytes: text.length };
  return extractDependencies(file, manifestContext(file));
};

/** Facts of a mini-repository, through the real parsers. */
function factsOf(files: Record<string, string>) {
  const sources: SourceFile[] = Object.entries(files).map(([path, text]) => ({ path, text, bytes: Buffer.byteLength(text) }));
  return buildFacts({ source: 'test', commit: null, base: null, files: sources, skipped: [], unchanged: 0, limitsReached: [], history: null });
}

/** The one parse-error `buildFacts` reports for a malformed manifest (a single line), asserting nothing was read from it. */
async function errorOf(path: string, text: string): Promise<string> {
  const { facts, skipped } = await factsOf({ [path]: text });
  expect(facts.dependencies).toEqual([]);
  expect(facts.configs).toEqual([]);
  expect(skipped).toEqual([{ path, reason: 'parse-error', detail: expect.any(String) }]);
  const detail = skipped[0]!.detail!;
  expect(detail).not.toContain('\n');
  return detail;
}

describe('malformed manifests are one parse-error each, from the config parser', () => {
  it.each([
    ['pyproject.toml', '[project]\ndependencies = ["torch"\nname = "x"\n', /^invalid TOML at line \d+: /],
    ['pyproject.toml', '[project]\nname = "a"\nname = "b"\n', /^invalid TOML at line 3: /],
    ['Pipfile', '[packages]\ntorch = \n', /^invalid TOML at line \d+: /],
    ['package.json', '{\n  "dependencies": { "express": "4" "vite": "5" }\n}', /^invalid JSON at line 2: CommaExpected$/],
    ['package.json', '', /^invalid JSON at line 1: /],
    ['environment.yml', 'dependencies:\n  - a\n - b\n   c: [\n', /^invalid YAML at line \d+: /],
    ['environment.yml', 'dependencies:\n  - a\ndependencies:\n  - b\n', /^invalid YAML at line 3: duplicate key$/],
  ])('%s %#', async (path, text, pattern) => {
    expect(await errorOf(path, text)).toMatch(pattern);
  });

  it('reads package.json as the config parser does: comments and trailing commas allowed', async () => {
    expect((await extract('package.json', '{\n  // pinned\n  "dependencies": { "express": "4", },\n}'))?.map((d) => d.name)).toEqual(['express']);
  });

  it('throws the config parser\'s error when called directly on a malformed manifest', async () => {
    await expect(extract('pyproject.toml', '[project]\nname = "a"\nname = "b"\n')).rejects.toThrow(/^invalid TOML at line 3: /);
  });
});

describe('deep nesting is a parse error, not a stack overflow', () => {
  const n = 100_000;
  it.each([
    ['package.json', `{"dependencies": ${'['.repeat(n)}${']'.repeat(n)}}`],
    ['package.json', `{"a": "unterminated\n${'['.repeat(n)}`],
    ['pyproject.toml', `a = ${'['.repeat(n)}${']'.repeat(n)}`],
    ['pyproject.toml', `a = ${'{b='.repeat(n)}1${'}'.repeat(n)}`],
    ['Pipfile', `[packages]\ntorch = ${'{a='.repeat(n)}1${'}'.repeat(n)}`],
    ['environment.yml', `dependencies: ${'['.repeat(n)}${']'.repeat(n)}`],
    ['environment.yml', `${'- '.repeat(n)}x\n`],
    ['environment.yml', `${'- '.repeat(n)}\n`],
  ])('%s %#', async (path, text) => {
    expect(await errorOf(path, text)).toMatch(/^(?:JSON|TOML|YAML) nested deeper than 256 levels at line \d+$/);
  });

  it('still reads ordinary nesting and brackets inside strings', async () => {
    const json = JSON.stringify({ scripts: { x: '['.repeat(1000) }, dependencies: { a: '1' } });
    expect((await extract('package.json', json))?.map((d) => d.name)).toEqual(['a']);
    const toml = `[project]\ndescription = "${'{'.repeat(1000)}"\nreadme = """\n${'['.repeat(1000)}\n"""\ndependencies = ["x"]\n`;
    expect((await extract('pyproject.toml', toml))?.map((d) => d.name)).toEqual(['x']);
    const yaml = `name: '${'['.repeat(1000)}'\ndependencies:\n  - "y # not a comment ["\n`;
    expect((await extract('environment.yml', yaml))?.map((d) => d.name)).toEqual(['y']);
  });

  it('does not throw for a setup.py with syntax errors or deep nesting', async () => {
    expect(await extract('setup.py', 'setup(install_requires=["a",\n')).toEqual(expect.any(Array));
    expect(await extract('setup.py', `setup(install_requires=${'['.repeat(n)}"a"${']'.repeat(n)})`)).toEqual(expect.any(Array));
  });
});

describe('manifests parsed once by buildFacts', () => {
  it('reads a Pipfile, pyproject.toml, package.json and environment.yml from the config documents it keeps', async () => {
    const { facts, skipped } = await factsOf({
      Pipfile: '[packages]\nfastapi = "*"\n',
      'pyproject.toml': '[project]\ndependencies = ["peft"]\n',
      'web/package.json': '{ "dependencies": { "express": "4" } }',
      'envs/environment.yaml': 'dependencies:\n  - pytorch=2.1\n',
    });
    expect(skipped).toEqual([]);
    expect(facts.dependencies.map((d) => `${d.name} ${d.evidence.path}:${d.evidence.line}`)).toEqual([
      'fastapi Pipfile:2',
      'peft pyproject.toml:2',
      'express web/package.json:1',
      'torch envs/environment.yaml:2',
    ]);
    expect(facts.configs.map((c) => `${c.path} ${c.format}`)).toEqual([
      'Pipfile toml',
      'pyproject.toml toml',
      'web/package.json json',
      'envs/environment.yaml yaml',
    ]);
  });
});

describe('isManifest', () => {
  it.each([
    ['requirements.txt', true],
    ['requirements-dev.txt', true],
    ['dev-requirements.txt', true],
    ['requirements/base.txt', true],
    ['svc/requirements.in', true],
    ['pyproject.toml', true],
    ['pkg/setup.py', true],
    ['setup.cfg', true],
    ['Pipfile', true],
    ['environment.yml', true],
    ['environment.yaml', true],
    ['web/package.json', true],
    ['README.txt', false],
    ['Pipfile.lock', false],
    ['package-lock.json', false],
    ['notes/requirements.md', false],
    ['node_modules/a/package.json', false],
    ['src/setup_utils.py', false],
  ])('%s → %s', (path, expected) => {
    expect(isManifest(path)).toBe(expected);
  });

  // TOML, JSON and YAML manifests are read from config documents: each must be a config path.
  it.each(['pyproject.toml', 'Pipfile', 'api/Pipfile', 'web/package.json', 'environment.yml', 'envs/environment.yaml', 'conda.yaml', 'Environment-GPU.YML', 'conda_env.yml'])(
    '%s is a config path too',
    (path) => {
      expect(isManifest(path)).toBe(true);
      expect(configFormat(path)).not.toBeNull();
    },
  );

  it('returns null for a file that is not a manifest', async () => {
    expect(await extract('src/app.py', 'import torch\n')).toBeNull();
  });
});
