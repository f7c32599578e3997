import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // CI has 2 cores: two test files at a time, in both projects.
    maxWorkers: 2,
    projects: [
      {
        // Unit tests share a worker's modules (no fresh module graph per file): they keep no state
        // between files, and importing the sources again for each file was a third of their time.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false },
      },
      {
        // Tests of built sites (files and a real browser). tests/build/global-setup.ts builds every
        // scenario once per run before any of these files runs; the files only read the results,
        // so they run in parallel.
        test: {
          name: 'site',
          include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/helpers/browser-server.ts', 'tests/build/global-setup.ts'],
          // Like the unit tests, the files share their worker's modules: they only read built sites.
          isolate: false,
          testTimeout: 300_000,
          hookTimeout: 600_000,
          // A browser's answer (a search that retries, a module that loads on first focus) can take
          // more than expect.poll's default second on a busy 2-core CI machine.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
