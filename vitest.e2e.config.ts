import { defineConfig } from 'vitest/config';

// Real-browser tests: Debian Chromium + the built extension (.output/chrome-mv3), driven by
// playwright-core. Node environment, one file at a time (each test starts its own browser).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    // lib code the tests import words things through browser.i18n: Node gets the English messages.
    setupFiles: ['scripts/node-i18n.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    restoreMocks: true,
  },
});
