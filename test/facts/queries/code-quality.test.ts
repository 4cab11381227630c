import { describe, expect, it } from 'vitest';
import { importedDistributions, importIsDeclared, inPackageFolder, outermostPackages } from '../../../src/facts/queries/code-quality.js';

describe('importedDistributions', () => {
  const imports = ['sklearn.linear_model', 'llama_index.core', 'langchain_openai.chat_models', 'pydantic', 'google.generativeai', 'os.path', 'constructor'];

  it.each([
    ['scikit-learn', true],
    ['llama-index-core', true],
    ['llama-index-llms-ollama', true],
    ['langchain-openai', true],
    ['fastapi', true],
    ['google-generativeai', true],
    ['protobuf', true],
    ['pandas', false],
    ['llama', false],
    ['langchain-community', false],
    ['scikit-image', false],
  ])('%s imported: %s', (distribution, imported) => {
    expect(importedDistributions(imports).has(distribution)).toBe(imported);
  });

  it('answers as importIsDeclared does for each distribution alone', () => {
    const distributions = ['scikit-learn', 'llama-index', 'llama-index-core', 'llama-index-', 'langchain-openai-x', 'pydantic', 'pydantic-settings', 'fastapi', 'os', 'os-path', 'os-', '-', '', 'google', 'google-genai', 'constructor', 'toString'];
    const index = importedDistributions(imports);
    for (const distribution of distributions) {
      expect(index.has(distribution), distribution).toBe(imports.some((module) => importIsDeclared(module, new Set([distribution]))));
    }
  });

  it('reads a module named like an object property as a module name', () => {
    expect(importedDistributions(['toString', '__proto__', 'hasOwnProperty.x']).has('hasownproperty-x')).toBe(true);
    expect(importIsDeclared('constructor', new Set(['pandas']))).toBe(false);
  });
});

describe('package folders', () => {
  const packages = new Set(['src/rag', 'src/rag/core', 'tools', 'src/ragged']);

  it.each([
    ['src/rag/api.py', true],
    ['src/rag/core/deep/x.py', true],
    ['src/ragged/x.py', true],
    ['src/rags/x.py', false],
    ['src/x.py', false],
    ['main.py', false],
  ])('%s in a package: %s', (path, inside) => {
    expect(inPackageFolder(path, packages)).toBe(inside);
  });

  it('puts top-level files in a root package', () => {
    expect(inPackageFolder('main.py', new Set(['']))).toBe(true);
    expect(inPackageFolder('lib/main.py', new Set(['']))).toBe(false);
  });

  it('keeps the outermost packages in their order', () => {
    expect(outermostPackages(new Set(['', 'src/rag', 'src/rag/core', 'tools', 'tools/x/y', 'src/ragged']))).toEqual(['', 'src/rag', 'tools', 'src/ragged']);
  });
});
