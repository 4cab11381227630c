import { ts } from 'ts-morph';

const SCRIPT_KINDS: Record<string, ts.ScriptKind> = {
  ts: ts.ScriptKind.TS,
  mts: ts.ScriptKind.TS,
  cts: ts.ScriptKind.TS,
  tsx: ts.ScriptKind.TSX,
  js: ts.ScriptKind.JS,
  mjs: ts.ScriptKind.JS,
  cjs: ts.ScriptKind.JS,
  jsx: ts.ScriptKind.JSX,
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

/** How the TypeScript parser should read the file (`.js` files still accept JSX). */
export function scriptKindOf(path: string): ts.ScriptKind {
  return SCRIPT_KINDS[extensionOf(path)] ?? ts.ScriptKind.JS;
}
