/**
 * One Firefox + CareSide per test file (Firefox takes several seconds to start, so the tests of a
 * file share it and use distinct posts). Site pages are served at their real URLs in each tab.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { SiteMap } from '../../../scripts/browser/launch';
import { launchFirefoxExtension, serveSitesInTab, type FirefoxExtensionBrowser } from '../../../scripts/browser/firefox';
import { FirefoxSiteUi } from './careside-ui';

export interface FirefoxHarness {
  firefox: FirefoxExtensionBrowser;
  /** An extension page (the welcome tab opened on install) to read and drive the add-on from. */
  extensionPage: Page;
  /** Open a served URL in a new tab; returns the tab and CareSide's UI on it. */
  open: (url: string) => Promise<{ page: Page; ui: FirefoxSiteUi }>;
}

export function useFirefoxExtension(pages: SiteMap): () => FirefoxHarness {
  let current: FirefoxHarness | null = null;

  beforeAll(async () => {
    const firefox = await launchFirefoxExtension({ headless: true });
    current = {
      firefox,
      extensionPage: firefox.welcomePage,
      open: async (url) => {
        const page = await firefox.browser.newPage();
        await serveSitesInTab(page, pages);
        await page.goto(url, { waitUntil: 'domcontentloaded' });
        return { page, ui: new FirefoxSiteUi(page) };
      },
    };
  });

  afterAll(async () => {
    await current?.firefox.close();
    current = null;
  });

  return () => {
    if (!current) throw new Error('Firefox is not running (harness() called outside a test?)');
    return current;
  };
}
