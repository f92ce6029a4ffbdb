import { defineConfig } from 'vitest/config';

// Firefox tests: Debian's firefox-esr + the MV2 build (.output/firefox-mv2), driven by
// puppeteer-core over WebDriver BiDi. One Firefox per file, files one at a time.
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.test.ts'],
    environment: 'node',
    // lib code the tests import words things through browser.i18n: Node gets the English messages.
    setupFiles: ['scripts/node-i18n.ts'],
    globalSetup: ['tests/firefox/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    restoreMocks: true,
  },
});
