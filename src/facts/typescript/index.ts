/** TypeScript and JavaScript facts: one ts-morph parse and one walk per file, never executed. */
export { createScriptExtractor, type ScriptExtractor } from './create-script-extractor.js';
export { isScriptPath } from './is-script-path.js';
