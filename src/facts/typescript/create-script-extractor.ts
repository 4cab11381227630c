import { Project, ts } from 'ts-morph';
import type { SourceFile } from '../../types.js';
import type { ScriptModule } from '../types.js';
import { extractScriptFacts } from './extract-script-facts.js';
import { scriptKindOf, type ScriptKind } from './is-script-path.js';

const TS_KINDS: Record<ScriptKind, ts.ScriptKind> = { ts: ts.ScriptKind.TS, tsx: ts.ScriptKind.TSX, js: ts.ScriptKind.JS, jsx: ts.ScriptKind.JSX };

/** Reads the facts of TypeScript and JavaScript files, one at a time, never executing them. */
export interface ScriptExtractor {
  /**
   * Parses and walks one file. Syntax errors do not throw: the parser recovers and the facts
   * of what it could read are returned. Throws only when the file cannot be parsed at all.
   */
  extract(file: SourceFile): ScriptModule;
}

/**
 * One in-memory ts-morph project, no lib files, no type-checking, no dependency resolution.
 * Each file is added under a private name, walked, then removed, so memory stays flat however
 * many files go through it.
 */
export function createScriptExtractor(): ScriptExtractor {
  const project = new Project({
    useInMemoryFileSystem: true,
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    skipLoadingLibFiles: true,
    compilerOptions: { allowJs: true, noLib: true, noResolve: true, jsx: ts.JsxEmit.Preserve },
  });
  let counter = 0;
  return {
    extract(file) {
      const kind = scriptKindOf(file.path);
      const sourceFile = project.createSourceFile(`/review/file-${++counter}.${kind}`, file.text, {
        overwrite: true,
        scriptKind: TS_KINDS[kind],
      });
      try {
        return extractScriptFacts(sourceFile.compilerNode, file);
      } finally {
        project.removeSourceFile(sourceFile);
      }
    },
  };
}
