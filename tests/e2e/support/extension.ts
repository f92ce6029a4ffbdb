/**
 * One fresh Chromium + CareSide per test (a new profile, so a new IndexedDB): tests never
 * depend on each other's cases. Launch takes about a second.
 */
import { afterEach, beforeEach } from 'vitest';
import type { Page } from 'playwright-core';
import { loadDemoSettings } from '../../../demo/pages';
import {
  launchExtensionBrowser,
  seedSettings,
  serveSites,
  type ExtensionBrowser,
  type SiteMap,
  type SiteServer,
} from '../../../scripts/browser/launch';
import { SitePageUi } from '../../../scripts/browser/careside-ui';

export interface E2eHarness {
  browser: ExtensionBrowser;
  server: SiteServer;
  /** Open a served URL in a new tab; returns the tab and CareSide's UI on it. */
  open(url: string): Promise<{ page: Page; ui: SitePageUi }>;
}

export interface HarnessOptions {
  pages: SiteMap;
  /** Seed the demo brand (Acme Air) before any page opens; default true. */
  seedBrand?: boolean;
  /** The browser's UI language (launchExtensionBrowser's uiLanguage); English by default. */
  uiLanguage?: string;
}

/** Registers beforeEach/afterEach; call `harness()` inside a test to get the running browser. */
export function useExtensionBrowser(options: HarnessOptions): () => E2eHarness {
  let current: E2eHarness | null = null;

  beforeEach(async () => {
    const browser = await launchExtensionBrowser({ headless: true, ...(options.uiLanguage ? { uiLanguage: options.uiLanguage } : {}) });
    try {
      if (options.seedBrand ?? true) await seedSettings(browser.serviceWorker, loadDemoSettings());
      const server = await serveSites(browser.context, options.pages);
      current = {
        browser,
        server,
        async open(url) {
          const page = await browser.context.newPage();
          await page.goto(url, { waitUntil: 'domcontentloaded' });
          return { page, ui: new SitePageUi(page) };
        },
      };
    } catch (error) {
      await browser.close();
      throw error;
    }
  });

  afterEach(async () => {
    await current?.browser.close();
    current = null;
  });

  return () => {
    if (!current) throw new Error('The e2e browser is not running (harness() called outside a test?)');
    return current;
  };
}
