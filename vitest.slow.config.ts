import { defineConfig } from 'vitest/config';
import { slowSuites } from './vitest.config.js';

// npm run test:slow: the long suites kept out of npm test (full builds under signals, concurrency,
// workers and reproducibility; the large inputs; the fuzz cases through the CLI). .ci/run runs them.
export default defineConfig({
  test: {
    include: slowSuites,
    globalSetup: ['tests/setup/stylesheets.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
