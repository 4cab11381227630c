// Module hooks that let a plain `node` child process run this repository's TypeScript (src/ and
// test/) as it is, without a build: a relative `./x.js` import from a .ts file resolves to `./x.ts`
// when that exists (NodeNext style), and a .ts file has its types stripped on load, one file at a
// time (the tsconfig has isolatedModules and verbatimModuleSyntax, so a per-file transform is what
// tsc would emit). The transform is oxc's, from rolldown (installed with vite, which vitest runs
// on): about 300 files in 0.1 s, where TypeScript's own transpileModule takes seconds; TypeScript
// is the fallback. Registered by register-ts.mjs.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const strip = await import('rolldown/utils').then(
  ({ transformSync }) => (path, text) => {
    const result = transformSync(path, text, { lang: 'ts', target: 'es2022' });
    if (result.errors.length > 0) throw new Error(`${path}: ${result.errors.map((e) => e.message).join('; ')}`);
    return result.code;
  },
  async () => {
    const { default: ts } = await import('typescript');
    const compilerOptions = { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true, esModuleInterop: true };
    return (path, text) => ts.transpileModule(text, { fileName: path, compilerOptions }).outputText;
  },
);

/** @type {import('node:module').ResolveHook} */
export async function resolve(specifier, context, nextResolve) {
  const parent = context.parentURL;
  if (parent?.startsWith('file:') && parent.endsWith('.ts') && /^\.{1,2}\//.test(specifier) && specifier.endsWith('.js')) {
    const url = new URL(`${specifier.slice(0, -3)}.ts`, parent);
    if (existsSync(fileURLToPath(url))) return { url: url.href, format: 'module', shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

/** @type {import('node:module').LoadHook} */
export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const path = fileURLToPath(url);
  return { format: 'module', source: strip(path, readFileSync(path, 'utf8')), shortCircuit: true };
}
