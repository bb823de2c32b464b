import { defineConfig } from 'vitest/config';
import { slowSuites } from './vitest.config.js';

// npm run test:slow: the long suites kept out of npm test (full builds under signals, concurrency,
// workers and reproducibility; the incremental entry pages; the large inputs; the fuzz cases through the CLI;
// the entry stylesheets against the build's, which its set-up compiles). .ci/run runs them.
export default defineConfig({
  test: {
    include: slowSuites,
    globalSetup: ['tests/setup/entry-stylesheets.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
