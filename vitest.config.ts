import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Fixture repositories hold candidates' own test files: they are data, never run.
    exclude: ['test/fixtures/**', 'node_modules/**'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
