/** How the TypeScript parser reads a script (`.js` files still accept JSX). No TypeScript import here: the compiler loads only for a repository with scripts. */
export type ScriptKind = 'ts' | 'tsx' | 'js' | 'jsx';

const SCRIPT_KINDS: Record<string, ScriptKind> = {
  ts: 'ts',
  mts: 'ts',
  cts: 'ts',
  tsx: 'tsx',
  js: 'js',
  mjs: 'js',
  cjs: 'js',
  jsx: 'jsx',
};

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1);
}

/**
 * True for TypeScript and JavaScript sources (`.ts .tsx .mts .cts .js .jsx .mjs .cjs`), leaving
 * out declaration files (`.d.ts`, `.d.mts`, `.d.cts`) and minified bundles (`*.min.js`).
 */
export function isScriptPath(path: string): boolean {
  if (!(extensionOf(path) in SCRIPT_KINDS)) return false;
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  return !/\.d\.[mc]?ts$/.test(name) && !/\.min\.[mc]?js$/.test(name);
}

/** `typescript` for `.ts .tsx .mts .cts`, else `javascript`. */
export function scriptLanguage(path: string): 'typescript' | 'javascript' {
  return /^[mc]?tsx?$/.test(extensionOf(path)) ? 'typescript' : 'javascript';
}

/** How the TypeScript parser should read the file. */
export function scriptKindOf(path: string): ScriptKind {
  return SCRIPT_KINDS[extensionOf(path)] ?? 'js';
}
