import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: WXT's fake browser + fake-indexeddb, happy-dom for adapter fixtures.
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
    include: [
      'lib/**/*.test.ts',
      'lib/**/*.test.tsx',
      'scripts/**/*.test.ts',
      'components/**/*.test.ts',
      'components/**/*.test.tsx',
      'tests/unit/**/*.test.ts',
      'tests/unit/**/*.test.tsx',
    ],
    setupFiles: ['tests/setup.ts'],
    environment: 'happy-dom',
    restoreMocks: true,
  },
});
