#!/usr/bin/env node
// The GitHub App's webhook server (`npm start`), built into dist/ by `npm run build`. Every setting
// comes from the environment (see "Run as a GitHub App" in the README); a missing or invalid one
// stops it with one line on stderr and exit code 2.
let main;
try {
  ({ main } = await import('../dist/src/app/server.js'));
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('server.js')) throw error;
  process.stderr.write('candidate-review-app: the app is not built: run `npm run build` first\n');
  process.exit(2);
}

process.exitCode = await main(process.env, { stderr: process.stderr, exit: (code) => process.exit(code), signals: process });
