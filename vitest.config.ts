import { defineConfig } from 'vitest/config';

// npm test: everything that needs neither ../shared nor a browser.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/conformance/**', 'tests/browser/**', 'node_modules/**'],
    globalSetup: ['tests/setup/stylesheets.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
