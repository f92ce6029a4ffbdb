import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadDemoSettings } from '../../demo/pages';
import { launchExtensionBrowser, openPopup, seedSettings, waitForWelcomePage, type ChromeGlobal } from '../../scripts/browser/launch';
import { AGENT_PROFILE_STORAGE_KEY } from '../../lib/settings/agent-profile';
import { SETTINGS_STORAGE_KEY } from '../../lib/settings/schema';
import { useExtensionBrowser } from './support/extension';

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

describe('welcome page on a first install', () => {
  it('opens by itself, refuses a bad handle with the sentence, saves the first brand and ends on "You\'re set"', async () => {
    const browser = await launchExtensionBrowser({ headless: true, welcomePage: 'keep' });
    try {
      const page = await waitForWelcomePage(browser.context, browser.extensionId);
      await page.getByTestId('welcome-brand-form').waitFor({ timeout: 10_000 });

      await field(page, 'Brand name').fill('Acme Air');
      await field(page, 'Industry').selectOption('airline_travel');
      await field(page, 'X handles').fill('@Acme Air Help');
      await field(page, 'Yelp business page').fill('https://www.yelp.com/biz/acme-air-san-francisco?osq=acme');
      await page.getByTestId('welcome-save').click();
      const problems = page.getByTestId('welcome-problems');
      await problems.waitFor();
      expect(await problems.textContent()).toContain('"@Acme Air Help" is not a handle: an X handle is one word of letters, digits and _');
      expect(await field(page, 'X handles').evaluate((element) => element === document.activeElement)).toBe(true);

      await field(page, 'X handles').fill('@AcmeAirHelp');
      await field(page, 'Your name (shown to teammates)').fill('Priya Shah');
      await page.getByTestId('welcome-save').click();
      await page.getByTestId('welcome-sidebar-step').waitFor();
      // The name is this install's agent identity, the one Options → You as an agent edits.
      const profile = await browser.serviceWorker.evaluate(
        async (key) => (await (globalThis as unknown as ChromeGlobal).chrome.storage.local.get(key))[key],
        AGENT_PROFILE_STORAGE_KEY,
      );
      expect(profile).toMatchObject({ name: 'Priya Shah' });
      expect(await page.getByTestId('welcome-sidebar-step').textContent()).toContain('the CareSide panel docks at the right edge');
      const stored = await browser.serviceWorker.evaluate(
        async (key) => (await (globalThis as unknown as ChromeGlobal).chrome.storage.local.get(key))[key],
        SETTINGS_STORAGE_KEY,
      );
      expect(stored).toMatchObject({
        brands: [
          {
            id: 'acme-air',
            name: 'Acme Air',
            industry: 'airline_travel',
            handles: { x: ['AcmeAirHelp'], yelp: ['acme-air-san-francisco'] },
          },
        ],
      });

      await page.getByTestId('welcome-continue').click();
      await page.getByTestId('welcome-done').waitFor();
      expect(await page.getByRole('heading', { name: "You're set" }).count()).toBe(1);
      expect(await page.getByTestId('welcome-open-x').getAttribute('href')).toBe('https://x.com/search?q=%40AcmeAirHelp&f=live');

      // The popup now counts cases instead of asking for a brand.
      const popup = await openPopup(browser.context, browser.extensionId);
      await popup.getByTestId('popup-open-total').waitFor();
      expect(await popup.getByTestId('popup-setup').count()).toBe(0);
    } finally {
      await browser.close();
    }
  });
});

describe('welcome page and popup with the e2e harness', () => {
  const harness = useExtensionBrowser({ pages: {}, seedBrand: false });

  it('starts without the welcome tab (the harness closes it) and the popup leads with "Set up your first brand"', async () => {
    const { browser } = harness();
    expect(browser.context.pages().map((page) => page.url())).not.toContain(`chrome-extension://${browser.extensionId}/welcome.html`);
    const popup = await openPopup(browser.context, browser.extensionId);
    const link = popup.getByTestId('popup-setup-link');
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`chrome-extension://${browser.extensionId}/welcome.html`);
    expect(await popup.getByTestId('popup-open-total').count()).toBe(0);
  });

  it('says brands are configured already and offers the options page', async () => {
    const { browser } = harness();
    await seedSettings(browser.serviceWorker, loadDemoSettings());
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/welcome.html`);
    const configured = page.getByTestId('welcome-configured');
    await configured.waitFor();
    expect(await configured.textContent()).toContain('It watches for one brand: Acme Air.');
    expect(await page.getByTestId('welcome-brand-form').count()).toBe(0);
  });
});
