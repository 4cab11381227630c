import { describe, expect, it } from 'vitest';
import { extractDependencies, isManifest } from '../../../src/facts/manifests/extract-dependencies.js';

const extract = (path: string, text: string) => extractDependencies({ path, text, bytes: text.length }, () => undefined);

/** The rejection's message, asserting it is a single line. */
async function errorOf(path: string, text: string): Promise<string> {
  const error = await extract(path, text).then(
    () => expect.unreachable('expected a parse error'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  const message = (error as Error).message;
  expect(message).not.toContain('\n');
  return message;
}

describe('malformed manifests throw one-line errors', () => {
  it.each([
    ['pyproject.toml', '[project]\ndependencies = ["torch"\nname = "x"\n', /^pyproject\.toml:\d+: invalid TOML/],
    ['pyproject.toml', '[project]\nname = "a"\nname = "b"\n', /^pyproject\.toml:3: invalid TOML/],
    ['Pipfile', '[packages]\ntorch = \n', /^Pipfile:\d+: invalid TOML/],
    ['package.json', '{\n  "dependencies": { "express": "4" ,}\n}', /^package\.json:2: invalid JSON/],
    ['package.json', '{ "name": "x" // no comments in package.json\n}', /^package\.json:1: invalid JSON/],
    ['package.json', '', /^package\.json:1: invalid JSON/],
    ['environment.yml', 'dependencies:\n  - a\n - b\n   c: [\n', /^environment\.yml:\d+: invalid YAML/],
    ['environment.yml', `dependencies:\n${'  - "'.repeat(40_000)}`, /^environment\.yml: larger than 128 KiB/],
  ])('%s %#', async (path, text, pattern) => {
    expect(await errorOf(path, text)).toMatch(pattern);
  });
});

describe('deep nesting is an error, not a stack overflow', () => {
  const n = 100_000;
  it.each([
    ['package.json', `{"dependencies": ${'['.repeat(n)}${']'.repeat(n)}}`],
    ['package.json', `{"a": "unterminated\n${'['.repeat(n)}`],
    ['pyproject.toml', `a = ${'['.repeat(n)}${']'.repeat(n)}`],
    ['pyproject.toml', `a = ${'{b='.repeat(n)}1${'}'.repeat(n)}`],
    // Environment files are capped at 128 KiB, so YAML nests within that.
    ['environment.yml', `dependencies: ${'['.repeat(30_000)}${']'.repeat(30_000)}`],
    ['environment.yml', `${'- '.repeat(60_000)}x\n`],
    ['environment.yml', `${'- '.repeat(60_000)}\n`],
  ])('%s %#', async (path, text) => {
    expect(await errorOf(path, text)).toMatch(/nested more than \d+ levels deep/);
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

  it('returns null for a file that is not a manifest', async () => {
    expect(await extract('src/app.py', 'import torch\n')).toBeNull();
  });
});
