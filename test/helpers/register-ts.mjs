// `node --import ./test/helpers/register-ts.mjs entry.ts`: runs TypeScript from src/ and test/ with
// no build step (see ts-hooks.mjs): child processes and worker threads of the tests.
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
