import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Fixture repositories hold candidates' own test files: they are data, never run.
    exclude: ['test/fixtures/**', 'node_modules/**'],
    testTimeout: 30_000,
    pool: 'forks',
    // Test files share each worker's module cache: the parsers and TypeScript load once per worker, not per file.
    isolate: false,
    // Reviews in tests parse every file: a facts cache in the user's home would make runs depend on each other.
    env: { CANDIDATE_REVIEW_CACHE: 'off' },
  },
});
