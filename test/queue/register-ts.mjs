// `node --import ./test/queue/register-ts.mjs entry.ts`: runs TypeScript from src/ and test/ with
// no build step (see ts-hooks.mjs). For the child processes of the queue load test.
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
