import { describe, expect, it } from 'vitest';
import { HOOKS } from '../../scripts/browser/careside-ui';
import { useExtensionBrowser } from './support/extension';
import { MENTIONING_POSTS, TEST_POSTS, UNRELATED, X_SEARCH_URL, keyOf, xTestPage } from './support/x-test-page';

describe('sidebar on x.com', () => {
  const harness = useExtensionBrowser({ pages: { [X_SEARCH_URL]: xTestPage() } });

  it('lists one row per brand mention and says how many posts it read', async () => {
    const { ui } = await harness().open(X_SEARCH_URL);
    await ui.waitForSidebar();

    const keys = await ui.settledMentionKeys();

    expect([...keys].sort()).toEqual(MENTIONING_POSTS.map(keyOf).sort());
    expect(keys).not.toContain(keyOf(UNRELATED));
    const status = (await ui.status.first().textContent()) ?? '';
    expect(status).toContain(String(TEST_POSTS.length));
    expect(status).toContain(String(MENTIONING_POSTS.length));
  });

  it('collapses and expands with its toggle', async () => {
    const { ui } = await harness().open(X_SEARCH_URL);
    await ui.waitForSidebar();
    await ui.waitForMention(keyOf(MENTIONING_POSTS[0]));
    const toggle = ui.page.locator(HOOKS.sidebarToggle);

    await toggle.click();
    await ui.mentions.first().waitFor({ state: 'hidden', timeout: 5000 });
    await toggle.click();
    await ui.mentions.first().waitFor({ state: 'visible', timeout: 5000 });
  });
});

describe('sidebar with no brands configured', () => {
  const harness = useExtensionBrowser({ pages: { [X_SEARCH_URL]: xTestPage() }, seedBrand: false });

  it('says no brands are set up and points to the options page', async () => {
    const { browser } = harness();
    const { ui } = await harness().open(X_SEARCH_URL);
    await ui.waitForSidebar();

    await expect.poll(async () => (await ui.sidebar.first().textContent()) ?? '', { timeout: 5000 }).toMatch(/brand/i);
    expect(await ui.mentions.count()).toBe(0);
    const toOptions = ui.sidebar.locator(
      `a[href*="${browser.extensionId}/options.html"], a[href*="options.html"], button:has-text("options"), button:has-text("settings")`,
    );
    expect(await toOptions.count()).toBeGreaterThan(0);
  });
});
