import { defineConfig } from 'vitest/config';

// npm run test:browser: real-browser tests with Debian's chromium.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/setup/stylesheets.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
