import { browser, type Browser } from 'wxt/browser';

/** The page that sets up the first brand (entrypoints/welcome). */
export const WELCOME_PATH = '/welcome.html';

/**
 * A first install opens the welcome page in a new tab; an update, a browser update or a
 * reload of an unpacked build opens nothing. Registered synchronously, like every listener
 * that can wake the worker. The page itself says so when brands are already configured.
 */
export function registerOnboarding(): void {
  try {
    browser.runtime.onInstalled.addListener((details: Browser.runtime.InstalledDetails) => {
      if (details.reason !== 'install') return;
      browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PATH) }).catch((error: unknown) => {
        console.warn('CareSide: could not open the welcome page', error);
      });
    });
  } catch (error) {
    console.warn('CareSide: install events unavailable, no welcome page', error);
  }
}
