import { defineConfig } from 'vitest/config';

/** Suites of whole builds that take most of the time: `npm run test:slow` runs them (vitest.slow.config.ts). */
export const slowSuites = [
  'tests/robustness/build-interrupt.test.ts',
  'tests/robustness/build-reproducible.test.ts',
  'tests/pool.test.ts',
  'tests/robustness/build-concurrent.test.ts',
  'tests/robustness/large.test.ts',
  'tests/robustness/fuzz.test.ts',
];

// npm test: everything that needs neither ../shared nor a browser, but the slow suites.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/conformance/**', 'tests/browser/**', 'node_modules/**', ...slowSuites],
    globalSetup: ['tests/setup/stylesheets.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
