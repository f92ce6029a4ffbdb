/**
 * CareSide's main flow in Firefox (MV2 build, background page): set up a brand on the welcome
 * page, log cases on X, Facebook and Yelp, see them in a second tab, in the popup and on the
 * badge; insert a reply and open a handoff link. One Firefox for the file; each test logs its own posts.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PAGES, demoSiteMap, loadDemoSettings } from '../../demo/pages';
import { X_REPLY_COMPOSER_PATH, withXReplyComposer, xReplyComposerHtml } from '../../demo/x/reply-composer';
import { SETTINGS_STORAGE_KEY, type SettingsInput } from '../../lib/settings/schema';
import {
  firefoxBadgeText,
  openExtensionPage,
  seedFirefoxSettings,
  waitForTabAt,
  type FirefoxExtensionGlobal,
} from '../../scripts/browser/firefox';
import { COMPLAINT_BY_MENTION, keyOf, xTestPage } from '../e2e/support/x-test-page';
import { FirefoxCasePanelUi, pollUntil, popupOpenTotal, waitVisible } from './support/careside-ui';
import { useFirefoxExtension } from './support/harness';

/** The reply test's X page: its own URL, so the demo's X search page is served beside it. */
const X_REPLY_TEST_URL = 'https://x.com/search?q=%40AcmeAir&f=live';
const PROFILE_HTML = '<!doctype html><title>Riley Park (@rileypark) / X</title><h1>Riley Park</h1>';

/** The demo brand with X handoff on (the author has no known user id, so it opens their profile). */
function settingsWithHandoff(): SettingsInput {
  const demo = loadDemoSettings();
  return { ...demo, brands: demo.brands.map((brand) => ({ ...brand, handoff: { x: { dm: true }, facebook: {} } })) };
}

/** The form control a <label> names (BrandStep's fields: label + input by id). */
async function field(page: Page, label: string): Promise<ElementHandle<HTMLInputElement & HTMLSelectElement>> {
  const handle = await page.evaluateHandle((text) => {
    const found = [...document.querySelectorAll('label')].find((element) => element.textContent?.trim() === text);
    return found?.control ?? null;
  }, label);
  const element = handle.asElement() as ElementHandle<HTMLInputElement & HTMLSelectElement> | null;
  if (!element) throw new Error(`No form field labelled "${label}" on ${await page.evaluate(() => location.href)}`);
  return element;
}

async function storedSettings(extensionPage: Page): Promise<unknown> {
  return extensionPage.evaluate(
    async (key) => (await (globalThis as unknown as FirefoxExtensionGlobal).browser.storage.local.get(key))[key],
    SETTINGS_STORAGE_KEY,
  );
}

describe('CareSide in Firefox', () => {
  const harness = useFirefoxExtension({
    ...demoSiteMap(),
    [X_REPLY_TEST_URL]: withXReplyComposer(xTestPage()),
    [`https://x.com${X_REPLY_COMPOSER_PATH}`]: xReplyComposerHtml(),
    'https://x.com/rileypark': PROFILE_HTML,
  });

  it('opens the welcome page on install and saves the first brand from its form', async () => {
    const page = harness().extensionPage;
    await waitVisible(page, '[data-testid="welcome-brand-form"]', 'Welcome brand form');
    await (await field(page, 'Brand name')).type('Acme Air');
    await (await field(page, 'Industry')).select('airline_travel');
    await (await field(page, 'X handles')).type('@AcmeAirHelp');
    await (await waitVisible(page, '[data-testid="welcome-save"]', 'Welcome save')).click();
    await waitVisible(page, '[data-testid="welcome-sidebar-step"]', 'Welcome step after saving');
    expect(await storedSettings(page)).toMatchObject({
      brands: [{ id: 'acme-air', name: 'Acme Air', industry: 'airline_travel', handles: { x: ['AcmeAirHelp'] } }],
    });
  });

  it('logs a case on X, Facebook and Yelp; a second tab, the popup and the badge show them', async () => {
    const { extensionPage, open } = harness();
    await seedFirefoxSettings(extensionPage, settingsWithHandoff());
    const refs: string[] = [];
    for (const demo of DEMO_PAGES) {
      const postKey = demo.firstComplaintPostKey;
      if (!postKey) throw new Error(`demo/pages.ts: ${demo.label} names no complaint to log`);
      const first = await open(demo.url);
      await first.ui.waitForSidebar();
      expect(await first.ui.settledStatus(), demo.label).toMatch(/read \d+ posts?/);
      const ref = await first.ui.logFromSidebar(postKey);
      refs.push(ref);

      const second = await open(demo.url);
      await second.ui.waitForSidebar();
      expect(await second.ui.sidebarRef(postKey), `${demo.label}, second tab`).toBe(ref);
      await second.page.close();
    }
    expect(new Set(refs).size).toBe(DEMO_PAGES.length);

    const popup = await openExtensionPage(extensionPage, '/popup.html');
    expect(await popupOpenTotal(popup, DEMO_PAGES.length)).toBe(DEMO_PAGES.length);
    expect(await popup.$eval('>>> [data-testid="popup-newest"]', (list) => list.textContent)).toContain(refs[0]);
    await pollUntil(
      () => firefoxBadgeText(extensionPage),
      (text) => text === String(DEMO_PAGES.length),
      'Toolbar badge text',
    );
    await popup.close();
  });

  it("inserts a picked reply into X's composer and opens the handoff link in a new tab", async () => {
    const { firefox, extensionPage, open } = harness();
    await seedFirefoxSettings(extensionPage, settingsWithHandoff());
    const { page, ui } = await open(X_REPLY_TEST_URL);
    await ui.waitForSidebar();
    const postKey = keyOf(COMPLAINT_BY_MENTION);
    const ref = await ui.logFromSidebar(postKey);
    const panel = new FirefoxCasePanelUi(page);
    await panel.open(postKey);
    expect(await panel.suggestionCount()).toBe(3);
    const picked = await panel.pick(1);
    expect(picked).toContain(ref);

    // Firefox's contenteditable must take the text the way X's Draft.js editor records it.
    const result = await panel.insert();
    expect(result.kind, result.text).toBe('inserted');
    const composer = await page.evaluate(() => (window as unknown as { __xComposer: { model: string; opened: number } }).__xComposer);
    expect(composer.opened).toBe(1);
    expect(composer.model).toBe(picked);
    expect(await panel.waitForTimelineEntry('reply_inserted')).toContain("into X's reply box");

    // The tab opens at the profile (its load is blocked: nothing leaves the machine).
    await panel.clickHandoff('x_profile');
    const profile = await waitForTabAt(firefox.browser, 'https://x.com/rileypark');
    // Firefox let the content script copy the private message for pasting (clipboard, from the click).
    expect(await panel.handoffResult()).toContain('The private message was copied');
    await panel.confirmHandoff();
    expect(await panel.waitForTimelineEntry('handed_off')).toContain('via X DM (from the profile)');
    await profile.close();
  });
});
