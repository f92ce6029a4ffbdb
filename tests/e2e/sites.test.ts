/**
 * One case logged from each site's demo page in real Chromium, through the real content script
 * for that site (demo/pages.ts serves them at www.facebook.com and www.yelp.com), and the plain
 * message when a page that should show posts yields none.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_PAGES, demoSiteMap, type DemoPage } from '../../demo/pages';
import { waitForText } from '../../scripts/browser/careside-ui';
import { useExtensionBrowser } from './support/extension';
import { pressFocusSidebarShortcut } from './support/service-worker';

const BROKEN_X_SEARCH_URL = 'https://x.com/search?q=acme&src=typed_query&f=live';
const BROKEN_X_SEARCH_HTML = readFileSync(fileURLToPath(new URL('../fixtures/x/search-broken.html', import.meta.url)), 'utf8');
const X_SETTINGS_URL = 'https://x.com/settings/account';

function demoPage(platform: DemoPage['platform']): DemoPage & { firstComplaintPostKey: string } {
  const page = DEMO_PAGES.find((entry) => entry.platform === platform);
  if (!page?.firstComplaintPostKey) throw new Error(`demo/pages.ts has no ${platform} page with a complaint to log`);
  return { ...page, firstComplaintPostKey: page.firstComplaintPostKey };
}

describe('logging a case on each site', () => {
  const harness = useExtensionBrowser({
    pages: {
      ...demoSiteMap(),
      [BROKEN_X_SEARCH_URL]: BROKEN_X_SEARCH_HTML,
      [X_SETTINGS_URL]: '<!doctype html><title>Settings / X</title><main role="main"><h1>Your account</h1></main>',
    },
  });

  it.each([
    ['facebook', 'Facebook', 4, 3],
    ['yelp', 'Yelp', 6, 4],
  ] as const)(
    '%s: the sidebar names the adapter and counts posts, and a case is logged inline',
    async (platform, adapterName, posts, mentions) => {
      const site = demoPage(platform);
      const { ui } = await harness().open(site.url);
      await ui.waitForSidebar();

      const status = await waitForText(
        ui.status,
        new RegExp(`^${adapterName}: read ${posts} posts, ${mentions} mention a brand`),
        `Sidebar status line on ${site.label}`,
      );
      expect(status).toContain(adapterName);
      expect(await ui.settledMentionKeys()).toContain(site.firstComplaintPostKey);

      const ref = await ui.logInline(site.firstComplaintPostKey);
      expect(await ui.sidebarRef(site.firstComplaintPostKey)).toBe(ref);
      expect(await ui.inlineBadgeText(site.firstComplaintPostKey)).toMatch(new RegExp(`^${ref} · New$`));
    },
  );

  it('says plainly that it found no posts on an X search page whose markup it cannot read', async () => {
    const { ui } = await harness().open(BROKEN_X_SEARCH_URL);
    await ui.waitForSidebar();
    // First "looking for posts", then (after the grace period for slow pages) the plain message.
    const status = await waitForText(ui.status, /read 0 posts on a page that should show posts/, 'Sidebar status line', 15_000);
    expect(status).toBe(
      "X / Twitter: read 0 posts on a page that should show posts. The site's layout may have changed, so CareSide cannot read it.",
    );
    expect(await ui.mentions.count()).toBe(0);
  });

  it('does not cry wolf on an X page that never shows posts, and shows the sidebar there when asked', async () => {
    const { browser } = harness();
    const { page, ui } = await harness().open(X_SETTINGS_URL);
    // Nothing to show there, so no sidebar until the user asks for it with the shortcut; asked
    // again until the content script is there to hear it.
    await expect
      .poll(async () => {
        await pressFocusSidebarShortcut(browser.serviceWorker);
        return page.locator('careside-sidebar').count();
      })
      .toBe(1);
    await ui.waitForSidebar();
    expect(await waitForText(ui.status, /no posts on this page/, 'Sidebar status line', 15_000)).toBe(
      'X / Twitter: no posts on this page.',
    );
    // The shortcut that loaded it also put keyboard focus in it (on the panel: there are no rows here).
    await expect
      .poll(() =>
        page.evaluate(() => document.querySelector('careside-sidebar')?.shadowRoot?.activeElement?.getAttribute('data-testid') ?? null),
      )
      .toBe('careside-sidebar');
  });
});
