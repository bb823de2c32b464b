import { defineConfig } from 'vitest/config';

/**
 * Suites that take most of the time: whole builds (many of them), and the entry stylesheets compiled to
 * be held to the build's. `npm run test:slow` runs them (vitest.slow.config.ts), and so does .ci/run.
 */
export const slowSuites = [
  'tests/entry-pages.test.ts',
  'tests/entry-stylesheets.test.ts',
  'tests/robustness/build-interrupt.test.ts',
  'tests/robustness/build-reproducible.test.ts',
  'tests/pool.test.ts',
  'tests/robustness/build-concurrent.test.ts',
  'tests/robustness/large.test.ts',
  'tests/robustness/fuzz.test.ts',
];

// npm test: everything that needs neither ../shared nor a browser, but the slow suites; it compiles no stylesheet
// while the committed xslt/build.sef.json is current (tests/setup/stylesheets.ts).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/conformance/**', 'tests/browser/**', 'node_modules/**', ...slowSuites],
    globalSetup: ['tests/setup/stylesheets.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
