import { defineConfig } from 'wxt';

// One config for Chrome MV3 (primary) and Firefox (MV2 by WXT default, must pass `web-ext lint`).
export default defineConfig({
  // The timeline bench builds its own copy with its stats hook (WXT_BENCH=1), beside the real build.
  outDir: process.env.WXT_BENCH === '1' ? '.output/bench' : '.output',
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  // Toolbar and store icons (16, 32, 48, 128 px) drawn from one SVG at build time.
  autoIcons: { baseIconPath: 'assets/icon.svg' },
  // CARESIDE_NO_MINIFY=1 keeps function names readable in CPU profiles (scripts/bench/timeline.ts).
  vite: () => (process.env.CARESIDE_NO_MINIFY ? { build: { minify: false } } : {}),
  manifest: ({ browser }) => ({
    name: 'CareSide',
    description:
      'Social-media customer care: spot brand complaints on X, Facebook and Yelp, log them as cases, reply well and move them to a private channel.',
    // No "tabs": broadcasts need only tab ids, and the dashboard tab is found with runtime.getContexts.
    permissions: ['storage', 'alarms', 'notifications'],
    // runtime.getContexts (openDashboard) arrived in Chrome 116.
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '116' }),
    action: { default_title: 'CareSide: open cases' },
    // Keyboard users reach the sidebar without tabbing through an endless feed (lib/background/commands.ts).
    commands: {
      'focus-sidebar': { suggested_key: { default: 'Alt+Shift+C' }, description: 'Focus the CareSide sidebar on this page' },
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
