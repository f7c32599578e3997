import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // CI has 2 cores, but a site test spends much of its time waiting on Chromium or a child
    // process: three files at a time keep both cores busy (measured on a fresh clone: the test
    // phase had 131 core-seconds idle with two).
    maxWorkers: 3,
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        // Tests of built sites (files and a real browser). tests/build/global-setup.ts builds every
        // scenario once per run before any of these files runs; the files only read the results,
        // so they run in parallel.
        test: {
          name: 'site',
          include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/build/global-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
