// The pool's worker module for tests, which run from TypeScript sources: registers the
// type-stripping hooks in this thread, then is src/facts/pool/facts-worker.ts.
import { register } from 'node:module';

register('../../helpers/ts-hooks.mjs', import.meta.url);
const { default: extractInWorker } = await import('../../../src/facts/pool/facts-worker.ts');

export default extractInWorker;
