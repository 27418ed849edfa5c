import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Two projects, both run by `npx vitest run`:
 * - unit: everything under tests/ except the browser tests;
 * - e2e: tests/e2e, in a real Chromium. Its global set-up (install Chromium when allowed, build the
 *   bundle, start a static server) runs only when an e2e file is selected, so `npx vitest run tests/engine`
 *   stays fast. Files run one after another: one browser at a time on a 2-core machine.
 */
export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, 'tests/e2e/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/setup/global-setup.ts'],
          fileParallelism: false,
          // A real browser on a 2-core machine shared with the unit project: one retry absorbs a scheduling
          // hiccup; a behaviour that is really broken still fails twice and turns the run red.
          retry: 1,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
