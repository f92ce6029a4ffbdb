import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: WXT's fake browser + fake-indexeddb everywhere; happy-dom only where a page is needed.
// Two projects split by folder, so new test files land in one by where they sit:
// - dom: what renders or reads pages (components, content scripts, site adapters, tests/unit);
// - logic: the rest of lib/ and scripts/, in Node (a file there that needs a page says so with
//   `// @vitest-environment happy-dom` on its first line).
// happy-dom for every file cost more than most files' tests (CI has a time budget).
const DOM_FOLDERS = ['components', 'lib/content', 'lib/sites', 'tests/unit'];
const TEST_FILES = '**/*.test.{ts,tsx}';

export default defineConfig({
  plugins: [WxtVitest()],
  // @wxt-dev/i18n reads browser.i18n through @wxt-dev/browser: point it at the same fake browser
  // as wxt/browser (tests/setup.ts fills its i18n with the real locales/en.yml messages).
  resolve: {
    alias: {
      '@wxt-dev/browser': fileURLToPath(
        import.meta.resolve('wxt/testing/fake-browser').replace('testing/fake-browser', 'virtual/mock-browser'),
      ),
    },
  },
  test: {
    server: { deps: { inline: ['@wxt-dev/i18n'] } },
    globalSetup: ['tests/unit-global-setup.ts'],
    setupFiles: ['tests/setup.ts'],
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'dom',
          include: DOM_FOLDERS.map((folder) => `${folder}/${TEST_FILES}`),
          environment: 'happy-dom',
        },
      },
      {
        extends: true,
        test: {
          name: 'logic',
          include: [`lib/${TEST_FILES}`, `scripts/${TEST_FILES}`],
          exclude: DOM_FOLDERS.filter((folder) => folder.startsWith('lib/')).map((folder) => `${folder}/**`),
          environment: 'node',
        },
      },
    ],
  },
});
