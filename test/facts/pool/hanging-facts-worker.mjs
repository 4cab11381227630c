// A pool worker for tests whose thread never answers for files named `hang.py` (a wedged thread);
// every other file goes to the real worker module, from TypeScript sources.
import { register } from 'node:module';

register('../../helpers/ts-hooks.mjs', import.meta.url);
const { default: extractInWorker } = await import('../../../src/facts/pool/facts-worker.ts');

export default (task) => (task.file.path.endsWith('hang.py') ? new Promise(() => undefined) : extractInWorker(task));
