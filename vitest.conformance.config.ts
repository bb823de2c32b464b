import { defineConfig } from 'vitest/config';

// npm run test:conformance: checks that read ../shared (or $EDITION_SHARED).
export default defineConfig({
  test: {
    include: ['tests/conformance/**/*.test.ts'],
    globalSetup: ['tests/conformance/shared-folder.ts', 'tests/setup/stylesheets.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
