import { fileURLToPath } from 'node:url';
import type { Alias, AliasOptions } from 'vite';
import { defineConfig } from 'wxt';
import { SIDEBAR_UI_ENTRYPOINT, SIDEBAR_UI_FILE } from './lib/content/sidebar-ui';
import { SITES } from './lib/sites/registry';
import { matchPatterns } from './lib/sites/site';

/** The background build's stand-ins for the libraries its lazy scripts carry (lib/background/lazy/). */
const LAZY_LIBRARY_ALIASES = ['pouchdb-browser', 'papaparse', 'webextension-polyfill'].map((name) => ({
  find: new RegExp(`^${name}$`),
  replacement: fileURLToPath(new URL(`./lib/background/lazy/${name}.ts`, import.meta.url)),
}));
let targetBrowser: string | undefined;

function aliasesOf(alias: AliasOptions | undefined): Alias[] {
  if (!alias) return [];
  return Array.isArray(alias)
    ? (alias as Alias[])
    : Object.entries(alias as Record<string, string>).map(([find, replacement]) => ({ find, replacement }));
}

// One config for Chrome MV3 (primary) and Firefox (MV2 by WXT default, must pass `web-ext lint`).
export default defineConfig({
  // The timeline bench builds its own copy with its stats hook (WXT_BENCH=1), beside the real build.
  outDir: process.env.WXT_BENCH === '1' ? '.output/bench' : '.output',
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons', '@wxt-dev/i18n/module'],
  // Toolbar and store icons (16, 32, 48, 128 px) drawn from one SVG at build time.
  autoIcons: { baseIconPath: 'assets/icon.svg' },
  // CARESIDE_NO_MINIFY=1 keeps function names readable in CPU profiles (scripts/bench/timeline.ts);
  // CARESIDE_SOURCEMAP=1 writes source maps (scripts/bench/bundle-composition.ts reads them).
  vite: ({ browser }) => {
    targetBrowser = browser;
    return {
      build: {
        ...(process.env.CARESIDE_NO_MINIFY ? { minify: false } : {}),
        ...(process.env.CARESIDE_SOURCEMAP ? { sourcemap: true } : {}),
      },
    };
  },
  hooks: {
    // The sidebar UI (entrypoints/content-ui.ts) is an ES module the content script import()s, so
    // its default export (what main() returns: the mount function) reaches the content script.
    'vite:build:extendConfig'(entrypoints, config) {
      // Chrome's worker parses its script on every wake: libraries no wake needs come from package
      // scripts it imports on first use (lib/background/lazy-scripts.ts). Firefox's background page bundles them.
      if (entrypoints.length === 1 && entrypoints[0]?.type === 'background' && targetBrowser !== 'firefox') {
        config.resolve = { ...config.resolve, alias: [...aliasesOf(config.resolve?.alias), ...LAZY_LIBRARY_ALIASES] };
        return;
      }
      const { lib, rollupOptions } = config.build ?? {};
      if (entrypoints.length !== 1 || entrypoints[0]?.name !== SIDEBAR_UI_ENTRYPOINT || !lib) return;
      lib.formats = ['es'];
      // Vite keeps an ES library's whitespace (for its users' bundlers): this one ships as it is.
      const output = rollupOptions?.output;
      if (output && !Array.isArray(output) && !process.env.CARESIDE_NO_MINIFY) output.minify = true;
    },
  },
  manifest: ({ browser }) => ({
    // UI strings live in locales/<lang>.yml (@wxt-dev/i18n); the manifest takes them as __MSG_…__.
    default_locale: 'en',
    name: '__MSG_extension_name__',
    description: '__MSG_extension_description__',
    // No "tabs": broadcasts need only tab ids, and the dashboard tab is found with runtime.getContexts.
    permissions: ['storage', 'alarms', 'notifications'],
    // runtime.getContexts (openDashboard) arrived in Chrome 116.
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '116' }),
    action: { default_title: '__MSG_extension_actionTitle__' },
    // The sidebar's code, loaded by the content script only on the sites it runs on. It holds no
    // secret and answers no page message: a page that fetches it gains nothing (lib/content/sidebar-ui.ts).
    web_accessible_resources: [{ resources: [SIDEBAR_UI_FILE], matches: Object.values(SITES).flatMap((site) => matchPatterns(site)) }],
    // Keyboard users reach the sidebar without tabbing through an endless feed (lib/background/commands.ts).
    commands: {
      'focus-sidebar': { suggested_key: { default: 'Alt+Shift+C' }, description: '__MSG_extension_focusSidebar__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'careside@careside.app',
              // The oldest Firefox the e2e suite (tests/firefox, `npm run test:firefox`) has passed on.
              strict_min_version: '153.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
