#!/usr/bin/env node
// A review worker only (`npm run worker`): takes reviews from the Redis queue at REDIS_URL, which
// the webhook receivers (`npm start`) fill. Built into dist/ by `npm run build`; every setting comes
// from the environment (see "Run as a GitHub App" in the README).
let workerMain;
try {
  ({ workerMain } = await import('../dist/src/app/worker.js'));
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('worker.js')) throw error;
  process.stderr.write('candidate-review-worker: the app is not built: run `npm run build` first\n');
  process.exit(2);
}

process.exitCode = await workerMain(process.env, { stderr: process.stderr, exit: (code) => process.exit(code), signals: process });
